package clinic.portal.common;

import clinic.portal.outbound.ProgramApi.PainPoint;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.Session;
import clinic.portal.outbound.ProgramApi.SessionExercise;
import clinic.portal.outbound.ProgramApi.WeekAdherence;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data of the progress chart, as JSON strings for {@code data-} attributes (the CSP forbids inline script, so
 * {@code /js/charts.js} reads them) and as rows for the table that screen readers and no-script browsers get.
 *
 * <p>Pain comes from the session logs; weekly adherence from the service's progress, else (service down) the share
 * of logged exercises marked done per week (Monday start).
 */
public record ProgressChart(List<PainPoint> pain, List<WeekAdherence> weeks, String painJson, String weeksJson) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ProgressChart of(Progress progress, List<Session> sessions) {
        List<PainPoint> pain = painFromSessions(sessions);
        List<WeekAdherence> weeks =
                progress != null && !progress.weeks().isEmpty() ? progress.weeks() : weeksFromSessions(sessions);
        return new ProgressChart(pain, weeks, toJson(pain), toJson(weeks));
    }

    public boolean isEmpty() {
        return pain.isEmpty() && weeks.isEmpty();
    }

    /**
     * How many sessions carry a pain rating before exercise: with {@link #firstPain} and {@link #lastPain}, the
     * one-sentence summary beside the chart (WCAG 1.1.1: a chart's gist must not be only in the picture).
     */
    public int ratedSessions() {
        return (int) pain.stream().filter(p -> p.painBefore() != null).count();
    }

    /** The first pain rating before exercise, as shown ("4", "4.5"). */
    public String firstPain() {
        return pain.stream()
                .filter(p -> p.painBefore() != null)
                .findFirst()
                .map(p -> MeasureWords.score(p.painBefore()))
                .orElse("–");
    }

    /** The latest pain rating before exercise, as shown. */
    public String lastPain() {
        return pain.stream()
                .filter(p -> p.painBefore() != null)
                .reduce((a, b) -> b)
                .map(p -> MeasureWords.score(p.painBefore()))
                .orElse("–");
    }

    /** The latest week's adherence in percent, as shown; a dash when unknown. */
    public String latestPercent() {
        return weeks.isEmpty()
                ? "–"
                : MeasureWords.score(weeks.get(weeks.size() - 1).percent());
    }

    private static List<PainPoint> painFromSessions(List<Session> sessions) {
        if (sessions == null) {
            return List.of();
        }
        return sessions.stream()
                .filter(s -> s.date() != null)
                .sorted(Comparator.comparing(Session::date))
                .map(s -> new PainPoint(
                        s.date(),
                        s.painBefore() == null ? null : s.painBefore().doubleValue(),
                        s.painAfter() == null ? null : s.painAfter().doubleValue()))
                .toList();
    }

    private static List<WeekAdherence> weeksFromSessions(List<Session> sessions) {
        if (sessions == null) {
            return List.of();
        }
        Map<LocalDate, int[]> byWeek = new TreeMap<>();
        for (Session s : sessions) {
            LocalDate day;
            try {
                day = LocalDate.parse(s.date());
            } catch (DateTimeParseException | NullPointerException e) {
                continue;
            }
            int[] counts = byWeek.computeIfAbsent(
                    day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new int[2]);
            if (s.exercises() != null) {
                for (SessionExercise e : s.exercises()) {
                    counts[1]++;
                    if (Boolean.TRUE.equals(e.completed())) {
                        counts[0]++;
                    }
                }
            }
        }
        List<WeekAdherence> weeks = new ArrayList<>();
        byWeek.forEach((week, c) ->
                weeks.add(new WeekAdherence(week.toString(), c[1] == 0 ? 0.0 : Math.round(100.0 * c[0] / c[1]) * 1.0)));
        return weeks;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }
}
