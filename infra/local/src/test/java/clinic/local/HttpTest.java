package clinic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpTest {

    /**
     * Ports are picked at random (the kernel's or ours) and one may come up twice once its socket is closed; a clinic
     * whose processes get one port twice does not start. Four hundred picks over the 12,000 ports below the ephemeral
     * range repeat one with a probability over 99 % when nothing remembers them.
     */
    @Test
    void freePortNeverAnswersOnePortTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            assertThat(seen.add(Http.freePort()))
                    .as("pick %d answered a port given before", i)
                    .isTrue();
        }
    }

    /**
     * A port picked for a replica is bound a minute later at most; in that minute the local end of any outgoing
     * connection may take an ephemeral port (a CI run lost a replica so). Ports below the kernel's range are never
     * taken that way.
     */
    @Test
    void freePortPicksBelowTheKernelsEphemeralRange() {
        assumeTrue(Http.ephemeralRange().isPresent(), "the kernel's ephemeral range is not readable here");
        int low = Http.ephemeralRange().get()[0];
        for (int i = 0; i < 200; i++) {
            int port = Http.freePort();
            assertThat(port).as("pick %d", i).isLessThan(low).isGreaterThanOrEqualTo(1_024);
            assertThat(Http.portFree(port)).as("pick %d is free", i).isTrue();
        }
    }

    @Test
    void theClinicsConfiguredPortsAreKeptOutOfTheFreeOnes() throws Exception {
        int configured;
        try (ServerSocket socket = new ServerSocket(0)) {
            configured = socket.getLocalPort();
        }
        StackConfig.Ports random = StackConfig.Ports.random();
        StackConfig.Ports ports = new StackConfig.Ports(
                random.portal(),
                random.patientService(),
                random.programService(),
                random.keycloak(),
                configured,
                random.smtp(),
                random.mail(),
                random.portalManagement(),
                random.patientServiceManagement(),
                random.programServiceManagement());
        ClinicStack stack = new ClinicStack(new StackConfig(
                Path.of("."), Path.of("target"), ports, Optional.empty(), Optional.empty(), false, false, 2));
        Set<Integer> instancePorts = new HashSet<>();
        for (ClinicStack.Service service : ClinicStack.Service.values()) {
            for (ClinicStack.Instance instance : stack.instances(service)) {
                instancePorts.add(instance.port());
                instancePorts.add(instance.managementPort());
            }
        }
        assertThat(instancePorts).doesNotContain(configured);
        assertThat(Http.taken(configured))
                .as("the database's configured port is kept out of later picks (Keycloak's management port)")
                .isTrue();
    }
}
