package clinic.program.csv;

import clinic.kit.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe; numbers
 * are written as they are. Used by every export of the service (reports, audit trail), with {@link #wanted} deciding
 * from the Accept header whether a client asked for CSV rather than JSON.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder out = new StringBuilder();

    /**
     * Whether the client asked for CSV rather than JSON. The first acceptable type decides; a wildcard means the
     * default, JSON. An Accept header that is no media type at all (empty, {@code text}) is ignored as HTTP allows,
     * rather than failing the request.
     */
    public static boolean wanted(HttpHeaders headers) {
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if ("text".equalsIgnoreCase(type.getType()) && "csv".equalsIgnoreCase(type.getSubtype())) {
                return true;
            }
            if (type.isCompatible(MediaType.valueOf(Problem.MEDIA_TYPE))) {
                return false;
            }
        }
        return false;
    }

    /** Appends one record. */
    public Csv row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    /** Appends one record; null fields are empty. */
    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
