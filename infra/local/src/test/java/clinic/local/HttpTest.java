package clinic.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpTest {

    /**
     * The kernel picks ephemeral ports at random and may answer one twice once its socket is closed; a clinic whose
     * processes get one port twice does not start. Four hundred picks over the ~28,000 ephemeral ports repeat one with
     * a probability of about 94 % when nothing remembers them.
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
