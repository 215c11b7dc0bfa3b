package clinic.kit.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.kit.problem.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query strings are text: a bad one is a 400 naming the parameter, never a 404 or a 500. */
class QueryParamsTest {

    @Test
    void idsArePositiveWholeNumbers() {
        assertThat(QueryParams.positiveId("patientId", "12")).isEqualTo(12L);
        assertThat(QueryParams.positiveId("patientId", null)).isNull();
        for (String bad : List.of("0", "-3", "1.5", "abc", "9999999999999999999")) {
            assertThatThrownBy(() -> QueryParams.positiveId("patientId", bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            DomainException.Invalid.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("patientId"));
        }
    }

    @Test
    void numbersStayWithinTheirRange() {
        assertThat(QueryParams.number("size", null, 25, 1, 100)).isEqualTo(25);
        assertThat(QueryParams.number("size", "100", 25, 1, 100)).isEqualTo(100);
        assertThatThrownBy(() -> QueryParams.number("size", "101", 25, 1, 100))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void datesAreStrictIsoDaysWithinTheClinicsRange() {
        assertThat(QueryParams.date("from", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(QueryParams.date("from", "")).isNull();
        for (String bad : List.of("2023-02-29", "2024-2-29", "20240229", "0202-01-01", "123456789-01-01")) {
            assertThatThrownBy(() -> QueryParams.date("from", bad)).as(bad).isInstanceOf(DomainException.Invalid.class);
        }
    }

    @Test
    void aDayAsTheEndOfARangeIncludesThatDay() {
        assertThat(QueryParams.instant("to", "2026-11-26", true)).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(QueryParams.instant("from", "2026-11-26", false)).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(QueryParams.instant("from", "2026-11-26T10:15:00Z", false))
                .isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
        assertThatThrownBy(() -> QueryParams.instant("from", "2026-11-26T10:15:00+01:00", false))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void textIsStrippedAndRefusedWhenInvisibleOrTooLong() {
        assertThat(QueryParams.text("q", "  Rivera ", 50)).isEqualTo("Rivera");
        assertThat(QueryParams.text("q", "", 50)).isNull();
        assertThatThrownBy(() -> QueryParams.text("q", "\u200b", 50)).isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> QueryParams.text("q", "a\u0000b", 50)).isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> QueryParams.text("q", "x".repeat(51), 50)).isInstanceOf(DomainException.Invalid.class);
    }
}
