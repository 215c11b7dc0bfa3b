package clinic.patient.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses JSON text that is not well-formed Unicode: half of a surrogate pair on its own cannot be stored in
 * utf8mb4 and would be written as '?' without a word, silently changing a clinical record. Such a body is a 400
 * naming the field, like any other value of the wrong format. Found by the system tests' fuzz run.
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
            return text;
        }
    }
}
