package clinic.program.report;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.kit.text.QueryParams;
import clinic.kit.text.StrictDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The period and optional care-physio and protocol filters every report takes ({@code protocol}: a protocol code, all
 * its versions). Figures are computed "as of" the end of the period,
 * or today when the period reaches into the future, so a past period gives the same answer tomorrow.
 */
public record ReportPeriod(LocalDate from, LocalDate to, LocalDate asOf, String physio, String protocol) {

    public ReportPeriod(LocalDate from, LocalDate to, LocalDate asOf, String physio) {
        this(from, to, asOf, physio, null);
    }

    /** Without {@code from}, a report covers the 12 weeks up to {@code to}. */
    public static final int DEFAULT_WEEKS = 12;

    /** Longest period: the weekly series has one row per week, and no clinic question needs more. */
    public static final int MAX_YEARS = 5;

    /**
     * Parses the query parameters; a malformed date or one outside {@link StrictDates}' range, {@code from} after
     * {@code to}, or a long or control-character name is a 400.
     */
    public static ReportPeriod parse(String from, String to, String physio, LocalDate today) {
        return parse(from, to, physio, null, today);
    }

    /** {@link #parse(String, String, String, LocalDate)} with a protocol code filter (at most 60 characters). */
    public static ReportPeriod parse(String from, String to, String physio, String protocol, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        String code = null;
        try {
            code = QueryParams.text("protocol", protocol, 60);
        } catch (DomainException.Invalid e) {
            violations.addAll(e.violations());
        }
        LocalDate end = date("to", to, violations);
        LocalDate start = date("from", from, violations);
        String who = null;
        try {
            who = QueryParams.text("physio", physio, 100);
        } catch (DomainException.Invalid e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations);
        }
        if (end == null) {
            end = today;
        }
        if (start == null) {
            start = end.minusWeeks(DEFAULT_WEEKS);
        }
        if (start.isAfter(end)) {
            throw new DomainException.Invalid("from", "must not be after to");
        }
        if (start.plusYears(MAX_YEARS).isBefore(end)) {
            throw new DomainException.Invalid("from", "the period may be at most " + MAX_YEARS + " years long");
        }
        return new ReportPeriod(start, end, end.isAfter(today) ? today : end, who, code);
    }

    private static LocalDate date(String field, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StrictDates.queryParam(field, value.strip());
        } catch (DomainException.Invalid e) {
            violations.addAll(e.violations());
            return null;
        }
    }
}
