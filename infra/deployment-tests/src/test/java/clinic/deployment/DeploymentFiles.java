package clinic.deployment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads the repository's deployment files and the services' configuration for the tests. */
final class DeploymentFiles {

    /** The three deployables, with the image each one is built into. */
    static final List<String> SERVICES = List.of("patient-service", "program-service", "web-portal");

    static final YAMLMapper YAML = new YAMLMapper();

    private DeploymentFiles() {}

    /** The repository root: the build passes it as {@code clinic.root}; otherwise found from the working directory. */
    static Path root() {
        String configured = System.getProperty("clinic.root");
        if (configured != null && Files.exists(Path.of(configured, "infra", "compose"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/compose/docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root with infra/compose not found");
        }
        return dir;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    /** Every document of a multi-document YAML file. */
    static List<JsonNode> yamlDocuments(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    /** A service's {@code application.properties} (the default profile is what a deployment runs). */
    static Properties serviceProperties(String service) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(path(service + "/src/main/resources/application.properties"))) {
            props.load(in);
        }
        return props;
    }

    static int configuredPort(String service) throws IOException {
        return Integer.parseInt(serviceProperties(service).getProperty("quarkus.http.port"));
    }

    /** The service's management interface (health, metrics): {@code quarkus.management.port}. */
    static int configuredManagementPort(String service) throws IOException {
        Properties properties = serviceProperties(service);
        assertManagementEnabled(service, properties);
        return Integer.parseInt(properties.getProperty("quarkus.management.port"));
    }

    private static void assertManagementEnabled(String service, Properties properties) {
        if (!"true".equals(properties.getProperty("quarkus.management.enabled"))) {
            throw new AssertionError(service + ": quarkus.management.enabled must be true (health and metrics"
                    + " must not be on the public port)");
        }
    }

    /** The version the images are tagged with: the parent pom's project version. */
    static String projectVersion() throws IOException {
        return pomValue("<version>", "</version>", pomText().indexOf("<artifactId>clinic-parent</artifactId>"));
    }

    static String pomProperty(String name) throws IOException {
        return pomValue("<" + name + ">", "</" + name + ">", 0);
    }

    private static String pomText() throws IOException {
        return Files.readString(path("pom.xml"));
    }

    private static String pomValue(String open, String close, int from) throws IOException {
        String pom = pomText();
        int start = pom.indexOf(open, from);
        if (start < 0) {
            throw new IllegalStateException(open + " not found in pom.xml");
        }
        return pom.substring(start + open.length(), pom.indexOf(close, start)).trim();
    }

    /** KEY=VALUE lines of an env file, comments and blank lines skipped, in file order. */
    static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("not KEY=VALUE in " + file + ": " + line);
            }
            vars.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return vars;
    }
}
