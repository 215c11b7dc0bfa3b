package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Ctrl-C stops every process the run command started. Runs last: it stops the shared clinic. */
@Order(Integer.MAX_VALUE)
class StopTest {

    @Test
    void ctrlCLeavesNothingRunning() throws Exception {
        SystemStack stack = SystemStack.get();
        // What the launcher started, plus any service a test restarted in place of one of them.
        List<ProcessHandle> started =
                new java.util.ArrayList<>(stack.launcherProcess().descendants().toList());
        started.addAll(stack.adoptedProcesses());
        assertThat(started).as("database, Keycloak and three services").hasSizeGreaterThanOrEqualTo(5);

        int exit = stack.interrupt(Duration.ofSeconds(90));

        assertThat(exit).isNotEqualTo(-1);
        assertThat(stack.output()).contains("Nothing of the clinic is left running.");
        for (ProcessHandle process : started) {
            assertThat(process.isAlive())
                    .as(
                            "process %d (%s) still running",
                            process.pid(), process.info().command().orElse("?"))
                    .isFalse();
        }
        for (int port : new int[] {
            stack.portalPort,
            stack.patientPort,
            stack.programPort,
            stack.keycloakPort,
            stack.portalManagementPort,
            stack.patientManagementPort,
            stack.programManagementPort
        }) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
