package clinic.portal.protocol;

import clinic.portal.common.FormValues;
import clinic.portal.common.Manage;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.NewProtocol;
import clinic.portal.outbound.ProgramApi.NewProtocolExercise;
import clinic.portal.outbound.ProgramApi.NewProtocolPhase;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolPhase;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol form as typed: a fixed number of phase blocks, each with a fixed number of exercise rows (blank rows
 * are left out of what is sent). Field names: {@code name}, {@code p0.goal}, {@code p0.e3.sets}... Errors of the
 * service's fields ({@code phases[0].exercises[1].exercise}) are put back at the row the physio typed.
 */
public final class ProtocolForm {

    /** Phase blocks shown on a new form; "add a phase" reloads with one more, up to {@link #MAX_PHASES}. */
    public static final int DEFAULT_PHASES = 3;

    public static final int MAX_PHASES = 6;

    /** Exercise rows per phase block. */
    public static final int ROWS = 8;

    /** The most exercises a phase may have (program-service's limit). */
    public static final int MAX_ROWS = 30;

    public String code;
    public String name;
    public String description;
    public boolean requiresScreening = true;
    public String version;
    public String error;
    public String codeError;
    public String nameError;
    public List<PhaseBlock> phases = new ArrayList<>();

    /** One phase block. */
    public static final class PhaseBlock {
        public int index;
        public String name;
        public String goal;
        public String entryCriteria;
        public String entryMaxMeanPain;
        public String entryMinAdherence;
        public boolean entryNoNerveFlags;
        public String error;
        public List<Row> rows = new ArrayList<>();

        public int number() {
            return index + 1;
        }

        boolean blank() {
            return isBlank(name)
                    && isBlank(goal)
                    && isBlank(entryCriteria)
                    && isBlank(entryMaxMeanPain)
                    && isBlank(entryMinAdherence)
                    && rows.stream().allMatch(Row::blank);
        }
    }

    /** One exercise row of a phase block. */
    public static final class Row {
        public int index;
        public String exercise;
        public String sets;
        public String reps;
        public String holdSeconds;
        public String minutes;
        public String timesPerDay;
        public boolean perSide;
        public String error;

        public int number() {
            return index + 1;
        }

        boolean blank() {
            return isBlank(exercise);
        }
    }

    /** An empty form with {@code phases} blocks. */
    public static ProtocolForm blank(int phases) {
        ProtocolForm form = new ProtocolForm();
        for (int i = 0; i < Math.max(1, Math.min(MAX_PHASES, phases)); i++) {
            form.phases.add(block(i));
        }
        return form;
    }

    /** The current version of a protocol in the form, with blank rows after its exercises. */
    public static ProtocolForm of(Protocol p, int extraPhases) {
        ProtocolForm form = new ProtocolForm();
        form.code = p.code();
        form.name = p.name();
        form.description = p.description();
        form.requiresScreening = p.screening();
        form.version = p.version() == null ? null : p.version().toString();
        List<ProtocolPhase> phases = p.phases() == null ? List.of() : p.phases();
        int count = Math.min(MAX_PHASES, Math.max(1, phases.size() + extraPhases));
        for (int i = 0; i < count; i++) {
            PhaseBlock b = block(i);
            if (i < phases.size()) {
                ProtocolPhase ph = phases.get(i);
                b.name = ph.name();
                b.goal = ph.goal();
                b.entryCriteria = ph.description();
                b.entryMaxMeanPain = ph.entryMaxMeanPain() == null ? null : number(ph.entryMaxMeanPain());
                b.entryMinAdherence = ph.entryMinAdherence() == null
                        ? null
                        : ph.entryMinAdherence().toString();
                b.entryNoNerveFlags = ph.noNerveFlags();
                List<Prescription> exercises = ph.exercises() == null ? List.of() : ph.exercises();
                for (int j = 0; j < exercises.size(); j++) {
                    if (j >= b.rows.size()) {
                        Row extra = new Row();
                        extra.index = j;
                        b.rows.add(extra);
                    }
                    Row r = b.rows.get(j);
                    Prescription e = exercises.get(j);
                    r.exercise = e.exercise();
                    r.sets = text(e.sets());
                    r.reps = text(e.reps());
                    r.holdSeconds = text(e.holdSeconds());
                    r.minutes = text(e.minutes());
                    r.timesPerDay = text(e.timesPerDay());
                    r.perSide = Boolean.TRUE.equals(e.perSide());
                }
                // Room for two more exercises however many the phase has.
                while (b.rows.size() < Math.min(MAX_ROWS, exercises.size() + 2)) {
                    Row extra = new Row();
                    extra.index = b.rows.size();
                    b.rows.add(extra);
                }
            }
            form.phases.add(b);
        }
        return form;
    }

    /** The form as posted; {@code phaseCount} (hidden) says how many blocks it had. */
    public static ProtocolForm parse(MultivaluedMap<String, String> in) {
        ProtocolForm form = new ProtocolForm();
        form.code = FormValues.blankToNull(in.getFirst("code"));
        form.name = in.getFirst("name");
        form.description = in.getFirst("description");
        form.requiresScreening = in.containsKey("requiresScreening");
        form.version = FormValues.blankToNull(in.getFirst("version"));
        int count = DEFAULT_PHASES;
        try {
            count = Integer.parseInt(
                    in.getFirst("phaseCount") == null
                            ? "3"
                            : in.getFirst("phaseCount").trim());
        } catch (NumberFormatException ignored) {
            // a tampered hidden field: the default number of blocks
        }
        count = Math.max(1, Math.min(MAX_PHASES, count));
        for (int i = 0; i < count; i++) {
            PhaseBlock b = new PhaseBlock();
            b.index = i;
            String p = "p" + i + ".";
            b.name = in.getFirst(p + "name");
            b.goal = in.getFirst(p + "goal");
            b.entryCriteria = in.getFirst(p + "entryCriteria");
            b.entryMaxMeanPain = in.getFirst(p + "entryMaxMeanPain");
            b.entryMinAdherence = in.getFirst(p + "entryMinAdherence");
            b.entryNoNerveFlags = in.containsKey(p + "entryNoNerveFlags");
            // An edited phase may have more rows than a blank one: as many as the form sent, at most 30.
            int rows = ROWS;
            for (int j = ROWS; j < MAX_ROWS; j++) {
                if (in.containsKey(p + "e" + j + ".exercise")) {
                    rows = j + 1;
                }
            }
            for (int j = 0; j < rows; j++) {
                Row r = new Row();
                r.index = j;
                String e = p + "e" + j + ".";
                r.exercise = FormValues.blankToNull(in.getFirst(e + "exercise"));
                r.sets = in.getFirst(e + "sets");
                r.reps = in.getFirst(e + "reps");
                r.holdSeconds = in.getFirst(e + "holdSeconds");
                r.minutes = in.getFirst(e + "minutes");
                r.timesPerDay = in.getFirst(e + "timesPerDay");
                r.perSide = in.containsKey(e + "perSide");
                b.rows.add(r);
            }
            form.phases.add(b);
        }
        return form;
    }

    /**
     * What is sent: the phases up to the last one typed in (a blank phase in between is sent and refused), each
     * with its non-blank rows. Numbers that are not numbers become violations with the form's own field names.
     */
    public NewProtocol toPayload(List<Violation> violations) {
        int last = -1;
        for (PhaseBlock b : phases) {
            if (!b.blank()) {
                last = b.index;
            }
        }
        List<NewProtocolPhase> sent = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            PhaseBlock b = phases.get(i);
            String p = "p" + i + ".";
            List<NewProtocolExercise> exercises = new ArrayList<>();
            for (Row r : b.rows) {
                if (r.blank()) {
                    continue;
                }
                String e = p + "e" + r.index + ".";
                exercises.add(new NewProtocolExercise(
                        r.exercise,
                        FormValues.integer(r.sets, e + "sets", violations),
                        FormValues.integer(r.reps, e + "reps", violations),
                        FormValues.integer(r.holdSeconds, e + "holdSeconds", violations),
                        FormValues.integer(r.minutes, e + "minutes", violations),
                        FormValues.integer(r.timesPerDay, e + "timesPerDay", violations),
                        r.perSide));
            }
            sent.add(new NewProtocolPhase(
                    FormValues.blankToNull(b.name),
                    FormValues.blankToNull(b.goal),
                    FormValues.blankToNull(b.entryCriteria),
                    FormValues.decimal(b.entryMaxMeanPain, p + "entryMaxMeanPain", violations),
                    FormValues.integer(b.entryMinAdherence, p + "entryMinAdherence", violations),
                    b.entryNoNerveFlags,
                    exercises));
        }
        Integer v = FormValues.integer(version, "version", violations);
        return new NewProtocol(
                code, FormValues.blankToNull(name), FormValues.blankToNull(description), requiresScreening, sent, v);
    }

    private static final Pattern PHASE_FIELD = Pattern.compile("phases\\[(\\d+)]\\.(\\w+)");
    private static final Pattern ROW_FIELD = Pattern.compile("phases\\[(\\d+)]\\.exercises\\[(\\d+)]\\.(\\w+)");
    private static final Pattern FORM_FIELD = Pattern.compile("p(\\d+)\\.(?:e(\\d+)\\.)?(\\w+)");

    /**
     * Puts each violation next to what the physio typed: the service's {@code phases[i].exercises[j]} is the j-th
     * non-blank row of block i; the portal's own checks already use form names ({@code p0.e2.sets}). Field names are
     * put in {@code words}' language; the messages are shown as the service or the check worded them.
     */
    public void attach(List<Violation> violations, Manage words) {
        List<String> general = new ArrayList<>();
        for (Violation v : violations) {
            String field = v.field() == null ? "" : v.field();
            String message = v.message();
            if (field.equals("code")) {
                codeError = message;
                continue;
            }
            if (field.equals("name")) {
                nameError = message;
                continue;
            }
            Matcher row = ROW_FIELD.matcher(field);
            Matcher phase = PHASE_FIELD.matcher(field);
            Matcher own = FORM_FIELD.matcher(field);
            if (row.matches() && phaseAt(row.group(1)) != null) {
                PhaseBlock b = phaseAt(row.group(1));
                Row r = nonBlankRow(b, Integer.parseInt(row.group(2)));
                if (r != null) {
                    r.error = label(row.group(3), words) + message;
                    continue;
                }
            } else if (phase.matches() && phaseAt(phase.group(1)) != null) {
                PhaseBlock b = phaseAt(phase.group(1));
                b.error = (b.error == null ? "" : b.error + "; ") + label(phase.group(2), words) + message;
                continue;
            } else if (own.matches() && phaseAt(own.group(1)) != null) {
                PhaseBlock b = phaseAt(own.group(1));
                if (own.group(2) != null) {
                    int j = Integer.parseInt(own.group(2));
                    if (j < b.rows.size()) {
                        b.rows.get(j).error = label(own.group(3), words) + message;
                        continue;
                    }
                } else {
                    b.error = (b.error == null ? "" : b.error + "; ") + label(own.group(3), words) + message;
                    continue;
                }
            }
            general.add((field.isEmpty() ? "" : label(field, words)) + message);
        }
        error = general.isEmpty() ? null : String.join("; ", general);
    }

    private PhaseBlock phaseAt(String index) {
        int i = Integer.parseInt(index);
        return i < phases.size() ? phases.get(i) : null;
    }

    private static Row nonBlankRow(PhaseBlock b, int sentIndex) {
        int seen = -1;
        for (Row r : b.rows) {
            if (!r.blank() && ++seen == sentIndex) {
                return r;
            }
        }
        return null;
    }

    private static String label(String field, Manage words) {
        return switch (field) {
            case "exercise" -> "";
            case "entryMaxMeanPain" -> words.protoform_field_max_pain() + " ";
            case "entryMinAdherence" -> words.protoform_field_min_adherence() + " ";
            case "holdSeconds" -> words.protoform_hold() + " ";
            case "timesPerDay" -> words.common_times_a_day() + " ";
            case "sets" -> words.common_sets() + " ";
            case "reps" -> words.common_reps() + " ";
            case "minutes" -> words.common_minutes() + " ";
            case "name" -> words.common_name() + " ";
            case "goal" -> words.protoform_goal() + " ";
            case "description" -> words.protoform_description() + " ";
            default -> field.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + field.substring(1) + " ";
        };
    }

    private static PhaseBlock block(int i) {
        PhaseBlock b = new PhaseBlock();
        b.index = i;
        for (int j = 0; j < ROWS; j++) {
            Row r = new Row();
            r.index = j;
            b.rows.add(r);
        }
        return b;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(Integer i) {
        return i == null ? null : i.toString();
    }

    private static String number(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
    }
}
