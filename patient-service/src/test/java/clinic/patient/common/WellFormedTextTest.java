package clinic.patient.common;

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
    void wellFormedOddTextPassesUnchanged() throws Exception {
        String text = "a\tb\r\n \u202eevil\u202c 😀🧘‍♀️ e\u0301\u0302 שלום <b>x</b>";
        Note note = json.readValue(json.writeValueAsString(new Note(text, List.of(text))), Note.class);
        assertThat(note.text()).isEqualTo(text);
        assertThat(note.more()).containsExactly(text);
        assertThat(json.readValue("{\"text\":null}", Note.class).text()).isNull();
    }

    @Test
    void controlCharactersAreRefusedNulIncluded() {
        for (String body : List.of(
                "{\"text\":\"a\\u0000b\"}",
                "{\"text\":\"a\\u001bb\"}",
                "{\"text\":\"a\\u007fb\"}",
                "{\"more\":[\"ok\",\"\\u0085\"]}")) {
            assertThatThrownBy(() -> json.readValue(body, Note.class))
                    .as(body)
                    .isInstanceOf(InvalidFormatException.class);
        }
    }

    record Dated(java.time.LocalDate day) {}

    @Test
    void datesAreOnlyIsoDateStrings() throws Exception {
        assertThat(json.readValue("{\"day\":\"2024-02-29\"}", Dated.class).day())
                .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
        for (String value :
                List.of("123", "\"2023-02-29\"", "\"2024-02-29T10:00:00\"", "\"2024-2-29\"", "[2024,2,29]")) {
            assertThatThrownBy(() -> json.readValue("{\"day\":" + value + "}", Dated.class))
                    .as(value)
                    .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
        }
    }
}
