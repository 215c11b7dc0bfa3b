package clinic.system;

import clinic.local.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plain JDBC to the clinic's embedded MariaDB, with the launcher's demo credentials: the tests look at the rows
 * themselves rather than trusting the API that wrote them.
 */
final class Database {

    static final List<String> SCHEMAS = List.of("patients", "programs");

    private Database() {}

    static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + SystemStack.get().dbPort + "/" + schema,
                EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }

    /** Written by scheduled jobs whatever the requests do: never part of a snapshot. */
    static final Set<String> CLOCK_TABLES = Set.of(
            "job_claim",
            "notification",
            "notice_cursor",
            // program-service's reports' summary (V20, V21): its job stamps report_summary and clears the change
            // marks every minute; a mark is only ever written with a change of program, session_log or
            // measure_response, which stay compared.
            "report_summary",
            "program_stale",
            "program_figures",
            "figure_sums",
            "completion_figures",
            "episode_figures");

    /**
     * Row count and a hash of all the rows of every table of both schemas, keyed {@code schema.table}, leaving out
     * the tables named in {@code excluded} (as {@code schema.table}).
     */
    static TreeMap<String, String> snapshot(Set<String> excluded) throws SQLException {
        TreeMap<String, String> tables = new TreeMap<>();
        for (String schema : SCHEMAS) {
            try (Connection c = connect(schema);
                    Statement s = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = '" + schema + "' AND table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String table : names) {
                    String key = schema + "." + table;
                    // Tables the clock writes, not requests: job_claim is the schedulers' bookkeeping
                    // (clinic.kit.jobs.JobClaims); patient-service's e-mail outbox (notification) and its cursor over
                    // program-service's notices (notice_cursor) are written by the planner, the sender and the poller
                    // on their own schedule (patient3's nudge in the first minute, sends settling a moment later). A
                    // request that would cause an e-mail shows in programs.notice_event or in the preferences, which
                    // stay compared.
                    if (excluded.contains(key) || CLOCK_TABLES.contains(table)) {
                        continue;
                    }
                    List<String> columns = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns"
                            + " WHERE table_schema = '" + schema + "' AND table_name = '" + table + "'"
                            + " ORDER BY ordinal_position")) {
                        while (rs.next()) {
                            columns.add("IFNULL(HEX(`" + rs.getString(1) + "`), '-')");
                        }
                    }
                    // A hash of every column of every row (HEX, so character sets and NULs play no part), summed
                    // and XORed over the rows: any changed, added or removed row changes it.
                    String row = "CRC32(CONCAT_WS('|', " + String.join(", ", columns) + "))";
                    try (ResultSet rs = s.executeQuery(
                            "SELECT COUNT(*), SUM(" + row + "), BIT_XOR(" + row + ") FROM `" + table + "`")) {
                        rs.next();
                        tables.put(key, rs.getLong(1) + " rows, hash " + rs.getString(2) + "/" + rs.getString(3));
                    }
                }
            }
        }
        return tables;
    }

    /** A single number from a query, e.g. a count. */
    static long number(String schema, String sql) throws SQLException {
        try (Connection c = connect(schema);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
