package clinic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {

    @Test
    void runOptionsReadReplicasAsASeparateOrAnAttachedValue() {
        assertThat(StackConfig.RunOptions.parse()).isEqualTo(new StackConfig.RunOptions(false, 1, false));
        assertThat(StackConfig.RunOptions.parse("--replicas", "2"))
                .isEqualTo(new StackConfig.RunOptions(false, 2, false));
        assertThat(StackConfig.RunOptions.parse("--reset", "--replicas=3"))
                .isEqualTo(new StackConfig.RunOptions(true, 3, false));
        assertThat(StackConfig.RunOptions.parse("--replicas", "1", "--reset"))
                .isEqualTo(new StackConfig.RunOptions(true, 1, false));
        assertThat(StackConfig.RunOptions.parse("--help").help()).isTrue();
    }

    @Test
    void aMissingOrBadReplicaCountOrAnUnknownOptionIsRefusedWithAMessage() {
        assertThatThrownBy(() -> StackConfig.RunOptions.parse("--replicas"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--replicas needs a number");
        for (String bad : new String[] {"0", "5", "two", "-1", ""}) {
            assertThatThrownBy(() -> StackConfig.RunOptions.parse("--replicas", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("from 1 to 4");
        }
        assertThatThrownBy(() -> StackConfig.RunOptions.parse("--replica", "2"))
                .hasMessage("Unknown option: --replica");
    }

    @Test
    void theSevenPartConfigIsOneReplicaAndTheCountIsBounded() {
        StackConfig.Ports ports = StackConfig.Ports.defaults(java.util.Map.of());
        StackConfig one =
                new StackConfig(Path.of("."), Path.of("d"), ports, Optional.empty(), Optional.empty(), false, true);
        assertThat(one.replicas()).isEqualTo(1);
        assertThatThrownBy(() -> new StackConfig(
                        Path.of("."), Path.of("d"), ports, Optional.empty(), Optional.empty(), false, true, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReplicasEachInstanceHasPortsOfItsOwnAndThePublicPortStaysTheServices(@TempDir Path data) {
        StackConfig.Ports ports = StackConfig.Ports.random();
        // A configured MySQL, so the environment can be built without starting the embedded one.
        ClinicStack stack = new ClinicStack(new StackConfig(
                Path.of("."),
                data,
                ports,
                Optional.of(new StackConfig.ExternalDatabase("jdbc:mysql://db:3306", "u", "p")),
                Optional.empty(),
                false,
                true,
                2));
        for (ClinicStack.Service service : ClinicStack.Service.values()) {
            var instances = stack.instances(service);
            assertThat(instances).hasSize(2);
            assertThat(instances.get(0).port()).isNotEqualTo(stack.port(service));
            assertThat(instances.get(0).port()).isNotEqualTo(instances.get(1).port());
            assertThat(instances.get(0).managementPort())
                    .as("the first keeps the configured management port")
                    .isEqualTo(stack.managementPort(service));
            assertThat(instances.get(1).managementPort())
                    .isNotEqualTo(instances.get(0).managementPort());
            assertThat(instances.get(1).name(2)).isEqualTo(service.module + "#2");
            // Every instance calls the others through the public (proxy) addresses, and the portal's login ends there.
            var env = stack.environment(service, instances.get(1));
            assertThat(env.get("QUARKUS_HTTP_PORT"))
                    .isEqualTo(String.valueOf(instances.get(1).port()));
            assertThat(env.get("PROGRAM_SERVICE_URL")).isEqualTo(stack.url(ClinicStack.Service.PROGRAM));
            assertThat(env.get("PORTAL_URL")).isEqualTo(stack.portalUrl());
        }
        var portal = stack.instances(ClinicStack.Service.PORTAL);
        var first = stack.environment(ClinicStack.Service.PORTAL, portal.get(0));
        var second = stack.environment(ClinicStack.Service.PORTAL, portal.get(1));
        for (String key : java.util.List.of(
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET",
                "CLINIC_PORTAL_CSRF_KEY")) {
            if (System.getenv(key) == null) {
                assertThat(first.get(key))
                        .as(key)
                        .hasSizeGreaterThanOrEqualTo(32)
                        .isEqualTo(second.get(key));
            }
        }
    }

    @Test
    void everyPatientServiceInstanceSendsMailToTheDemoMailServerAndSignsLinksWithTheDataDirectorysKey(
            @TempDir Path data) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("CLINIC_NOTIFY_SIGNING_KEY") == null, "the environment sets the key itself");
        StackConfig.Ports ports = StackConfig.Ports.random();
        StackConfig config = new StackConfig(
                Path.of("."),
                data,
                ports,
                Optional.of(new StackConfig.ExternalDatabase("jdbc:mysql://db:3306", "u", "p")),
                Optional.empty(),
                false,
                true,
                2);
        ClinicStack stack = new ClinicStack(config);
        var instances = stack.instances(ClinicStack.Service.PATIENT);
        var first = stack.environment(ClinicStack.Service.PATIENT, instances.get(0));
        var second = stack.environment(ClinicStack.Service.PATIENT, instances.get(1));
        for (var env : java.util.List.of(first, second)) {
            assertThat(env.get("SMTP_HOST")).isEqualTo("127.0.0.1");
            assertThat(env.get("SMTP_PORT")).isEqualTo(String.valueOf(ports.smtp()));
            assertThat(env.get("PORTAL_URL")).isEqualTo(stack.portalUrl());
        }
        String key = first.get("CLINIC_NOTIFY_SIGNING_KEY");
        assertThat(key).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second.get("CLINIC_NOTIFY_SIGNING_KEY"));
        Path file = data.resolve(ClinicStack.NOTIFY_KEY_FILE);
        assertThat(java.nio.file.Files.readString(file).trim()).isEqualTo(key);
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        // The next run on the same data directory signs with the same key, so the links already sent still work.
        ClinicStack again = new ClinicStack(config);
        assertThat(again.environment(ClinicStack.Service.PATIENT).get("CLINIC_NOTIFY_SIGNING_KEY"))
                .isEqualTo(key);
        // Only patient-service sends mail and holds the key.
        for (ClinicStack.Service other : java.util.List.of(ClinicStack.Service.PROGRAM, ClinicStack.Service.PORTAL)) {
            assertThat(stack.environment(other))
                    .doesNotContainKeys("SMTP_HOST", "SMTP_PORT", "CLINIC_NOTIFY_SIGNING_KEY");
        }
    }

    @Test
    void withOneReplicaTheServiceListensOnItsPublicPortItself() {
        StackConfig.Ports ports = StackConfig.Ports.random();
        ClinicStack stack = new ClinicStack(
                new StackConfig(Path.of("."), Path.of("d"), ports, Optional.empty(), Optional.empty(), false, true));
        for (ClinicStack.Service service : ClinicStack.Service.values()) {
            assertThat(stack.instances(service)).singleElement().satisfies(i -> {
                assertThat(i.port()).isEqualTo(stack.port(service));
                assertThat(i.managementPort()).isEqualTo(stack.managementPort(service));
                assertThat(i.name(1)).isEqualTo(service.module);
            });
        }
    }
}
