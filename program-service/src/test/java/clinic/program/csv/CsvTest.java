package clinic.program.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and spreadsheet-formula defusing of {@link Csv} (plain unit test). */
class CsvTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesQuotes() {
        String csv = new Csv()
                .row("name", "note")
                .row("Hart, Paula", "said \"fine\"")
                .row("line\nbreak", null)
                .toString();
        assertThat(csv).isEqualTo("name,note\r\n\"Hart, Paula\",\"said \"\"fine\"\"\"\r\n\"line\nbreak\",\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunIsDefusedButNumbersAreNot() {
        assertThat(Csv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(Csv.field("@cmd")).isEqualTo("'@cmd");
        assertThat(Csv.field(-1.5)).isEqualTo("-1.5");
        assertThat(Csv.field("<25")).isEqualTo("<25");
    }
}
