package clinic.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.kit.problem.DomainException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pages and cursors come from the query string: sane defaults, capped sizes, a bad value named. */
class PagingTest {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Test
    void aPageHasDefaultsAndACappedSize() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
        assertThat(PageRequest.of("2", "5000")).isEqualTo(new PageRequest(2, PageRequest.MAX_SIZE));
        assertThatThrownBy(() -> PageRequest.of("-1", "10")).isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> PageRequest.of("x", "10")).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void anExportRefusesASizeAboveItsMaximumInsteadOfCuttingIt() {
        assertThatThrownBy(() -> PageRequest.of("0", "10001", 10_000)).isInstanceOf(DomainException.Invalid.class);
        assertThat(PageRequest.of("0", "10000", 10_000).size()).isEqualTo(10_000);
    }

    @Test
    void aCursorIsTheLastKeyAndIdOfThePreviousPage() {
        String next = KeysetCursor.after(java.time.LocalDate.of(2026, 9, 3), 4711);
        assertThat(next).isEqualTo("2026-09-03:4711");
        KeysetCursor cursor = KeysetCursor.parse("after", next, DAY, "startedOn:programId");
        assertThat(cursor.key()).isEqualTo("2026-09-03");
        assertThat(cursor.id()).isEqualTo(4711);
        assertThat(KeysetCursor.parse("after", null, DAY, "startedOn:programId"))
                .isNull();
    }

    @Test
    void aCursorOfAnotherShapeIsA400NamingTheParameter() {
        for (String bad : new String[] {"2026-09-03", "12:4711", "2026-09-03:x", "2026-09-03:-1"}) {
            assertThatThrownBy(() -> KeysetCursor.parse("after", bad, DAY, "startedOn:programId"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            DomainException.Invalid.class,
                            e -> assertThat(e.violations().get(0).message()).contains("startedOn:programId"));
        }
    }
}
