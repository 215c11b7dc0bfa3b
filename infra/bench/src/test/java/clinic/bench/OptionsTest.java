package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsKeepTheWholeBenchShort() {
        Options o = Options.parse();
        assertThat(o.patients()).isEqualTo(200);
        assertThat(o.durationSeconds()).isEqualTo(15);
        assertThat(o.generate()).isFalse();
        assertThat(o.reset()).isFalse();
    }

    @Test
    void optionsAreRead() {
        Options o = Options.parse("--patients=50", "--duration=10", "--warmup=0", "--generate", "--reset");
        assertThat(o.patients()).isEqualTo(50);
        assertThat(o.durationSeconds()).isEqualTo(10);
        assertThat(o.warmupSeconds()).isZero();
        assertThat(o.generate()).isTrue();
        assertThat(o.reset()).isTrue();
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Options.parse("--patients=0")).hasMessageContaining("--patients");
        assertThatThrownBy(() -> Options.parse("--duration=ten")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> Options.parse("--speed=9")).hasMessageContaining("--speed");
        assertThatThrownBy(() -> Options.parse("--reset=yes")).hasMessageContaining("--reset");
        assertThatThrownBy(() -> Options.parse("--patients=5", "--portal-sessions=6"))
                .hasMessageContaining("--portal-sessions");
    }
}
