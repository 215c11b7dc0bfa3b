package clinic.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.portal.outbound.AuditApi.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditMergeTest {

    private static Entry at(long id, String service, String at) {
        return new Entry(id, service, at, "physio", "physio", "PATIENT_READ", 1L, null, "ALLOWED", null, null);
    }

    @Test
    void entriesOfBothServicesAreOrderedNewestFirstAndUnreadableTimesLast() {
        List<Entry> merged = AuditMerge.newestFirst(
                List.of(at(1, "patient-service", "2026-11-30T10:00:00Z"), at(2, "patient-service", "garbled")),
                List.of(
                        at(3, "program-service", "2026-11-30T10:00:01Z"),
                        at(4, "program-service", "2026-11-29T23:59:59Z")));

        assertThat(merged).extracting(Entry::id).containsExactly(3L, 1L, 4L, 2L);
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreText() {
        assertThat(AuditMerge.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditMerge.cell("+44 20")).isEqualTo("'+44 20");
        assertThat(AuditMerge.cell("-2")).isEqualTo("'-2");
        assertThat(AuditMerge.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditMerge.cell("\tx")).isEqualTo("'\tx");
        assertThat(AuditMerge.cell("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(AuditMerge.cell("plain")).isEqualTo("plain");
        assertThat(AuditMerge.cell("")).isEmpty();
    }
}
