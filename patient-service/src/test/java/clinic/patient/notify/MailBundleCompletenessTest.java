package clinic.patient.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every e-mail text of bundle {@code mail} ({@link MailText}) has its Spanish in {@code messages/mail_es.properties}:
 * no key missing, none blank, none left over from a removed text, the same {@code {parameters}}.
 */
class MailBundleCompletenessTest {

    @Test
    void theSpanishMailBundleHasEveryTextWithTheSameParameters() throws IOException {
        Map<String, String> english = Arrays.stream(MailText.class.getDeclaredMethods())
                .collect(Collectors.toMap(
                        Method::getName, m -> m.getAnnotation(Message.class).value()));
        Properties spanish = new Properties();
        try (var in = MailBundleCompletenessTest.class.getResourceAsStream("/messages/mail_es.properties")) {
            assertThat(in).as("messages/mail_es.properties").isNotNull();
            spanish.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(new TreeSet<>(spanish.stringPropertyNames()))
                .as("Spanish keys")
                .isEqualTo(new TreeSet<>(english.keySet()));
        for (Map.Entry<String, String> e : english.entrySet()) {
            String es = spanish.getProperty(e.getKey());
            assertThat(es).as(e.getKey()).isNotBlank().isNotEqualTo(e.getValue());
            assertThat(parameters(es)).as(e.getKey() + " parameters").isEqualTo(parameters(e.getValue()));
        }
    }

    @Test
    void everyEnglishTextIsWrittenInTheInterface() {
        for (Method m : MailText.class.getDeclaredMethods()) {
            Message message = m.getAnnotation(Message.class);
            assertThat(message).as(m.getName()).isNotNull();
            assertThat(message.value()).as(m.getName()).isNotBlank();
        }
    }

    private static Set<String> parameters(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{[^}]*}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
