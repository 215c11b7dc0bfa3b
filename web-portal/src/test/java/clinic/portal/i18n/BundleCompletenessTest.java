package clinic.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message bundle is complete in every supported language: each key of the bundle's interface has a non-blank
 * text in {@code messages/<bundle>_<tag>.properties}, with the same parameters, and no file holds a key the interface
 * no longer has. A missing translation would otherwise fall back to English silently.
 */
class BundleCompletenessTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.]*)");

    /** Every interface annotated {@code @MessageBundle} in the portal's sources. */
    static List<Class<?>> bundles() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("@MessageBundle")) {
                    continue;
                }
                String name = Path.of("src/main/java")
                        .relativize(file)
                        .toString()
                        .replace('/', '.')
                        .replaceAll("\\.java$", "");
                try {
                    found.add(Class.forName(name));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name, e);
                }
            }
        }
        return found;
    }

    static String bundleName(Class<?> bundle) {
        String value = bundle.getAnnotation(MessageBundle.class).value();
        return value.equals(MessageBundle.DEFAULTED_NAME) ? MessageBundle.DEFAULT_NAME : value;
    }

    static String key(Method method) {
        Message message = method.getAnnotation(Message.class);
        if (message != null
                && !message.key().equals(Message.DEFAULT_NAME)
                && !message.key().isEmpty()) {
            return message.key();
        }
        return method.getName();
    }

    static Set<String> parameters(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            names.add(m.group(1).split("\\.")[0]);
        }
        return names;
    }

    @Test
    void thereIsAtLeastTheShellsBundle() throws IOException {
        assertThat(bundles()).contains(Msg.class);
    }

    /**
     * Quarkus 3.30 generates the lookup of a bundle's messages in blocks of 300 and the code it makes for a bundle
     * past that fails bytecode verification when the portal starts (VerifyError in {@code <Bundle>_Bundle_resolve_0}).
     * Split a bundle before it gets there.
     */
    @Test
    void noBundleHasMoreMessagesThanQuarkusCanResolve() throws IOException {
        for (Class<?> bundle : bundles()) {
            long messages = java.util.Arrays.stream(bundle.getDeclaredMethods())
                    .filter(m -> !m.isSynthetic() && !m.isDefault())
                    .count();
            assertThat(messages).as("messages in bundle %s", bundleName(bundle)).isLessThanOrEqualTo(300);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyKeyHasATextInEveryLanguage() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> bundle : bundles()) {
            for (String tag : Languages.SUPPORTED) {
                if (tag.equals(Languages.DEFAULT)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(bundleName(bundle) + " in " + tag, () -> check(bundle, tag)));
            }
        }
        return tests.stream();
    }

    private static void check(Class<?> bundle, String tag) throws IOException {
        String file = "messages/" + bundleName(bundle) + "_" + tag + ".properties";
        Properties texts = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as("%s exists", file).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
        }
        Set<String> keys = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Method method : bundle.getDeclaredMethods()) {
            if (method.isSynthetic()
                    || method.isDefault()
                    || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String key = key(method);
            keys.add(key);
            String text = texts.getProperty(key);
            if (text == null || text.isBlank()) {
                problems.add("missing: " + key);
                continue;
            }
            Message message = method.getAnnotation(Message.class);
            if (message != null && !message.value().isEmpty()) {
                Set<String> english = parameters(message.value());
                Set<String> translated = parameters(text);
                if (!english.equals(translated)) {
                    problems.add(key + ": parameters " + translated + " where English has " + english);
                }
            }
        }
        for (Object key : texts.keySet()) {
            if (!keys.contains(key.toString())) {
                problems.add("not in " + bundle.getSimpleName() + " any more: " + key);
            }
        }
        assertThat(problems).as(file).isEmpty();
    }
}
