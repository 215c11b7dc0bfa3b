package clinic.kit.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses JSON text that is not well-formed Unicode: half of a surrogate pair on its own cannot be stored in
 * utf8mb4 and would be written as '?' without a word, silently changing a clinical record. Such a body is a 400
 * naming the field, like any other value of the wrong format. Found by the system tests' fuzz run.
 *
 * <p>Also refused in every text field: control characters other than tab, line feed and carriage return (NUL, escape,
 * the C1 range, DEL: they are never typed, can end a string early in other tools and hide text on a page), and a value
 * that has characters but none visible (only spaces, zero-width or other format characters), which would be an
 * empty-looking note or reason that passed "not blank".
 */
@Singleton
public class WellFormedText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The module on its own, for plain object mappers in tests. */
    public static SimpleModule module() {
        return new SimpleModule("well-formed-text").addDeserializer(String.class, new Deserializer());
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

    /** Why the text is refused, or null when it is acceptable. */
    static String refusal(String text) {
        if (!wellFormed(text)) {
            return "text with an unpaired surrogate is not valid Unicode";
        }
        if (hasControlCharacter(text)) {
            return "must not contain control characters";
        }
        if (!text.isEmpty() && invisibleOnly(text)) {
            return "must contain visible text";
        }
        return null;
    }

    /** C0 controls except tab, LF and CR; DEL; the C1 controls. */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    /** True when no character would show: spaces of any kind, zero-width and other format characters, fillers. */
    static boolean invisibleOnly(String text) {
        return text.codePoints()
                .allMatch(cp -> Character.isWhitespace(cp)
                        || Character.isSpaceChar(cp)
                        || Character.getType(cp) == Character.FORMAT
                        || cp == 0x115f
                        || cp == 0x1160
                        || cp == 0x3164
                        || cp == 0xffa0
                        || cp == 0x2800);
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String refusal = text == null ? null : refusal(text);
            if (refusal != null) {
                throw new RefusedValue(parser, refusal, String.class);
            }
            return text;
        }
    }
}
