package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersHeaderAlignmentRowAndRows() {
        String table = new MarkdownTable("lr", "scenario", "req/s")
                .row("today", "812.5")
                .row("reference", "1400.0")
                .render();
        assertThat(table)
                .isEqualTo(
                        "| scenario | req/s |\n" + "|---|---:|\n" + "| today | 812.5 |\n" + "| reference | 1400.0 |\n");
    }

    @Test
    void pipesAndLineBreaksInCellsCannotBreakTheTable() {
        String table = new MarkdownTable("l", "x").row("a|b\nc").render();
        assertThat(table).endsWith("| a\\|b c |\n");
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        MarkdownTable table = new MarkdownTable("lr", "a", "b");
        assertThatThrownBy(() -> table.row("only one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarkdownTable("lx", "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarkdownTable("l", "a", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
