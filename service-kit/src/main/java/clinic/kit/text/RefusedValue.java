package clinic.kit.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value of the right type that this service still refuses (control characters, invisible-only text, a
 * date-time or number where a date belongs). {@code reason} is safe to show: it never repeats the value.
 */
public class RefusedValue extends InvalidFormatException {

    public final String reason;

    public RefusedValue(JsonParser parser, String reason, Class<?> target) {
        super(parser, reason, "(not shown)", target);
        this.reason = reason;
    }
}
