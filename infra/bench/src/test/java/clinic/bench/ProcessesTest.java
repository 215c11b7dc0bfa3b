package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void vmRssLineIsReadInKilobytes() {
        assertThat(Processes.parseKb("VmRSS:\t  184312 kB")).isEqualTo(184_312);
        assertThat(Processes.parseKb("MemTotal:       24567892 kB")).isEqualTo(24_567_892);
        assertThatThrownBy(() -> Processes.parseKb("VmRSS: kB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ownRssIsReadFromProc() {
        // This JVM runs on Linux in the build: its RSS is a positive number of kB.
        assertThat(Processes.rssKb(ProcessHandle.current().pid())).isPositive();
        assertThat(Processes.rssKb(-1)).isNull();
    }

    @Test
    void portalLoginFormActionIsUnescaped() {
        assertThat(PortalSession.unescape("http://kc/login-actions/authenticate?session_code=a&amp;execution=b"))
                .isEqualTo("http://kc/login-actions/authenticate?session_code=a&execution=b");
    }
}
