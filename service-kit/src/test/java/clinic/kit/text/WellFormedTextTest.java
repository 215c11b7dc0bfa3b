package clinic.kit.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WellFormedTextTest {

    record Note(String text, List<String> more) {}

    private final ObjectMapper json = new ObjectMapper().registerModule(WellFormedText.module());

    @Test
    void loneSurrogatesAreRefusedInFieldsAndLists() {
        for (String body : List.of(
                "{\"text\":\"\\ud800\"}",
                "{\"text\":\"x\\udfffy\"}",
                "{\"text\":\"x\\ud83d\"}",
                "{\"more\":[\"ok\",\"\\ud83d\"]}")) {
            assertThatThrownBy(() -> json.readValue(body, Note.class))
                    .as(body)
                    .isInstanceOf(InvalidFormatException.class)
                    .hasMessageNotContaining("ud8");
        }
    }

    @Test
    void controlCharactersAndInvisibleOnlyTextAreRefused() {
        for (String bad : List.of("a\u0000b", "\u001b[2J", "x\u007f", "x\u0085", "\u200b", " \u00a0 ", "\u3164")) {
            assertThatThrownBy(() -> json.readValue(json.writeValueAsString(new Note(bad, null)), Note.class))
                    .as(bad)
                    .isInstanceOf(RefusedValue.class);
        }
        assertThat(WellFormedText.refusal("")).isNull();
        assertThat(WellFormedText.refusal(" a ")).isNull();
    }

    @Test
    void wellFormedOddTextPassesUnchanged() throws Exception {
        String text = "a\tb\r\n \u202eevil\u202c 😀🧘‍♀️ e\u0301\u0302 שלום <b>x</b>";
        Note note = json.readValue(json.writeValueAsString(new Note(text, List.of(text))), Note.class);
        assertThat(note.text()).isEqualTo(text);
        assertThat(note.more()).containsExactly(text);
        assertThat(json.readValue("{\"text\":null}", Note.class).text()).isNull();
    }

    record Dated(java.time.LocalDate day) {}

    private final ObjectMapper dates = new ObjectMapper().registerModule(StrictDates.module());

    @Test
    void datesAreOnlyIsoDateStringsWithinTheRange() throws Exception {
        assertThat(dates.readValue("{\"day\":\"2024-02-29\"}", Dated.class).day())
                .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
        for (String value : List.of(
                "123", "\"2023-02-29\"", "\"2024-02-29T10:00:00\"", "\"2024-2-29\"", "[2024,2,29]", "\"1899-12-31\"")) {
            assertThatThrownBy(() -> dates.readValue("{\"day\":" + value + "}", Dated.class))
                    .as(value)
                    .isInstanceOf(RefusedValue.class);
        }
    }
}
