package clinic.patient.audit;

import clinic.kit.contract.AuditEntry;
import java.util.List;

/**
 * Audit events as CSV (RFC 4180). A cell that starts with {@code = + - @}, a tab or a carriage return is prefixed
 * with a single quote, so a spreadsheet shows it as text instead of running it as a formula.
 */
final class AuditCsv {

    static final String HEADER = "id,service,at,user,role,action,patientId,programId,outcome,reason,requestId";

    private AuditCsv() {}

    static String of(List<AuditEntry> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry r : rows) {
            out.append(String.join(
                            ",",
                            cell(r.id()),
                            cell(r.service()),
                            cell(r.at()),
                            cell(r.user()),
                            cell(r.role()),
                            cell(r.action()),
                            cell(r.patientId()),
                            cell(r.programId()),
                            cell(r.outcome()),
                            cell(r.reason()),
                            cell(r.requestId())))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
