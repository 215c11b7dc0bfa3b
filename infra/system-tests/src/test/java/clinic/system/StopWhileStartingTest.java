package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C before the ready banner, while Keycloak is still starting (its first start builds it: a minute or more on
 * these machines), stops what the run command started. Keycloak used to outlive the launcher then: the launcher only
 * knew of it once it was ready.
 */
class StopWhileStartingTest {

    @Test
    void ctrlCWhileKeycloakStartsLeavesNothingRunning() throws Exception {
        // Its own data directory: the shared clinic may be running on target/clinic-data.
        SystemStack stack = SystemStack.launch(Path.of("target", "clinic-data-stop"));
        List<ProcessHandle> started = new ArrayList<>();
        try {
            ProcessHandle keycloak = await(stack, "kc.home.dir", Duration.ofMinutes(3));
            assertThat(stack.output())
                    .as("the clinic is still starting")
                    .doesNotContain("Press Ctrl-C to stop everything.");
            started.addAll(stack.launcherProcess().descendants().toList());
            assertThat(started).contains(keycloak);

            int exit = stack.interrupt(Duration.ofSeconds(90));

            assertThat(exit).isNotEqualTo(-1);
            assertThat(stack.output())
                    .contains("Nothing of the clinic is left running.")
                    .as("a stop is not reported as a failure to start")
                    .doesNotContain("The clinic did not start");
            for (ProcessHandle process : started) {
                // The database's own library ends it on the launcher's exit without waiting: a few seconds' grace.
                try {
                    process.onExit().get(15, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    // reported below
                }
                assertThat(process.isAlive())
                        .as(
                                "process %d (%s) still running",
                                process.pid(), process.info().command().orElse("?"))
                        .isFalse();
            }
        } finally {
            stack.stop();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The launcher's descendant whose command line holds {@code part}, once it runs. */
    private static ProcessHandle await(SystemStack stack, String part, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<ProcessHandle> found = stack.launcherProcess()
                    .descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(part))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!stack.launcherProcess().isAlive()) {
                throw new AssertionError("the launcher exited:\n" + stack.output());
            }
            SystemStack.sleep(100);
        }
        throw new AssertionError("no process with '" + part + "' within " + timeout + ":\n" + stack.output());
    }
}
