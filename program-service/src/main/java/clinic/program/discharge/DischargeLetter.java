package clinic.program.discharge;

import clinic.program.outbound.PatientRecord;
import clinic.rules.RedFlag;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The discharge summary as a printable letter to the referring doctor: one self-contained HTML page (no script, no
 * external resource, a print style sheet for A4). Every text that came from a person (the summary, names, exercise
 * names, the referral source) is escaped; nothing is written raw.
 */
final class DischargeLetter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Shown instead of the name and date of birth when patient-service could not give them. */
    static final String NO_RECORD = "The patient's name and date of birth could not be read from the patient records"
            + " just now. Print the letter again later to include them.";

    private static final String STYLE =
            """
            body { font-family: Georgia, "Times New Roman", serif; color: #111; margin: 0; background: #fff; }
            .letter { max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem; line-height: 1.45; }
            header { border-bottom: 2px solid #234; margin-bottom: 1.2rem; padding-bottom: .6rem; }
            h1 { font-size: 1.5rem; margin: 0; color: #234; }
            h2 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; color: #234; border-bottom: 1px solid #ccd; }
            .subtitle { margin: .2rem 0 0; font-style: italic; }
            .meta { float: right; text-align: right; margin: 0; }
            dl { display: grid; grid-template-columns: 11rem 1fr; gap: .15rem .8rem; margin: 0; }
            dt { font-weight: bold; }
            dd { margin: 0; }
            table { border-collapse: collapse; width: 100%; font-size: .95rem; }
            th, td { border: 1px solid #bbc; padding: .25rem .45rem; text-align: left; vertical-align: top; }
            th { background: #eef1f5; }
            .note { border: 1px solid #c90; background: #fff8e6; padding: .4rem .6rem; }
            .summary { white-space: pre-wrap; }
            .none { color: #555; font-style: italic; }
            footer { margin-top: 2rem; }
            @page { size: A4; margin: 18mm 16mm; }
            @media print {
              .letter { max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              table, tr, dl { break-inside: avoid; }
              th { background: none; }
            }
            """;

    private DischargeLetter() {}

    /**
     * The letter for {@code summary}, written on {@code today}; {@code patient} empty when patient-service could not
     * answer (then the patient is named by id, with a note).
     */
    static String render(DischargeSummary s, Optional<PatientRecord> patient, String clinic, LocalDate today) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Discharge summary, program ")
                .append(s.programId())
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main class=\"letter\">\n");

        h.append("<header>\n<p class=\"meta\">")
                .append(date(today))
                .append("</p>\n<h1>")
                .append(esc(clinic))
                .append("</h1>\n<p class=\"subtitle\">Physiotherapy discharge summary</p>\n</header>\n");

        h.append("<p>To the referring doctor");
        patient.map(PatientRecord::referralSource)
                .filter(r -> !r.isBlank())
                .ifPresent(r -> h.append(" (referral: ").append(esc(r)).append(')'));
        h.append(",</p>\n");

        h.append("<h2>Patient</h2>\n");
        if (patient.isPresent()) {
            PatientRecord p = patient.get();
            h.append("<dl>\n");
            row(h, "Name", esc(join(p.givenName(), p.familyName())));
            row(h, "Date of birth", p.dateOfBirth() == null ? "not recorded" : date(p.dateOfBirth()));
            row(h, "Clinic number", esc(p.clinicNumber()));
            h.append("</dl>\n");
        } else {
            h.append("<dl>\n");
            row(h, "Patient id", String.valueOf(s.patientId()));
            h.append("</dl>\n<p class=\"note\">").append(esc(NO_RECORD)).append("</p>\n");
        }

        h.append("<h2>Episode</h2>\n<dl>\n");
        row(h, "Program", esc(s.protocol().name()) + " (" + esc(s.protocol().code()) + "), program " + s.programId());
        row(h, "Care physiotherapist", esc(s.carePhysio()));
        row(h, "Started", date(s.startedOn()));
        row(h, "Discharged", date(s.dischargedOn()) + " by " + esc(s.dischargedBy()));
        row(h, "Reason", esc(s.reasonText()));
        h.append("</dl>\n");

        h.append("<h2>Summary</h2>\n");
        if (s.summary() == null) {
            h.append("<p class=\"none\">No summary was written.</p>\n");
        } else {
            h.append("<p class=\"summary\">").append(esc(s.summary())).append("</p>\n");
        }

        h.append("<h2>Phases</h2>\n<table>\n<tr><th>Phase</th><th>From</th><th>To</th></tr>\n");
        for (DischargeSummary.Phase p : s.phases()) {
            h.append("<tr><td>")
                    .append(p.phase())
                    .append(p.name() == null ? "" : ": " + esc(p.name()))
                    .append("</td><td>")
                    .append(date(p.from()))
                    .append("</td><td>")
                    .append(date(p.to()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Adherence and pain</h2>\n<dl>\n");
        row(
                h,
                "Adherence",
                s.adherence().percent() + "% (" + s.adherence().logged() + " of "
                        + s.adherence().prescribed() + " prescribed days with a logged session)");
        DischargeSummary.Pain pain = s.pain();
        if (pain.first() == null) {
            row(h, "Pain (0-10)", "no sessions were logged");
        } else {
            row(
                    h,
                    "Pain (0-10)",
                    "first week " + number(pain.first()) + ", last week " + number(pain.last()) + " (change "
                            + signed(pain.change()) + ")");
        }
        h.append("</dl>\n");

        h.append("<h2>Questionnaires</h2>\n");
        if (s.measures().isEmpty()) {
            h.append("<p class=\"none\">No outcome questionnaire was completed.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Questionnaire</th><th>First</th><th>Last</th><th>Change</th>")
                    .append("<th>Minimal important change</th></tr>\n");
            for (DischargeSummary.Measure m : s.measures()) {
                h.append("<tr><td>")
                        .append(esc(m.instrumentName()))
                        .append(m.higherIsBetter() ? " (higher is better)" : " (lower is better)")
                        .append("</td><td>")
                        .append(score(m.first()))
                        .append("</td><td>")
                        .append(m.last() == null ? "completed once" : score(m.last()))
                        .append("</td><td>")
                        .append(m.change() == null ? "&ndash;" : signed(m.change()))
                        .append("</td><td>")
                        .append(
                                m.micReached() == null
                                        ? "&ndash;"
                                        : (m.micReached() ? "reached" : "not reached")
                                                + (m.micRule() == null ? "" : " (" + esc(m.micRule()) + ")"))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (s.stratification() != null) {
            h.append("<p>")
                    .append(esc(s.stratification().instrumentName()))
                    .append(" at the start: ")
                    .append(esc(
                            s.stratification().riskGroup() == null
                                    ? "no group"
                                    : s.stratification().riskGroup()))
                    .append(" risk (")
                    .append(date(s.stratification().completedOn()))
                    .append(").</p>\n");
        }

        h.append("<h2>Alerts and holds</h2>\n");
        if (s.alerts().isEmpty() && s.holds().isEmpty()) {
            h.append("<p class=\"none\">No alerts were raised and the program was never on hold.</p>\n");
        }
        if (!s.alerts().isEmpty()) {
            h.append("<table>\n<tr><th>Alert</th><th>Severity</th><th>Raised</th><th>Status</th></tr>\n");
            for (DischargeSummary.AlertItem a : s.alerts()) {
                h.append("<tr><td>")
                        .append(esc(words(a.type())))
                        .append("</td><td>")
                        .append(esc(words(a.severity())))
                        .append("</td><td>")
                        .append(date(a.raisedOn()))
                        .append("</td><td>")
                        .append(esc(words(a.status())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        for (DischargeSummary.HoldItem hold : s.holds()) {
            h.append("<p>On hold for a red flag from ")
                    .append(date(hold.from()))
                    .append(" to ")
                    .append(date(hold.to()))
                    .append(
                            hold.flags().isEmpty()
                                    ? ""
                                    : ": "
                                            + esc(hold.flags().stream()
                                                    .map(code -> RedFlag.fromCode(code)
                                                            .map(RedFlag::label)
                                                            .orElse(code))
                                                    .collect(Collectors.joining("; "))))
                    .append(".</p>\n");
        }

        h.append("<h2>Exercises at discharge</h2>\n");
        if (s.exercises().isEmpty()) {
            h.append("<p class=\"none\">None.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Exercise</th><th>Dosage</th></tr>\n");
            for (DischargeSummary.ExerciseItem e : s.exercises()) {
                h.append("<tr><td>")
                        .append(esc(e.name()))
                        .append("</td><td>")
                        .append(esc(e.dosage()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<footer>\n<p>Yours sincerely,</p>\n<p>")
                .append(esc(s.dischargedBy()))
                .append("<br>Physiotherapist, ")
                .append(esc(clinic))
                .append("</p>\n</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A code in words: SEVERE_PAIN is "Severe pain". */
    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String text = code.replace('_', ' ').toLowerCase(Locale.ENGLISH);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void row(StringBuilder h, String term, String escapedValue) {
        h.append("<dt>").append(term).append("</dt><dd>").append(escapedValue).append("</dd>\n");
    }

    private static String score(DischargeSummary.Score score) {
        return number(score.score()) + " (" + date(score.completedOn()) + ")";
    }

    private static String join(String given, String family) {
        String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return name.isEmpty() ? "not recorded" : name;
    }

    static String date(LocalDate d) {
        return d == null ? "&ndash;" : DATE.format(d);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String signed(double v) {
        return (v > 0 ? "+" : v < 0 ? "&minus;" : "") + number(Math.abs(v));
    }

    /** HTML text and attribute escaping of a person's text. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
