package clinic.datagen;

import clinic.rules.ClearanceRules;
import clinic.rules.ScreeningOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a running local clinic (both services' schemas) with a synthetic clinic: at scale 1, 10,000 patients with a
 * CLEAR screening, 10,000 {@code sciatica-phased} programs started over the last year in all three phases (about one
 * in six of the older ones discharged with a reason, {@link Plan}), about 1,000,000 session logs with plausible pain
 * courses, the alerts program-service's rules would have raised, and the outcome questionnaires answered at the
 * schedule's time points ({@link Outcomes}).
 * Seeded, so two runs with the same seed on the same day write the same data. Refuses any database that is not the
 * launcher's embedded demo one.
 *
 * <p>Usage: {@code ./clinic generate [--scale=1] [--seed=42] [--batch=1000] [--workers=2] [--no-session-audit]}
 */
public final class Generate {

    private static final int PATIENTS_AT_SCALE_1 = 10_000;
    private static final long LOGS_AT_SCALE_1 = 1_000_000;

    private final Options options;
    private final Database db;
    private final LocalDate today = LocalDate.now();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();

    private Generate(Options options, Database db) {
        this.options = options;
        this.db = db;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        try {
            new Generate(options, Database.fromEnv(System.getenv())).run();
        } catch (Database.Refused e) {
            System.err.println(e.getMessage());
            System.exit(3);
        } catch (Exception e) {
            System.err.println("Generation failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        try (Connection patients = db.connect("patients");
                Connection programs = db.connect("programs")) {
            db.requireDemoMarker(patients);
            db.requireDemoMarker(programs);
            Protocol protocol = Protocol.load(programs);
            requirePatientSchema(patients);
            reportSummary(programs, true);
            try {
                generate(patients, programs, protocol);
            } finally {
                reportSummary(programs, false);
            }
        }
        millis.put("total", (System.nanoTime() - t0) / 1_000_000);
        report();
    }

    /**
     * The reports' summary (program-service migration V20) holds each program's figures and counts on the service to
     * mark what changes; these rows go in by SQL. So the summary is paused while they go in (the service's job would
     * build it again every minute, stale at once) and made unused after (a raised epoch), and the job builds it anew.
     */
    private static void reportSummary(Connection programs, boolean pause) throws SQLException {
        try (var tables = programs.getMetaData().getTables(programs.getCatalog(), null, "report_summary", null)) {
            if (!tables.next()) {
                return;
            }
        }
        String sql = pause
                ? "UPDATE report_summary SET paused_until = NOW(6) + INTERVAL 6 HOUR, epoch = epoch + 1 WHERE id = 1"
                : "UPDATE report_summary SET paused_until = NULL, epoch = epoch + 1 WHERE id = 1";
        // The summary job holds the row while it builds (seconds at 100,000 programs): wait for it, a few times over.
        for (int attempt = 1; ; attempt++) {
            try (Statement st = programs.createStatement()) {
                st.executeUpdate(sql);
                programs.commit();
                return;
            } catch (SQLTransientException busy) {
                programs.rollback();
                if (attempt == 5) {
                    throw busy;
                }
            }
        }
    }

    private void generate(Connection patients, Connection programs, Protocol protocol) throws Exception {

        int count = Math.max(1, (int) Math.round(PATIENTS_AT_SCALE_1 * options.scale));
        long wantedLogs = Math.round(LOGS_AT_SCALE_1 * options.scale);
        System.out.printf(
                Locale.ROOT,
                "Generating %,d patients, %,d programs, about %,d session logs (seed %d) into %s%n",
                count,
                count,
                wantedLogs,
                options.seed,
                db.baseUrl());

        long t = System.nanoTime();
        List<Plan> plans = plan(count, wantedLogs);
        Ids ids = Ids.read(patients, programs);
        ids.reserve(patients, programs, 3 * wantedLogs + 10L * count + 1_000_000);
        int firstNumber = reserveClinicNumbers(patients, count);
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            p.patientId = ids.patient + 1 + i;
            p.programId = ids.program + 1 + i;
            String digits = String.format(Locale.ROOT, "%06d", firstNumber + i);
            p.clinicNumber = "PT-" + digits;
            p.account = "gen-" + digits;
        }
        took("plan", t);

        // Patient-service's schema is small and independent: load it beside the programs.
        ExecutorService pool = Executors.newFixedThreadPool(2 + options.workers);
        Future<?> patientLoad = pool.submit(() -> {
            loadPatients(patients, plans, ids);
            return null;
        });
        t = System.nanoTime();
        loadPrograms(programs, plans, protocol, ids);
        took("programs + revisions", t);

        // Questionnaires need their programs only: written beside the session logs.
        long outcomesStart = System.nanoTime();
        Future<Outcomes.Result> outcomes = pool.submit(new Outcomes(db, options, today, plans, ids.measure));
        t = System.nanoTime();
        loadSessions(pool, plans, protocol, ids);
        took("session logs + exercises + alerts", t);
        Outcomes.Result written = outcomes.get();
        took("questionnaires (in parallel)", outcomesStart);
        count("measure_response", written.responses);
        count("  programs discharged", written.discharged);
        patientLoad.get();
        pool.shutdown();
    }

    private List<Plan> plan(int count, long wantedLogs) {
        // Draw once to see how many logs the clinic would have, then redraw with every patient's logging rate
        // stretched so the total lands near the wanted number. Same seed, same draws: only adherence moves.
        double expected = 0;
        for (Plan p : drawAll(count, 1.0)) {
            expected += p.adherence * p.loggableDays();
        }
        return drawAll(count, expected == 0 ? 1.0 : wantedLogs / expected);
    }

    private List<Plan> drawAll(int count, double scale) {
        Random rnd = new Random(options.seed);
        List<Plan> plans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            plans.add(Plan.draw(rnd, today, scale));
        }
        return plans;
    }

    private static void requirePatientSchema(Connection c) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT next_value FROM clinic_number_counter WHERE id = 1")) {
            if (rs.next()) {
                return;
            }
        } catch (SQLException e) {
            // fall through
        }
        throw new Database.Refused(
                "patient-service's tables are missing: start the clinic once (./clinic run) so they are created.");
    }

    /** Takes a block of clinic numbers from the counter, as registrations do one at a time; returns the first. */
    private static int reserveClinicNumbers(Connection c, int count) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE clinic_number_counter SET next_value = LAST_INSERT_ID(next_value + ?) WHERE id = 1")) {
            st.setInt(1, count);
            st.executeUpdate();
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT LAST_INSERT_ID()")) {
            rs.next();
            long last = rs.getLong(1);
            c.commit();
            return (int) (last - count + 1);
        }
    }

    // ---------------------------------------------------------------- patient-service: patient, screening, audit

    private void loadPatients(Connection c, List<Plan> plans, Ids ids) throws SQLException {
        long t = System.nanoTime();
        Random rnd = new Random(options.seed * 7 + 1);
        String requestId = "datagen-" + options.seed;
        try (Batch patient = new Batch(
                        c,
                        options.batch,
                        "patient",
                        "id",
                        "clinic_number",
                        "given_name",
                        "family_name",
                        "date_of_birth",
                        "sex",
                        "email",
                        "phone",
                        "medical_condition",
                        "referral_source",
                        "consent_date",
                        "status",
                        "care_physio",
                        "account",
                        "account_username",
                        "created_at",
                        "updated_at",
                        "version");
                Batch screening = new Batch(
                        c,
                        options.batch,
                        "screening",
                        "id",
                        "patient_id",
                        "red_flags",
                        "sciatica_signs",
                        "other_signs",
                        "notes",
                        "outcome",
                        "overridden",
                        "override_reason",
                        "overridden_by",
                        "screened_at",
                        "screened_by",
                        "valid_until");
                Batch audit = new Batch(
                        c,
                        options.batch,
                        "audit_event",
                        "id",
                        "occurred_at",
                        "actor",
                        "actor_role",
                        "action",
                        "patient_id",
                        "request_id")) {
            screening.after(patient);
            long auditId = ids.patientAudit;
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                LocalDateTime created = p.registeredOn.atTime(8, 30).plusMinutes(rnd.nextInt(540));
                String given = Names.GIVEN[rnd.nextInt(Names.GIVEN.length)];
                String family = Names.FAMILY[rnd.nextInt(Names.FAMILY.length)];
                LocalDate born = LocalDate.of(1945 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                String sex = Names.SEX[rnd.nextInt(Names.SEX.length)];
                patient.add(
                        p.patientId,
                        p.clinicNumber,
                        given,
                        family,
                        born,
                        sex,
                        p.account + "@synthetic.clinic.test",
                        String.format(Locale.ROOT, "+44 20 7946 0%03d", rnd.nextInt(1000)),
                        Names.CONDITIONS[rnd.nextInt(Names.CONDITIONS.length)],
                        Names.REFERRALS[rnd.nextInt(Names.REFERRALS.length)],
                        p.registeredOn,
                        "ACTIVE",
                        p.physio,
                        "ACTIVE",
                        p.account,
                        created,
                        created,
                        0L);
                LocalDateTime screened = created.plusMinutes(20 + rnd.nextInt(40));
                if (screened.toLocalDate().isAfter(p.startedOn)) {
                    screened = p.startedOn.atTime(8, 0);
                }
                screening.add(
                        ids.screening + 1 + i,
                        p.patientId,
                        "",
                        Names.SIGNS[rnd.nextInt(Names.SIGNS.length)],
                        "",
                        "Sciatica without red flags; suitable for the phased program.",
                        ScreeningOutcome.CLEAR.name(),
                        false,
                        null,
                        null,
                        screened,
                        p.physio,
                        screened.toLocalDate().plusDays(ClearanceRules.DEFAULT_VALIDITY_DAYS));
                audit.add(++auditId, created, p.physio, "physio", "PATIENT_CREATED", p.patientId, requestId);
                audit.add(++auditId, screened, p.physio, "physio", "SCREENING_CREATED", p.patientId, requestId);
                audit.add(
                        ++auditId,
                        p.startedOn.atTime(10, 0),
                        p.physio,
                        "physio",
                        "CLEARANCE_READ",
                        p.patientId,
                        requestId);
            }
            patient.close();
            screening.close();
            audit.close();
            count("patient", patient.rows());
            count("screening", screening.rows());
            count("patient audit_event", audit.rows());
        }
        took("patients (in parallel)", t);
    }

    // ---------------------------------------------------------------- program-service: programs and revisions

    private void loadPrograms(Connection c, List<Plan> plans, Protocol protocol, Ids ids) throws SQLException {
        String[] snapshots = {protocol.snapshot(1), protocol.snapshot(2), protocol.snapshot(3)};
        String requestId = "datagen-" + options.seed;
        try (Batch program = new Batch(
                        c,
                        options.batch,
                        "program",
                        "id",
                        "patient_id",
                        "active_patient_id",
                        "patient_account",
                        "care_physio",
                        "protocol_id",
                        "phase",
                        "status",
                        "started_on",
                        "phase_since",
                        "current_revision",
                        "created_by",
                        "created_at",
                        "updated_at",
                        "version",
                        "discharged_on",
                        "discharged_at",
                        "discharged_by",
                        "discharge_reason",
                        "discharge_summary");
                Batch revision = new Batch(
                        c,
                        options.batch,
                        "program_revision",
                        "id",
                        "program_id",
                        "number",
                        "phase",
                        "protocol",
                        "exercises",
                        "changed_by",
                        "changed_at",
                        "effective_on",
                        "reason");
                Batch audit = Batch.programAudit(c, options.batch)) {
            revision.after(program);
            long revisionId = ids.revision;
            long auditId = ids.programAudit;
            for (Plan p : plans) {
                int phase = p.phase();
                LocalDateTime created = p.startedOn.atTime(10, 5);
                LocalDateTime updated = p.phaseSince().atTime(11, 0);
                LocalDateTime discharged = p.isDischarged() ? p.dischargedOn.atTime(16, 30) : null;
                program.add(
                        p.programId,
                        p.patientId,
                        // A discharged program is no longer the patient's current one.
                        p.isDischarged() ? null : p.patientId,
                        p.account,
                        p.physio,
                        protocol.id(),
                        phase,
                        p.isDischarged() ? "DISCHARGED" : "ACTIVE",
                        p.startedOn,
                        p.phaseSince(),
                        phase,
                        p.physio,
                        created,
                        p.isDischarged() ? discharged : phase == 1 ? created : updated,
                        (long) (phase - 1) + (p.isDischarged() ? 1 : 0),
                        p.dischargedOn,
                        discharged,
                        p.isDischarged() ? p.physio : null,
                        p.dischargeReason,
                        p.isDischarged() ? Outcomes.summary(p) : null);
                revision.add(
                        ++revisionId,
                        p.programId,
                        1,
                        1,
                        Protocol.CODE,
                        snapshots[0],
                        p.physio,
                        created,
                        p.startedOn,
                        "Acute flare: starting with gentle movement.");
                audit.add(
                        ++auditId,
                        created,
                        p.physio,
                        "physio",
                        "PROGRAM_ASSIGNED",
                        p.patientId,
                        p.programId,
                        requestId);
                int[] moves = {p.phase2Day, p.phase3Day};
                for (int k = 0; k < 2; k++) {
                    if (moves[k] < 0) {
                        continue;
                    }
                    LocalDateTime at = p.startedOn.plusDays(moves[k]).atTime(11, 0);
                    revision.add(
                            ++revisionId,
                            p.programId,
                            k + 2,
                            k + 2,
                            Protocol.CODE,
                            snapshots[k + 1],
                            p.physio,
                            at,
                            at.toLocalDate(),
                            k == 0
                                    ? "Radiating pain has eased; building foundations."
                                    : "Largely pain-free; moving to stretching and nerve mobility.");
                    audit.add(
                            ++auditId,
                            at,
                            p.physio,
                            "physio",
                            "PROGRAM_PHASE_CHANGED",
                            p.patientId,
                            p.programId,
                            requestId);
                }
                if (p.isDischarged()) {
                    audit.add(
                            ++auditId,
                            discharged,
                            p.physio,
                            "physio",
                            "PROGRAM_DISCHARGED",
                            p.patientId,
                            p.programId,
                            requestId);
                }
            }
            program.close();
            revision.close();
            audit.close();
            count("program", program.rows());
            count("program_revision", revision.rows());
            count("program audit_event", audit.rows());
            // Session audit rows follow these ids.
            ids.programAudit = auditId;
        }
    }

    // ---------------------------------------------------------------- program-service: logs, exercises, alerts

    private void loadSessions(ExecutorService pool, List<Plan> plans, Protocol protocol, Ids ids) throws Exception {
        // Ids are fixed before any worker starts, so the split between workers never changes the data.
        int n = plans.size();
        long[] firstLog = new long[n + 1];
        long[] firstProgramExercise = new long[n + 1];
        firstLog[0] = ids.sessionLog + 1;
        firstProgramExercise[0] = ids.programExercise + 1;
        for (int i = 0; i < n; i++) {
            Plan p = plans.get(i);
            firstLog[i + 1] = firstLog[i] + Sessions.countLogs(p);
            firstProgramExercise[i + 1] =
                    firstProgramExercise[i] + protocol.phase(p.phase()).size();
        }
        long totalLogs = firstLog[n] - firstLog[0];
        int workers = Math.max(1, Math.min(options.workers, n));
        List<Future<Sessions.Result>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int from = (int) ((long) n * w / workers);
            int to = (int) ((long) n * (w + 1) / workers);
            Sessions job = new Sessions(
                    db,
                    options,
                    protocol,
                    today,
                    plans.subList(from, to),
                    firstLog,
                    firstProgramExercise,
                    from,
                    ids.sessionExercise,
                    ids.sessionLog,
                    ids.programAudit);
            results.add(pool.submit(job));
        }
        List<Object[]> alerts = new ArrayList<>();
        Sessions.Result sum = new Sessions.Result();
        for (Future<Sessions.Result> f : results) {
            Sessions.Result r = f.get();
            sum.add(r);
            alerts.addAll(r.alerts);
        }
        if (sum.logs != totalLogs) {
            throw new IllegalStateException("log count drifted: planned " + totalLogs + ", wrote " + sum.logs);
        }
        long t = System.nanoTime();
        Map<String, Long> byType = new LinkedHashMap<>();
        try (Connection c = db.connect("programs");
                Batch alert = new Batch(
                        c,
                        options.batch,
                        "alert",
                        "id",
                        "program_id",
                        "patient_id",
                        "care_physio",
                        "session_log_id",
                        "type",
                        "severity",
                        "severity_rank",
                        "message",
                        "status",
                        "created_at",
                        "acknowledged_by",
                        "acknowledged_at",
                        "note",
                        "version")) {
            long id = ids.alert;
            for (Object[] row : alerts) {
                row[0] = ++id;
                alert.add(row);
                byType.merge((String) row[5] + (row[9].equals("OPEN") ? " open" : ""), 1L, Long::sum);
            }
            alert.close();
            count("alert", alert.rows());
        }
        took("alerts", t);
        t = System.nanoTime();
        // Added to what is there: each run adds a clinic after the existing rows, on the same days and physios.
        try (Connection c = db.connect("programs");
                PreparedStatement st = c.prepareStatement(
                        """
                        INSERT INTO report_day_logs (log_date, care_physio, slot, logs) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE logs = logs + VALUES(logs)
                        """)) {
            int pending = 0;
            for (Map.Entry<Sessions.DayKey, Long> e : sum.days.entrySet()) {
                st.setObject(1, e.getKey().date());
                st.setString(2, e.getKey().physio());
                st.setInt(3, e.getKey().slot());
                st.setLong(4, e.getValue());
                st.addBatch();
                if (++pending == options.batch) {
                    st.executeBatch();
                    pending = 0;
                }
            }
            st.executeBatch();
            c.commit();
        }
        took("report day counts", t);
        count("report_day_logs", sum.days.size());
        count("session_log", sum.logs);
        count("session_exercise", sum.exercises);
        count("program_exercise", sum.programExercises);
        count("session audit_event", sum.audits);
        count("program_week", sum.weeks);
        count("program_outcome", sum.outcomes);
        byType.forEach((k, v) -> count("  alerts " + k, v));
    }

    // ---------------------------------------------------------------- bookkeeping

    private synchronized void count(String table, long n) {
        rows.merge(table, n, Long::sum);
    }

    private synchronized void took(String what, long startNanos) {
        millis.put(what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void report() {
        System.out.println();
        System.out.println("| rows | count |");
        System.out.println("|---|---:|");
        rows.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %,d |%n", k, v));
        System.out.println();
        System.out.println("| step | seconds |");
        System.out.println("|---|---:|");
        millis.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %.1f |%n", k, v / 1000.0));
    }

    /** The highest id of every table written, read before the first insert; new rows follow them. */
    static final class Ids {
        long patient;
        long screening;
        long patientAudit;
        long program;
        long programExercise;
        long revision;
        long sessionLog;
        long sessionExercise;
        long alert;
        long programAudit;
        long measure;

        static Ids read(Connection patients, Connection programs) throws SQLException {
            Ids ids = new Ids();
            ids.patient = max(patients, "patient");
            ids.screening = max(patients, "screening");
            ids.patientAudit = max(patients, "audit_event");
            ids.program = max(programs, "program");
            ids.programExercise = max(programs, "program_exercise");
            ids.revision = max(programs, "program_revision");
            ids.sessionLog = max(programs, "session_log");
            ids.sessionExercise = max(programs, "session_exercise");
            ids.alert = max(programs, "alert");
            ids.programAudit = max(programs, "audit_event");
            ids.measure = max(programs, "measure_response");
            return ids;
        }

        /**
         * The running clinic keeps writing while the rows go in (audit rows of its jobs' reads, above all), and its
         * inserts take the next auto-increment id, which follows the highest id written: the generator's next ones.
         * Each table's auto-increment counter is moved past {@code rows} ids from its current maximum first, so the
         * clinic's rows go above the range this run writes (its counter does not move for ids below it).
         */
        void reserve(Connection patients, Connection programs, long rows) throws SQLException {
            reserve(patients, "patient", patient, rows);
            reserve(patients, "screening", screening, rows);
            reserve(patients, "audit_event", patientAudit, rows);
            reserve(programs, "program", program, rows);
            reserve(programs, "program_exercise", programExercise, rows);
            reserve(programs, "program_revision", revision, rows);
            reserve(programs, "session_log", sessionLog, rows);
            reserve(programs, "session_exercise", sessionExercise, rows);
            reserve(programs, "alert", alert, rows);
            reserve(programs, "audit_event", programAudit, rows);
            reserve(programs, "measure_response", measure, rows);
        }

        private static void reserve(Connection c, String table, long max, long rows) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table + " AUTO_INCREMENT = " + (max + rows + 1));
            }
        }

        private static long max(Connection c, String table) throws SQLException {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Command-line flags. */
    static final class Options {
        static final String USAGE =
                """
                Usage: ./clinic generate [--scale=1] [--seed=42] [--batch=1000] [--workers=2] [--no-session-audit]
                  --scale             1 = 10,000 patients and programs, ~1,000,000 session logs; 0.01 for a quick run
                  --seed              seed of java.util.Random: same seed, same day, same data
                  --batch             rows per multi-row INSERT (and per commit)
                  --workers           connections writing session logs in parallel
                  --no-session-audit  skip the SESSION_LOGGED audit row program-service writes per log
                Environment: CLINIC_DB_URL (default jdbc:mysql://127.0.0.1:$DB_PORT, DB_PORT default 3306),
                  CLINIC_DB_USER (clinic), CLINIC_DB_PASSWORD (clinic-demo).
                Refuses any database without the local demo marker (clinic_local.demo_marker).""";

        double scale = 1.0;
        long seed = 42;
        int batch = 1000;
        int workers = 2;
        boolean sessionAudit = true;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                try {
                    if (arg.startsWith("--scale=")) {
                        o.scale = Double.parseDouble(value);
                    } else if (arg.startsWith("--seed=")) {
                        o.seed = Long.parseLong(value);
                    } else if (arg.startsWith("--batch=")) {
                        o.batch = Integer.parseInt(value);
                    } else if (arg.startsWith("--workers=")) {
                        o.workers = Integer.parseInt(value);
                    } else if (arg.equals("--no-session-audit")) {
                        o.sessionAudit = false;
                    } else if (arg.equals("--help") || arg.equals("-h")) {
                        o.help = true;
                    } else {
                        throw new IllegalArgumentException("Unknown option: " + arg);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a number in " + arg);
                }
            }
            if (o.scale <= 0 || o.scale > 10) {
                throw new IllegalArgumentException("--scale must be above 0 and at most 10");
            }
            if (o.batch < 1 || o.workers < 1) {
                throw new IllegalArgumentException("--batch and --workers must be at least 1");
            }
            return o;
        }
    }
}
