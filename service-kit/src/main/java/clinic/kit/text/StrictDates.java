package clinic.kit.text;

import clinic.kit.problem.DomainException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Dates are ISO {@code yyyy-MM-dd} strings and nothing else, in JSON bodies and in query parameters alike, within
 * {@link #MIN} and {@link #MAX}. Jackson's own reader also takes a number (days since 1970), an array or a date-time
 * (and silently drops its time); a query parameter took years of up to nine digits, and arithmetic on them failed
 * with a 500. Each of those is a 400 naming the field instead.
 */
@Singleton
public class StrictDates implements ObjectMapperCustomizer {

    /** Earliest date any field or filter takes. */
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    /** Latest date any field or filter takes. */
    public static final LocalDate MAX = LocalDate.of(2999, 12, 31);

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final String MESSAGE = "must be an ISO date (yyyy-MM-dd) between " + MIN + " and " + MAX;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** Last, after Quarkus registered Jackson's own java.time module: the module registered last is asked first. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** The module on its own, for plain object mappers in tests. */
    public static SimpleModule module() {
        return new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new Deserializer());
    }

    /** The date, or null when the text is not a plain ISO date within the range. */
    static LocalDate parseOrNull(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return date.isBefore(MIN) || date.isAfter(MAX) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A query parameter: null when absent or empty, the date when it is a plain ISO date within the range, else a
     * 400 naming {@code field}.
     */
    public static LocalDate queryParam(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        LocalDate date = parseOrNull(value);
        if (date == null) {
            throw new DomainException.Invalid(field, MESSAGE);
        }
        return date;
    }

    private static final class Deserializer extends StdScalarDeserializer<LocalDate> {

        Deserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                LocalDate date = parseOrNull(parser.getText());
                if (date != null) {
                    return date;
                }
            }
            throw new RefusedValue(parser, MESSAGE, LocalDate.class);
        }
    }
}
