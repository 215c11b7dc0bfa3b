package clinic.patient.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Refuses JSON text that is not well-formed Unicode: half of a surrogate pair on its own cannot be stored in
 * utf8mb4 and would be written as '?' without a word, silently changing a clinical record. Such a body is a 400
 * naming the field, like any other value of the wrong format. Found by the system tests' fuzz run. Control
 * characters (NUL included; tab and line breaks excepted, visible-text rules per field are {@link VisibleText}) are
 * refused the same way, and dates are read strictly ({@code yyyy-MM-dd} strings only).
 */
@Singleton
public class WellFormedText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** Last: the module registered last wins, and Quarkus registers Jackson's own date module before. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** The module on its own, for plain object mappers in tests. */
    public static SimpleModule module() {
        return new SimpleModule("well-formed-text")
                .addDeserializer(String.class, new Deserializer())
                .addDeserializer(LocalDate.class, new StrictDate());
    }

    /** True when the text has no control character other than tab, line feed and carriage return (no NUL). */
    static boolean noControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** True when every surrogate in the text is half of a pair. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !wellFormed(text)) {
                throw InvalidFormatException.from(
                        parser, "text with an unpaired surrogate is not valid Unicode", "(not shown)", String.class);
            }
            if (text != null && !noControls(text)) {
                throw InvalidFormatException.from(
                        parser, "text with a control character is refused", "(not shown)", String.class);
            }
            return text;
        }
    }

    /**
     * Dates only as JSON strings of exactly {@code yyyy-MM-dd} naming a real day: a number (read by Jackson as days
     * since 1970) or a date-time (cut to its date) would store a day nobody typed.
     */
    private static final class StrictDate extends StdScalarDeserializer<LocalDate> {

        private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw InvalidFormatException.from(
                        parser, "a date must be a string such as 2026-11-26", parser.getText(), LocalDate.class);
            }
            String text = parser.getText();
            if (DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, FORMAT);
                } catch (DateTimeException e) {
                    // fall through
                }
            }
            throw InvalidFormatException.from(parser, "not a date such as 2026-11-26", "(not shown)", LocalDate.class);
        }
    }
}
