package clinic.deployment;

import static clinic.deployment.DeploymentFiles.SERVICES;
import static clinic.deployment.DeploymentFiles.configuredPort;
import static clinic.deployment.DeploymentFiles.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** infra/compose/docker-compose.yml against the services' configuration and its .env.example. */
class ComposeFileTest {

    private static final Path COMPOSE = path("infra/compose/docker-compose.yml");
    private static final Path ENV_EXAMPLE = path("infra/compose/.env.example");
    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}; {@code $$} is a literal dollar. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?-][^}]*)?}");

    private static JsonNode services;

    @BeforeAll
    static void readCompose() throws IOException {
        services = DeploymentFiles.yaml(COMPOSE).path("services");
        assertThat(services.isObject()).as("services in %s", COMPOSE).isTrue();
    }

    @Test
    void composeRunsOurThreeServicesWithDatabaseKeycloakAndJaeger() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "mysql", "keycloak", "patient-service", "program-service", "web-portal", "jaeger");
    }

    @Test
    void theServicesSendTracesToJaegerWhoseUiIsOnlyOnTheLoopback() {
        for (String name : SERVICES) {
            assertThat(env(name, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"))
                    .as(name)
                    .isEqualTo("http://jaeger:4317");
        }
        assertThat(services.path("jaeger").path("ports").toString())
                .contains("${JAEGER_BIND:-127.0.0.1}:16686:16686")
                .doesNotContain("4317");
    }

    @Test
    void imagesAreOursOrPinnedOfficialOnes() throws IOException {
        String keycloakImage = "keycloak/keycloak:" + DeploymentFiles.pomProperty("keycloak.version");
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            var service = it.next();
            String image = service.getValue().path("image").asText();
            if (SERVICES.contains(service.getKey())) {
                // Our images, as named by quarkus.container-image.image, tagged with the release.
                assertThat(image)
                        .isEqualTo("clinic/" + service.getKey() + ":${CLINIC_VERSION:-"
                                + DeploymentFiles.projectVersion() + "}");
                assertThat(DeploymentFiles.serviceProperties(service.getKey())
                                .getProperty("quarkus.container-image.image"))
                        .isEqualTo("clinic/" + service.getKey() + ":${quarkus.application.version}");
            } else {
                // Official images, pinned: MySQL's 8.4 LTS line, Keycloak at the version the realm is tested with,
                // Jaeger at a release.
                assertThat(image).as(service.getKey()).isIn("mysql:8.4", keycloakImage, "jaegertracing/jaeger:2.21.0");
            }
        }
    }

    @Test
    void everyVariableIsDefinedInTheEnvExampleAndNoneIsStale() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(COMPOSE));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> defined = DeploymentFiles.envFile(ENV_EXAMPLE).keySet();
        assertThat(used).isNotEmpty();
        assertThat(defined).containsAll(used);
        assertThat(used).containsAll(defined);
    }

    @Test
    void envFileWithRealSecretsIsIgnoredByGit() throws IOException {
        assertThat(Files.readAllLines(path("infra/compose/.gitignore"))).contains(".env");
    }

    @Test
    void servicesListenOnTheirConfiguredPortsAndCallEachOtherThere() throws IOException {
        for (String name : SERVICES) {
            int port = configuredPort(name);
            JsonNode env = services.path(name).path("environment");
            int management = DeploymentFiles.configuredManagementPort(name);
            assertThat(env.path("QUARKUS_HTTP_PORT").asText()).as(name).isEqualTo(String.valueOf(port));
            assertThat(env.path("QUARKUS_MANAGEMENT_PORT").asText()).as(name).isEqualTo(String.valueOf(management));
            // Health is served only on the management port.
            assertThat(services.path(name).path("healthcheck").path("test").toString())
                    .as(name)
                    .contains("/dev/tcp/127.0.0.1/" + management)
                    .contains("GET /q/health/ready ");
        }
        // Only the portal's public port is published on the host: never a management port.
        assertThat(services.path("web-portal").path("ports")).hasSize(1);
        assertThat(services.path("web-portal").path("ports").get(0).asText())
                .endsWith(":" + configuredPort("web-portal") + ":" + configuredPort("web-portal"));
        for (String name : SERVICES) {
            assertThat(services.path(name).path("ports").toString())
                    .as(name)
                    .doesNotContain(String.valueOf(DeploymentFiles.configuredManagementPort(name)));
        }
        String patientUrl = "http://patient-service:" + configuredPort("patient-service");
        String programUrl = "http://program-service:" + configuredPort("program-service");
        assertThat(env("program-service", "PATIENT_SERVICE_URL")).isEqualTo(patientUrl);
        assertThat(env("patient-service", "PROGRAM_SERVICE_URL")).isEqualTo(programUrl);
        assertThat(env("web-portal", "PATIENT_SERVICE_URL")).isEqualTo(patientUrl);
        assertThat(env("web-portal", "PROGRAM_SERVICE_URL")).isEqualTo(programUrl);
    }

    @Test
    void eachServiceHasItsOwnSchemaAndUser() {
        assertThat(env("patient-service", "QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:mysql://mysql:3306/patients");
        assertThat(env("program-service", "QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:mysql://mysql:3306/programs");
        assertThat(env("keycloak", "KC_DB_URL")).isEqualTo("jdbc:mysql://mysql:3306/keycloak");
        assertThat(List.of(
                        env("patient-service", "QUARKUS_DATASOURCE_USERNAME"),
                        env("program-service", "QUARKUS_DATASOURCE_USERNAME"),
                        env("keycloak", "KC_DB_USERNAME")))
                .doesNotHaveDuplicates()
                .doesNotContain("root");
    }

    @Test
    void everyServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            var service = it.next();
            assertThat(service.getValue().path("healthcheck").path("test").isArray())
                    .as("healthcheck of %s", service.getKey())
                    .isTrue();
            JsonNode dependsOn = service.getValue().path("depends_on");
            for (Iterator<Map.Entry<String, JsonNode>> deps = dependsOn.fields(); deps.hasNext(); ) {
                var dep = deps.next();
                assertThat(services.has(dep.getKey())).as(dep.getKey()).isTrue();
                assertThat(dep.getValue().path("condition").asText())
                        .as("%s depends on %s", service.getKey(), dep.getKey())
                        .isEqualTo("service_healthy");
            }
        }
        assertThat(services.path("web-portal").path("depends_on").has("keycloak"))
                .isTrue();
    }

    @Test
    void secretsComeOnlyFromTheEnvFile() {
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            var service = it.next();
            service.getValue().path("environment").fields().forEachRemaining(e -> {
                if (e.getKey().matches(".*(PASSWORD|SECRET).*")) {
                    assertThat(e.getValue().asText())
                            .as("%s %s", service.getKey(), e.getKey())
                            .matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                }
            });
        }
    }

    @Test
    void keycloakRunsInProductionModeWithTheRealmMountedReadOnly() {
        JsonNode keycloak = services.path("keycloak");
        assertThat(keycloak.path("command").toString())
                .contains("\"start\"", "--import-realm")
                .doesNotContain("start-dev");
        String volume = keycloak.path("volumes").get(0).asText();
        assertThat(volume).isEqualTo("../keycloak/clinic-realm.json:/opt/keycloak/data/import/clinic-realm.json:ro");
        assertThat(COMPOSE.getParent().resolve("../keycloak/clinic-realm.json")).isRegularFile();
        assertThat(env("keycloak", "KC_DB")).isEqualTo("mysql");
        assertThat(env("keycloak", "KC_HEALTH_ENABLED")).isEqualTo("true");
    }

    @Test
    void databaseInitScriptCreatesEverySchemaTheServicesUse() throws IOException {
        String init = Files.readString(path("infra/compose/mysql-init/01-schemas.sh"));
        for (String schema : List.of("patients", "programs", "keycloak")) {
            assertThat(init).contains("CREATE DATABASE IF NOT EXISTS " + schema + " ");
        }
        for (String user : List.of(
                env("patient-service", "QUARKUS_DATASOURCE_USERNAME"),
                env("program-service", "QUARKUS_DATASOURCE_USERNAME"),
                env("keycloak", "KC_DB_USERNAME"))) {
            assertThat(init).contains("CREATE USER IF NOT EXISTS '" + user + "'@'%'");
        }
        assertThat(Files.isExecutable(path("infra/compose/mysql-init/01-schemas.sh")))
                .isTrue();
    }

    /** Debian's docker-compose validates a Compose file without a Docker engine; ./clinic test installs it. */
    @Test
    void dockerComposeAcceptsTheFileWithTheExampleEnv() throws Exception {
        Path binary = Path.of("/usr/bin/docker-compose");
        assertThat(binary)
                .as("docker-compose is needed for this check: `apt-get install docker-compose` (./clinic test does it)")
                .isExecutable();
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "-f",
                        COMPOSE.toString(),
                        "--env-file",
                        ENV_EXAMPLE.toString(),
                        "config",
                        "-q")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static String env(String service, String name) {
        JsonNode value = services.path(service).path("environment").path(name);
        assertThat(value.isMissingNode()).as("%s of %s", name, service).isFalse();
        return value.asText();
    }
}
