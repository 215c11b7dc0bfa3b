package clinic.portal.admin;

import clinic.portal.common.Calls;
import clinic.portal.common.FormValues;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientApi.PatientPage;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Clinic admin pages: reports (as far as program-service offers them); the audit pages are {@link AuditPages}. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
@Tag(name = "Pages: admin")
public class AdminPages {

    /** The reports the clinic asked for; each is fetched from {@code GET /api/reports/{name}}. */
    static final List<ReportSpec> REPORTS = List.of(
            new ReportSpec(
                    "overview",
                    "Overview",
                    "Active programs and patients, phases, weekly logs, adherence, pain change, open alerts."),
            new ReportSpec("caseload", "Caseload", "Programs and patients per physio."),
            new ReportSpec(
                    "referrals",
                    "Consider referral",
                    "Programs with pain that stops sleep or work, or without clinically important improvement after several weeks."),
            new ReportSpec("adherence", "Adherence", "Share of prescribed days logged, per program."));

    /**
     * The outcomes of discharged programs: its own section (typed, not a generic table), asked for beside the four
     * reports, with its CSV link through {@link #csv}.
     */
    static final ReportSpec OUTCOMES = new ReportSpec(
            "outcomes",
            "Outcomes",
            "Programs discharged in the period: how many reached the minimal important change of their outcome"
                    + " questionnaires, questionnaire completion by time point, and discharge reasons.");

    /**
     * The outcomes section: the report, or "not yet available" (404), or a degraded notice.
     *
     * @param report null when the service answered nothing
     */
    public record OutcomesPanel(
            ReportSpec spec, ProgramApi.OutcomesReport report, boolean notYetAvailable, String problem) {}

    /** How many generic reports the page shows (and asks program-service for, side by side). */
    public static final int REPORTS_SHOWN = REPORTS.size();

    public record ReportSpec(String name, String title, String description) {

        /** This report's title and description in the words of {@code words}' language. */
        ReportSpec worded(Reports words) {
            return switch (name) {
                case "overview" -> new ReportSpec(name, words.reports_overview_title(), words.reports_overview_text());
                case "caseload" -> new ReportSpec(name, words.reports_caseload_title(), words.reports_caseload_text());
                case "referrals" -> new ReportSpec(
                        name, words.reports_referrals_title(), words.reports_referrals_text());
                case "adherence" -> new ReportSpec(
                        name, words.reports_adherence_title(), words.reports_adherence_text());
                case "outcomes" -> new ReportSpec(name, words.reports_outcomes_title(), words.reports_outcomes_text());
                default -> this;
            };
        }
    }

    /**
     * One report panel: its table (with patient names where the report has {@code patientId}), the overview's
     * figures and charts, the adherence report's next-page cursor, or "not yet available" (404), or a degraded notice.
     */
    public record ReportPanel(
            ReportSpec spec,
            JsonTable table,
            OverviewReport overview,
            String nextCursor,
            Long total,
            boolean notYetAvailable,
            String problem) {}

    /**
     * Referrals shown per page, oldest first: a busy clinic has thousands (4,337 on the generated clinic), which
     * would make a page of megabytes; the CSV download has them all.
     */
    public static final int REFERRALS_PAGE = 25;

    /** At most this many ids per batch lookup of names ({@code GET /api/patients?ids=}, patient-service's limit). */
    public static final int NAMES_BATCH = 100;

    /** The page's query parameter that carries a paged report's cursor. */
    static String cursorParameter(String report) {
        return switch (report) {
            case "adherence" -> "after";
            case "referrals" -> "referralsAfter";
            default -> null;
        };
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(
                ReportFilter filter,
                List<ReportPanel> panels,
                OutcomesPanel outcomes,
                Notice namesNotice,
                Notice csvNotice,
                List<Protocol> protocols);
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;
    private final ManagedExecutor executor;
    private final Lang lang;

    public AdminPages(
            @RestClient PatientServiceClient patients,
            @RestClient ProgramServiceClient programs,
            ManagedExecutor executor,
            Lang lang) {
        this.patients = patients;
        this.programs = programs;
        this.executor = executor;
        this.lang = lang;
    }

    @GET
    @Path("/reports")
    @Operation(summary = "Clinic reports for a period and optionally one physio, with charts and CSV links")
    @APIResponse(responseCode = "200", description = "The reports page; a failing service degrades its panels only")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public TemplateInstance reports(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("physio") String physio,
            @QueryParam("protocol") String protocol,
            @QueryParam("after") String after,
            @QueryParam("referralsAfter") String referralsAfter) {
        return reportsPage(
                ReportFilter.of(from, to, physio, protocol),
                FormValues.blankToNull(after),
                FormValues.blankToNull(referralsAfter),
                null);
    }

    /**
     * Streams one report as CSV from program-service with the page's filter, keeping the service's file name. A
     * failing service gives the reports page with a notice instead of a broken download.
     */
    @GET
    @Path("/reports/{name}.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    @Operation(summary = "Download one report as CSV")
    @APIResponse(responseCode = "200", description = "The CSV file (attachment)")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "Not one of the four reports nor the outcomes")
    public Response csv(
            @PathParam("name") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("physio") String physio,
            @QueryParam("protocol") String protocol) {
        if (!OUTCOMES.name().equals(name)
                && REPORTS.stream().noneMatch(spec -> spec.name().equals(name))) {
            throw new NotFoundException();
        }
        ReportFilter filter = ReportFilter.of(from, to, physio, protocol);
        Outcome<CsvFile> file = Calls.attempt(Calls.PROGRAMS, () -> {
            Response answer = filter.protocol() == null
                    ? programs.reportCsv(name, filter.from(), filter.to(), filter.physio())
                    : programs.reportCsv(name, filter.from(), filter.to(), filter.physio(), filter.protocol());
            if (answer.getStatus() >= 400) {
                throw ServiceException.from(answer);
            }
            return new CsvFile(
                    answer.readEntity(String.class),
                    answer.getHeaderString(HttpHeaders.CONTENT_DISPOSITION),
                    answer.getHeaderString("X-Next-Cursor"));
        });
        if (!file.isOk()) {
            Notice notice = file.notice();
            String html = reportsPage(filter, null, null, notice).render();
            return Response.status(notice.unavailable() ? 503 : notice.status())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(html)
                    .build();
        }
        CsvFile csv = file.value();
        // The service names the file after the period it resolved; only an attachment header is passed on.
        String disposition = csv.disposition() != null && csv.disposition().startsWith("attachment")
                ? csv.disposition()
                : "attachment; filename=\"" + name + ".csv\"";
        Response.ResponseBuilder response = Response.ok(csv.body())
                .type("text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        if (csv.nextCursor() != null) {
            response.header("X-Next-Cursor", csv.nextCursor());
        }
        return response.build();
    }

    /** The protocols the filter offers (current versions, retired ones too: their programs still run). */
    private List<Protocol> protocolChoices() {
        Outcome<List<Protocol>> all = Calls.attempt(Calls.PROGRAMS, programs::protocols);
        return all.isOk() && all.value() != null ? all.value() : List.of();
    }

    private record CsvFile(String body, String disposition, String nextCursor) {}

    private TemplateInstance reportsPage(
            ReportFilter filter, String adherenceAfter, String referralsAfter, Notice csvNotice) {
        // The four reports are asked for side by side: each is a database aggregate of 0.1-0.2 s on a clinic with a
        // million logs, so one after another the page took 0.6-0.7 s. The managed executor carries the request's
        // context, so each call still goes out with the signed-in admin's token.
        Map<String, CompletableFuture<Outcome<JsonNode>>> pending = new LinkedHashMap<>();
        for (ReportSpec spec : REPORTS) {
            String cursor =
                    switch (spec.name()) {
                        case "adherence" -> adherenceAfter;
                        case "referrals" -> referralsAfter;
                        default -> null;
                    };
            Integer size = "referrals".equals(spec.name()) ? REFERRALS_PAGE : null;
            pending.put(
                    spec.name(),
                    executor.supplyAsync(() -> Calls.attempt(
                            Calls.PROGRAMS,
                            () -> filter.protocol() == null
                                    ? programs.report(
                                            spec.name(), filter.from(), filter.to(), filter.physio(), cursor, size)
                                    : programs.report(
                                            spec.name(),
                                            filter.from(),
                                            filter.to(),
                                            filter.physio(),
                                            filter.protocol(),
                                            cursor,
                                            size))));
        }
        CompletableFuture<Outcome<ProgramApi.OutcomesReport>> outcomesAnswer = executor.supplyAsync(() -> Calls.attempt(
                Calls.PROGRAMS,
                () -> programs.outcomesReport(filter.from(), filter.to(), filter.physio(), filter.protocol())));
        Map<String, Outcome<JsonNode>> answers = new LinkedHashMap<>();
        pending.forEach((name, answer) -> {
            Outcome<JsonNode> outcome;
            try {
                outcome = answer.join();
            } catch (CompletionException | CancellationException e) {
                // Calls.attempt turns every call failure into an outcome; this is the executor failing to run it.
                outcome = Outcome.failed(Notice.unreachable(Calls.PROGRAMS));
            }
            answers.put(name, outcome);
        });
        // Reports carry patients as ids: batch calls name them all (one for the page sizes shown), never one per row.
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(answers.values().stream()
                .filter(Outcome::isOk)
                .flatMap(a -> JsonTable.of(a.value()).patientIds().stream())
                .toList()));
        Map<Long, String> names = new HashMap<>();
        Notice namesNotice = null;
        for (int start = 0; start < ids.size() && namesNotice == null; start += NAMES_BATCH) {
            String joined = ids.subList(start, Math.min(ids.size(), start + NAMES_BATCH)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            Outcome<PatientPage> page = Calls.attempt(Calls.PATIENTS, () -> patients.byIds(joined));
            if (page.isOk() && page.value() != null && page.value().items() != null) {
                page.value().items().stream().filter(p -> p.id() != null).forEach(p -> names.put(p.id(), p.fullName()));
            } else if (!page.isOk()) {
                namesNotice = page.notice();
            }
        }
        Reports words = lang.bundle(Reports.class);
        List<ReportPanel> panels = new ArrayList<>();
        for (ReportSpec report : REPORTS) {
            ReportSpec spec = report.worded(words);
            Outcome<JsonNode> result = answers.get(spec.name());
            if (result.isOk()) {
                JsonNode node = result.value();
                OverviewReport overview = "overview".equals(spec.name()) ? OverviewReport.of(node) : null;
                JsonNode next = node == null ? null : node.get("nextCursor");
                String nextCursor = next != null && !next.isNull() ? next.asText() : null;
                JsonNode total = node == null ? null : node.get("total");
                panels.add(new ReportPanel(
                        spec,
                        JsonTable.of(node).withPatientNames(names),
                        overview,
                        nextCursor,
                        total != null && total.isIntegralNumber() ? total.asLong() : null,
                        false,
                        null));
            } else if (result.notice().isNotFound()) {
                panels.add(new ReportPanel(spec, null, null, null, null, true, null));
            } else {
                panels.add(new ReportPanel(
                        spec, null, null, null, null, false, result.notice().message()));
            }
        }
        return Templates.reports(
                filter,
                panels,
                outcomesPanel(outcomesAnswer, OUTCOMES.worded(words)),
                namesNotice,
                csvNotice,
                protocolChoices());
    }

    private static OutcomesPanel outcomesPanel(
            CompletableFuture<Outcome<ProgramApi.OutcomesReport>> answer, ReportSpec spec) {
        Outcome<ProgramApi.OutcomesReport> outcome;
        try {
            outcome = answer.join();
        } catch (CompletionException | CancellationException e) {
            outcome = Outcome.failed(Notice.unreachable(Calls.PROGRAMS));
        }
        if (outcome.isOk()) {
            return new OutcomesPanel(spec, outcome.value(), false, null);
        }
        if (outcome.notice().isNotFound()) {
            return new OutcomesPanel(spec, null, true, null);
        }
        return new OutcomesPanel(spec, null, false, outcome.notice().message());
    }
}
