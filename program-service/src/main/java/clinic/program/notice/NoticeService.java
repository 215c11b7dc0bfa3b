package clinic.program.notice;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.audit.Audit;
import clinic.program.outcome.DueView;
import clinic.program.outcome.MeasureRepository;
import clinic.program.outcome.MeasureResponse;
import clinic.program.outcome.MeasureService;
import clinic.program.prescription.Program;
import clinic.rules.AlertRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reads patient-service's e-mail sender makes with its service account (role {@code clinical-service}): the feed,
 * where patients stand on their local day, the open alerts per physio, and a period's clinic-wide figures. Each read is
 * audited in its own transaction as the service account's (actor and role {@code clinical-service}), like its hold
 * deliveries: one row per patient a read disclosed, one row without a patient for the aggregate reads.
 */
@ApplicationScoped
public class NoticeService {

    public static final String FEED_READ = "NOTICES_READ";
    public static final String STATUS_READ = "NOTICE_STATUS_READ";
    public static final String OPEN_ALERTS_READ = "NOTICE_OPEN_ALERTS_READ";
    public static final String WEEK_READ = "NOTICE_WEEK_READ";

    /** Most patients one status request may ask about, and most notices one page holds. */
    public static final int MAX_PATIENTS = 500;

    public static final int MAX_PAGE = 500;

    /** Longest period of the week figures, in days. */
    public static final int MAX_DAYS = 31;

    private static final Set<String> OPEN_DUE = Set.of(DueView.DUE, DueView.OVERDUE);

    private final NoticeFeed feed;
    private final MeasureRepository measures;
    private final MeasureService measureService;
    private final Audit audit;
    private final EntityManager em;

    public NoticeService(
            NoticeFeed feed, MeasureRepository measures, MeasureService measureService, Audit audit, EntityManager em) {
        this.feed = feed;
        this.measures = measures;
        this.measureService = measureService;
        this.audit = audit;
        this.em = em;
    }

    /**
     * A page of the feed after the cursor. Audited per patient named on the page; an empty page discloses nothing and
     * writes no row (patient-service asks every few seconds).
     */
    @Transactional
    public NoticeViews.Page feed(long after, int limit) {
        List<NoticeViews.Notice> notices = feed.after(after, limit);
        if (!notices.isEmpty()) {
            audit.recordEach(
                    FEED_READ,
                    notices.stream()
                            .map(n -> new Audit.Shown(n.patientId(), n.programId()))
                            .toList());
        }
        return new NoticeViews.Page(
                notices,
                notices.isEmpty() ? after : notices.get(notices.size() - 1).id());
    }

    /**
     * Where each patient stands on their local date, in request order. Four statements whatever the number of
     * patients (up to {@link #MAX_PATIENTS}): the current programs, each one's last log on or before its patient's
     * date, their questionnaires, and the audit rows; the due schedule is then worked out in memory per program.
     */
    @Transactional
    public NoticeViews.Status status(NoticeViews.StatusRequest request) {
        List<NoticeViews.Asked> asked = checked(request);
        Set<Long> patientIds = asked.stream().map(NoticeViews.Asked::patientId).collect(Collectors.toSet());
        Map<Long, Program> current = em.createQuery(
                        "select p from Program p join fetch p.protocol where p.activePatientId in :ids", Program.class)
                .setParameter("ids", patientIds)
                .getResultStream()
                .collect(Collectors.toMap(p -> p.patientId, p -> p, (a, b) -> a));
        Map<Long, LocalDate> lastLog = lastLogs(asked, current);
        Map<Long, List<MeasureResponse>> answered =
                measures.ofPrograms(current.values().stream().map(p -> p.id).toList()).stream()
                        .collect(Collectors.groupingBy(m -> m.programId));
        List<NoticeViews.PatientStatus> answer = new ArrayList<>();
        List<Audit.Shown> shown = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            NoticeViews.Asked a = asked.get(i);
            Program p = current.get(a.patientId());
            if (p == null) {
                answer.add(new NoticeViews.PatientStatus(
                        a.patientId(), null, "NONE", null, null, null, false, null, List.of()));
                shown.add(new Audit.Shown(a.patientId(), null));
                continue;
            }
            LocalDate last = lastLog.get((long) i);
            LocalDate since = last != null ? last : p.startedOn;
            int days = (int) Math.max(0, ChronoUnit.DAYS.between(since, a.localDate()));
            List<NoticeViews.MeasureDue> due =
                    measureService.due(p, answered.getOrDefault(p.id, List.of()), a.localDate(), true).due().stream()
                            .filter(d -> OPEN_DUE.contains(d.status()))
                            .map(d -> new NoticeViews.MeasureDue(d.instrument(), d.timepoint(), d.opensOn()))
                            .toList();
            answer.add(new NoticeViews.PatientStatus(
                    a.patientId(),
                    p.id,
                    p.status,
                    p.carePhysio,
                    p.startedOn,
                    last,
                    a.localDate().equals(last),
                    days,
                    due));
            shown.add(new Audit.Shown(a.patientId(), p.id));
        }
        audit.recordEach(STATUS_READ, shown);
        return new NoticeViews.Status(answer);
    }

    /** 422 for an empty request or more than {@link #MAX_PATIENTS} patients; 400 for an entry without its fields. */
    private static List<NoticeViews.Asked> checked(NoticeViews.StatusRequest request) {
        List<NoticeViews.Asked> asked = request == null || request.patients() == null ? List.of() : request.patients();
        if (asked.isEmpty() || asked.size() > MAX_PATIENTS) {
            throw new DomainException.Refused(
                    "Too many patients",
                    "Ask about 1 to " + MAX_PATIENTS + " patients at a time (asked: " + asked.size() + ").",
                    Map.of(
                            "violations",
                            List.of(new Problem.Violation("patients", "must have 1 to " + MAX_PATIENTS + " entries"))));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            NoticeViews.Asked a = asked.get(i);
            if (a == null) {
                violations.add(new Problem.Violation("patients[" + i + "]", "is required"));
                continue;
            }
            if (a.patientId() == null || a.patientId() <= 0) {
                violations.add(new Problem.Violation("patients[" + i + "].patientId", "must be a positive number"));
            }
            if (a.localDate() == null) {
                violations.add(new Problem.Violation("patients[" + i + "].localDate", "is required (yyyy-MM-dd)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations);
        }
        return asked;
    }

    /**
     * For each asked entry (by its index) with a current program: the day of that program's latest log on or before
     * the entry's local date. One statement: the entries as a derived table, each with a correlated MAX that is one
     * descent of the (program, date) index.
     */
    private Map<Long, LocalDate> lastLogs(List<NoticeViews.Asked> asked, Map<Long, Program> current) {
        List<Integer> withProgram = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (current.containsKey(asked.get(i).patientId())) {
                withProgram.add(i);
            }
        }
        if (withProgram.isEmpty()) {
            return Map.of();
        }
        StringBuilder entries = new StringBuilder();
        for (int k = 0; k < withProgram.size(); k++) {
            entries.append(k == 0 ? "select ? as ix, ? as pid, ? as d" : " union all select ?, ?, ?");
        }
        Query query = em.createNativeQuery("select q.ix, (select max(s.session_date) from session_log s"
                + " where s.program_id = q.pid and s.session_date <= q.d) from (" + entries + ") q");
        int param = 1;
        for (int i : withProgram) {
            NoticeViews.Asked a = asked.get(i);
            query.setParameter(param++, i);
            query.setParameter(param++, current.get(a.patientId()).id);
            query.setParameter(param++, Date.valueOf(a.localDate()));
        }
        Map<Long, LocalDate> last = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            LocalDate day = date(r[1]);
            if (day != null) {
                last.put(((Number) r[0]).longValue(), day);
            }
        }
        return last;
    }

    /**
     * OPEN alerts of current programs (ACTIVE or ON_HOLD) per care physio: how many, how many URGENT, per type, and
     * the day the oldest was raised. One grouped statement.
     */
    @Transactional
    public NoticeViews.OpenAlerts openAlerts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        """
                        select p.care_physio, a.type, a.severity, count(*), min(a.created_at)
                        from alert a
                        join program p on p.id = a.program_id
                        where a.status = 'OPEN' and p.status in ('ACTIVE', 'ON_HOLD')
                        group by p.care_physio, a.type, a.severity
                        """)
                .getResultList();
        Map<String, List<Object[]>> byPhysio = new TreeMap<>();
        for (Object[] r : rows) {
            byPhysio.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
        }
        List<NoticeViews.PhysioAlerts> physios = new ArrayList<>();
        byPhysio.forEach((physio, own) -> {
            long open = 0;
            long urgent = 0;
            LocalDate oldest = null;
            Map<String, Long> byType = new TreeMap<>();
            for (Object[] r : own) {
                long count = ((Number) r[3]).longValue();
                open += count;
                if (AlertRules.Severity.URGENT.name().equals(r[2])) {
                    urgent += count;
                }
                byType.merge((String) r[1], count, Long::sum);
                LocalDate raised = dateTime(r[4]);
                if (raised != null && (oldest == null || raised.isBefore(oldest))) {
                    oldest = raised;
                }
            }
            physios.add(new NoticeViews.PhysioAlerts(
                    physio,
                    open,
                    urgent,
                    byType.entrySet().stream()
                            .map(e -> new NoticeViews.TypeCount(e.getKey(), e.getValue()))
                            .toList(),
                    oldest));
        });
        audit.record(OPEN_ALERTS_READ, null, null);
        return new NoticeViews.OpenAlerts(physios);
    }

    /**
     * Clinic-wide figures of [from, to), in one statement of scalar subqueries, each an indexed range: the day counts
     * of the reports (V11 {@code report_day_logs}), the (date, program) covering index of the logs, the (status,
     * started) and discharge-day indexes of the programs, the (status, severity rank, raised) index of the alerts.
     */
    @Transactional
    public NoticeViews.Week week(LocalDate from, LocalDate to) {
        Object[] r = (Object[]) em.createNativeQuery(
                        """
                        select
                          (select coalesce(sum(d.logs), 0) from report_day_logs d
                             where d.log_date >= :from and d.log_date < :to),
                          (select count(distinct p.patient_id) from program p where p.id in
                             (select s.program_id from session_log s
                                where s.session_date >= :from and s.session_date < :to)),
                          (select count(*) from program p
                             where p.status in ('ACTIVE', 'ON_HOLD') and p.started_on < :to),
                          (select count(*) from program p
                             where p.status in ('ACTIVE', 'ON_HOLD', 'DISCHARGED')
                               and p.started_on >= :from and p.started_on < :to),
                          (select count(*) from program p
                             where p.discharged_on >= :from and p.discharged_on < :to),
                          (select count(*) from alert a
                             where a.status in ('OPEN', 'ACKNOWLEDGED') and a.severity_rank in (:ranks)
                               and a.created_at >= :fromTime and a.created_at < :toTime),
                          (select count(*) from alert a
                             where a.status in ('OPEN', 'ACKNOWLEDGED') and a.severity_rank = :urgent
                               and a.created_at >= :fromTime and a.created_at < :toTime),
                          (select count(*) from alert a
                             where a.status = 'OPEN' and a.created_at < :toTime)
                        """)
                .setParameter("from", Date.valueOf(from))
                .setParameter("to", Date.valueOf(to))
                .setParameter("fromTime", from.atStartOfDay())
                .setParameter("toTime", to.atStartOfDay())
                .setParameter(
                        "ranks",
                        java.util.Arrays.stream(AlertRules.Severity.values())
                                .map(AlertRules.Severity::rank)
                                .toList())
                .setParameter("urgent", AlertRules.Severity.URGENT.rank())
                .getSingleResult();
        audit.record(WEEK_READ, null, null, "period " + from + " to " + to);
        return new NoticeViews.Week(from, to, n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]));
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    private static LocalDate dateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        return date(value);
    }
}
