package clinic.kit.web;

import clinic.kit.problem.DomainException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keyset page cursor {@code key:id}: the sort key of the last row of a page and its id, so the next page starts
 * after that row (never OFFSET, which reads and drops every earlier row). The key is text shaped by the report
 * (a number, a date); a cursor of another shape is a 400 naming the query parameter.
 *
 * @param key the last row's sort key, as the cursor carried it
 * @param id the last row's id, the tie-breaker
 */
public record KeysetCursor(String key, long id) {

    private static final Pattern SHAPE = Pattern.compile("([^:]{1,40}):(\\d{1,18})");

    /**
     * The cursor from a query parameter, or null when absent. {@code keyShape} is the pattern the key must match;
     * {@code describe} names the cursor in the error (e.g. "startedOn:programId").
     */
    public static KeysetCursor parse(String field, String value, Pattern keyShape, String describe) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = SHAPE.matcher(value.strip());
        if (!m.matches() || !keyShape.matcher(m.group(1)).matches()) {
            throw invalid(field, describe);
        }
        return new KeysetCursor(m.group(1), Long.parseLong(m.group(2)));
    }

    /** The 400 for a cursor whose key does not make sense (a date that does not exist). */
    public static DomainException.Invalid invalid(String field, String describe) {
        return new DomainException.Invalid(field, "must be a cursor " + describe + " from a previous page");
    }

    /** The cursor after a row with this key and id, to hand to the client as {@code nextCursor}. */
    public static String after(Object key, long id) {
        return key + ":" + id;
    }
}
