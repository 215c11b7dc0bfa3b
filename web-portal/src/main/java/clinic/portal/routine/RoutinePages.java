package clinic.portal.routine;

import clinic.portal.common.Calls;
import clinic.portal.common.DischargedProgram;
import clinic.portal.common.FormValues;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.common.PatientWords;
import clinic.portal.common.ProgressChart;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Advice;
import clinic.portal.outbound.ProgramApi.DueMeasure;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.MeasuresDue;
import clinic.portal.outbound.ProgramApi.NewSession;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.Session;
import clinic.portal.outbound.ProgramApi.SessionExercise;
import clinic.portal.outbound.ProgramApi.Today;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.rules.PatientGuidance;
import clinic.rules.RedFlag;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The patient's own pages: today's routine, logging a session, and progress. */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("patient")
@Tag(name = "Pages: my routine")
public class RoutinePages {

    /** The red-flag symptoms a patient can report: the one vocabulary of {@code clinic.rules}, as the screening. */
    static final List<String> RED_FLAGS =
            RedFlag.all().stream().map(RedFlag::name).toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(
                Outcome<Today> today,
                List<Prescription> exercises,
                List<DueMeasure> dueMeasures,
                DischargedProgram discharged);

        static native TemplateInstance handout(Outcome<Today> today, List<Prescription> exercises);

        static native TemplateInstance log(
                Outcome<Today> today,
                List<Prescription> exercises,
                SessionForm form,
                Notice notice,
                List<String> redFlagCodes,
                String paused);

        static native TemplateInstance logged(Session session, Advice redFlag, List<String> whatToDo);

        static native TemplateInstance history(
                Outcome<Program> program,
                Outcome<List<Session>> sessions,
                ProgressChart chart,
                Outcome<Progress> progress,
                DischargedProgram discharged);
    }

    /** The header that tells the offline queue what became of a posted session: saved, refused or retry. */
    static final String OUTCOME = "X-Session-Outcome";

    /** Stored (or already stored under the same Idempotency-Key). */
    static final String SAVED = "saved";

    /** Will never be stored as sent (invalid, no program, program paused): sending it again cannot help. */
    static final String REFUSED = "refused";

    /** Not stored because the program service could not be reached or failed: worth sending again later. */
    static final String RETRY = "retry";

    private final ProgramServiceClient programs;

    private final Lang lang;

    public RoutinePages(@RestClient ProgramServiceClient programs, Lang lang) {
        this.programs = programs;
        this.lang = lang;
    }

    @GET
    @Path("/today")
    @Operation(summary = "Today's routine as cards, with the pain rules")
    public TemplateInstance today() {
        Outcome<Today> today = Calls.attempt(Calls.PROGRAMS, programs::today);
        List<DueMeasure> due = List.of();
        DischargedProgram discharged = null;
        if (today.isOk() && today.value().programId() != null && !today.value().isOnHold()) {
            // Fail soft: without the due list the page simply has no questionnaire banner.
            long id = today.value().programId();
            Outcome<MeasuresDue> answer = Calls.attempt(Calls.PROGRAMS, () -> programs.measuresDue(id));
            due = answer.isOk() && answer.value() != null ? answer.value().open() : List.of();
        } else if (!today.isOk() && today.notice().isNotFound()) {
            discharged = DischargedProgram.of(programs);
        }
        return Templates.today(today, exercises(today), due, discharged);
    }

    @GET
    @Path("/handout")
    @Operation(summary = "A printable handout: every exercise in full, the pain rules and the red flags")
    public TemplateInstance handout() {
        Outcome<Today> today = Calls.attempt(Calls.PROGRAMS, programs::today);
        return Templates.handout(today, exercises(today));
    }

    @GET
    @Path("/log")
    @Operation(summary = "Session log form")
    public TemplateInstance logForm() {
        SessionForm form = new SessionForm();
        form.date = LocalDate.now().toString();
        form.idempotencyKey = UUID.randomUUID().toString();
        Outcome<Today> today = Calls.attempt(Calls.PROGRAMS, programs::today);
        return Templates.log(today, exercises(today), form, null, RED_FLAGS, null);
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log a session; red flags show the emergency advice at once")
    public TemplateInstance log(@BeanParam SessionForm form, @Context HttpServerResponse response) {
        // The program is looked up from the signed-in patient, never taken from the form.
        Outcome<Today> today = Calls.attempt(Calls.PROGRAMS, programs::today);
        List<Prescription> exercises = exercises(today);
        if (!today.isOk() || today.value().programId() == null) {
            outcome(response, today.isOk() || today.notice().isNotFound() ? REFUSED : RETRY);
            Notice notice =
                    today.isOk() ? Notice.of(lang.bundle(Me.class).log_notice_no_program(), List.of()) : today.notice();
            return Templates.log(today, exercises, form, notice, RED_FLAGS, null);
        }
        if (today.value().isOnHold() && FormValues.blankToNull(form.idempotencyKey) == null) {
            // With a key the service decides: a session already stored under it (sent before the red flag it
            // reported paused the program, its answer lost) is answered as saved; a new one is refused (422 below).
            outcome(response, REFUSED);
            // The template shows the paused program and its advice instead of the form; nothing is sent.
            return Templates.log(today, exercises, form, null, RED_FLAGS, null);
        }
        List<Violation> violations = new ArrayList<>();
        FormValues.required(form.date, "date", violations);
        Integer before = FormValues.integer(form.painBefore, "painBefore", violations);
        Integer after = FormValues.integer(form.painAfter, "painAfter", violations);
        FormValues.required(form.painBefore, "painBefore", violations);
        FormValues.required(form.painAfter, "painAfter", violations);
        if (!violations.isEmpty()) {
            outcome(response, REFUSED);
            return Templates.log(
                    today,
                    exercises,
                    form,
                    Notice.of(lang.bundle(Me.class).log_notice_check(), violations),
                    RED_FLAGS,
                    null);
        }
        // An active routine says which exercises there are. A paused one lists none, and the form reaches here only
        // with its key (a resend): the exercises it showed make the body it sent first, which the service decides on.
        List<String> slugs = today.value().isOnHold()
                ? FormValues.orEmpty(form.shown).stream()
                        .filter(slug -> slug != null && !slug.isBlank())
                        .distinct()
                        .toList()
                : exercises.stream().map(Prescription::exercise).toList();
        List<SessionExercise> done = slugs.stream()
                .map(slug ->
                        new SessionExercise(slug, form.isCompleted(slug), form.sideOf(slug), form.hadNervePain(slug)))
                .toList();
        NewSession session = new NewSession(
                form.date.trim(),
                before,
                after,
                done,
                form.isPainLasted(),
                FormValues.orEmpty(form.redFlagSymptoms),
                FormValues.blankToNull(form.notes),
                form.painStops());
        String key = FormValues.blankToNull(form.idempotencyKey) == null
                ? UUID.randomUUID().toString()
                : form.idempotencyKey.trim();
        long programId = today.value().programId();
        Outcome<Session> saved = Calls.attempt(Calls.PROGRAMS, () -> programs.logSession(programId, key, session));
        if (!saved.isOk()) {
            int status = saved.notice().status();
            // 409 is the program service still storing an earlier send of the same key: send again later.
            outcome(response, status == 400 || status == 404 || status == 422 ? REFUSED : RETRY);
            if (status == 422) {
                // The program was put on hold (a red flag since the page was opened): patient words, never the
                // service's staff text, and today's advice from a fresh look.
                Outcome<Today> now = Calls.attempt(Calls.PROGRAMS, programs::today);
                return Templates.log(
                        now.isOk() ? now : today, exercises, form, null, RED_FLAGS, PatientGuidance.onHold());
            }
            return Templates.log(today, exercises, form, saved.notice(), RED_FLAGS, null);
        }
        outcome(response, SAVED);
        Session s = saved.value();
        Advice redFlag = s.advice() != null ? s.advice().redFlag() : null;
        if (redFlag == null
                && (form.isRedFlag()
                        || (s.redFlagSymptoms() != null && !s.redFlagSymptoms().isEmpty()))) {
            // A service without the advice field: the same advice from the same rules, for what was reported.
            List<String> reported =
                    s.redFlagSymptoms() != null && !s.redFlagSymptoms().isEmpty()
                            ? s.redFlagSymptoms()
                            : form.redFlagSymptoms;
            redFlag = PatientWords.forCodes(reported);
        }
        List<String> whatToDo =
                redFlag != null || s.advice() == null || s.advice().whatToDo() == null
                        ? List.of()
                        : s.advice().whatToDo();
        return Templates.logged(s, redFlag, whatToDo);
    }

    /**
     * Says what became of a posted session in a header, for the offline queue ({@code js/offline.js}), which sends a
     * session logged offline later and must know whether to keep it: the page itself is 200 in every case (the form
     * again, with its notice), as a browser shows it.
     */
    private static void outcome(HttpServerResponse response, String outcome) {
        if (response != null) {
            response.putHeader(OUTCOME, outcome);
        }
    }

    @GET
    @Path("/history")
    @Operation(summary = "The patient's sessions and progress chart")
    public TemplateInstance history() {
        Outcome<Program> program = Calls.attempt(Calls.PROGRAMS, programs::myProgram);
        if (!program.isOk() || program.value().id() == null) {
            DischargedProgram discharged =
                    !program.isOk() && program.notice().isNotFound() ? DischargedProgram.of(programs) : null;
            return Templates.history(
                    program, Outcome.ok(List.of()), ProgressChart.of(null, List.of()), Outcome.ok(null), discharged);
        }
        long id = program.value().id();
        Outcome<List<Session>> sessions = Calls.attempt(Calls.PROGRAMS, () -> programs.sessions(id));
        Outcome<Progress> progress = Calls.attempt(Calls.PROGRAMS, () -> programs.progress(id));
        ProgressChart chart = ProgressChart.of(progress.value(), sessions.isOk() ? sessions.value() : List.of());
        return Templates.history(program, sessions, chart, progress, null);
    }

    /**
     * Today's exercises with the library's descriptions filled in where the routine sends only slug and dosage, so
     * the cards always show how to do it, what to feel and the precautions.
     */
    private List<Prescription> exercises(Outcome<Today> today) {
        if (!today.isOk() || today.value().exercises() == null) {
            return List.of();
        }
        List<Prescription> items = today.value().exercises();
        boolean complete = items.stream()
                .allMatch(p -> p.name() != null
                        && (p.instructions() != null || p.cautionAcknowledged())
                        && p.commonMistakes() != null);
        if (complete) {
            return items;
        }
        Outcome<List<Exercise>> library = Calls.attempt(Calls.PROGRAMS, () -> programs.exercises(null, null));
        Map<String, Exercise> bySlug = library.isOk() && library.value() != null
                ? library.value().stream()
                        .filter(e -> e.slug() != null)
                        .collect(Collectors.toMap(Exercise::slug, Function.identity(), (a, b) -> a))
                : Map.of();
        return items.stream()
                .map(p -> {
                    Exercise e = bySlug.get(p.exercise());
                    if (e == null) {
                        return p;
                    }
                    return new Prescription(
                            p.exercise(),
                            p.name() != null ? p.name() : e.name(),
                            p.sets(),
                            p.reps(),
                            p.holdSeconds(),
                            p.minutes(),
                            p.timesPerDay(),
                            p.perSide(),
                            p.instructions() != null || p.cautionAcknowledged() ? p.instructions() : e.instructions(),
                            p.shouldFeel() != null || p.cautionAcknowledged() ? p.shouldFeel() : e.shouldFeel(),
                            p.precautions() != null ? p.precautions() : e.precautions(),
                            p.markedForReview(),
                            p.commonMistakes() != null ? p.commonMistakes() : e.commonMistakes(),
                            p.acknowledgedCaution(),
                            p.physioInstructions(),
                            p.revision(),
                            // The picture and video of the prescribed revision only: the library's current revision may
                            // have another picture, which a patient may not see (the media access rule). Only a
                            // routine without revisions (an older service) takes the library's.
                            p.revision() == null ? e.imageId() : p.imageId(),
                            p.revision() == null ? e.videoUrl() : p.videoUrl(),
                            p.illustration() != null ? p.illustration() : e.illustration());
                })
                .toList();
    }
}
