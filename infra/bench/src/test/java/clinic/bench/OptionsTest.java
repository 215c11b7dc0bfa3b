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

    @Test
    void aSoakTakesItsLengthWithOrWithoutEquals() {
        assertThat(Options.parse("--soak", "30m").soak()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(Options.parse("--soak=90s").soak()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(Options.parse("--soak=1h", "--patients", "20").soak()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(Options.parse("--soak=1h", "--patients", "20").patients()).isEqualTo(20);
        assertThat(Options.parse().soak()).isZero();
        assertThatThrownBy(() -> Options.parse("--soak=30 minutes")).hasMessageContaining("--soak");
        assertThatThrownBy(() -> Options.parse("--soak=20s")).hasMessageContaining("at least a minute");
    }

    @Test
    void scaleAndDriverAreChecked() {
        Options o = Options.parse("--generate", "--scale=10", "--driver=java");
        assertThat(o.scale()).isEqualTo(10);
        assertThat(o.driver()).isEqualTo("java");
        assertThat(Options.parse().driver()).isEqualTo("auto");
        assertThatThrownBy(() -> Options.parse("--driver=ab")).hasMessageContaining("--driver");
        assertThatThrownBy(() -> Options.parse("--scale=0")).hasMessageContaining("--scale");
    }
}
