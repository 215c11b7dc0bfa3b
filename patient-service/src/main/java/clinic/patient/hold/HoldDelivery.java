package clinic.patient.hold;

import clinic.kit.jobs.JobClaims;
import clinic.patient.outbound.ProgramHoldsClient;
import clinic.rules.RedFlag;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Delivers screening red flags to program-service so the patient's program goes on hold, and never loses one: the
 * request is written in the screening's transaction ({@link #record}), tried once right after the commit ({@link
 * #deliver}), and retried by a job with backoff (5 s doubling up to 1 min) until program-service answers 2xx.
 *
 * <p>Each attempt locks its row with {@code FOR UPDATE SKIP LOCKED}, so the immediate try and the job, or two
 * replicas' jobs, never send the same request at the same time; program-service answers a repeat of a screening the
 * same way in any case. The job itself also runs once per cluster ({@link JobClaims}: each interval is claimed by one
 * replica), so the replicas do not all query for due requests every few seconds.
 */
@ApplicationScoped
public class HoldDelivery {

    private static final Logger LOG = Logger.getLogger(HoldDelivery.class);

    /** Bounded, so one run after a long outage does not flood a program-service that has just come back. */
    static final int BATCH = 50;

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** Where a request stands, as the screening's answer says it. */
    public enum State {
        DELIVERED,
        PENDING
    }

    static final String JOB = "program-hold-delivery";

    private final EntityManager em;
    private final ProgramHoldsClient programService;
    private final JobClaims jobs;
    private final String every;

    public HoldDelivery(
            EntityManager em,
            @RestClient ProgramHoldsClient programService,
            JobClaims jobs,
            @ConfigProperty(name = "clinic.holds.retry-every") String every) {
        this.em = em;
        this.programService = programService;
        this.jobs = jobs;
        this.every = every;
    }

    /** Records the red flags of a new screening for delivery, in the screening's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(long patientId, long screeningId, Collection<RedFlag> flags) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        HoldRequest r = new HoldRequest();
        r.patientId = patientId;
        r.screeningId = screeningId;
        r.redFlags = RedFlag.setOf(flags).stream().map(Enum::name).collect(Collectors.joining(","));
        r.createdAt = now;
        r.nextAttemptAt = now;
        em.persist(r);
        em.flush();
        return r.id;
    }

    /**
     * One attempt for one request; answers whether it is delivered (now or before). Never throws for a failed
     * delivery: the failure is counted and the next attempt scheduled.
     *
     * <p>Three steps, the HTTP call outside any transaction (a REST client failing inside a JTA transaction left it
     * unable to commit): a short transaction reserves the row ({@code FOR UPDATE SKIP LOCKED}, then its next attempt
     * moved {@link #RESERVATION} ahead, so neither the job nor another replica picks it meanwhile); the call; a short
     * transaction records the result.
     */
    public State deliver(long requestId) {
        ProgramHoldsClient.Delivery delivery = QuarkusTransaction.requiringNew().call(() -> reserve(requestId));
        if (delivery == null) {
            return QuarkusTransaction.requiringNew().call(() -> {
                HoldRequest r = em.find(HoldRequest.class, requestId);
                return r != null && r.deliveredAt != null ? State.DELIVERED : State.PENDING;
            });
        }
        String error = null;
        try {
            programService.hold(delivery);
        } catch (WebApplicationException e) {
            error = "HTTP " + e.getResponse().getStatus();
        } catch (RuntimeException e) {
            // Connection refused, time-out, or no token from Keycloak (the OIDC client's exceptions).
            error = rootName(e);
        }
        String failure = error;
        return QuarkusTransaction.requiringNew().call(() -> record(requestId, failure));
    }

    /** How long an attempt keeps its row from other attempts: longer than the client's time-outs. */
    static final Duration RESERVATION = Duration.ofSeconds(30);

    /** Locks a due, undelivered request and moves its next attempt ahead; null when there is none to try. */
    private ProgramHoldsClient.Delivery reserve(long requestId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<?> locked = em.createNativeQuery("SELECT id FROM program_hold_request WHERE id = ?1"
                        + " AND delivered_at IS NULL AND next_attempt_at <= ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, requestId)
                .setParameter(2, now)
                .getResultList();
        if (locked.isEmpty()) {
            return null;
        }
        HoldRequest r = em.find(HoldRequest.class, requestId);
        r.attempts++;
        r.nextAttemptAt = now.plus(RESERVATION);
        return new ProgramHoldsClient.Delivery(r.patientId, r.screeningId, Arrays.asList(r.redFlags.split(",")));
    }

    /** The result of an attempt: delivered, or the error and the next attempt after the backoff. */
    private State record(long requestId, String error) {
        HoldRequest r = em.find(HoldRequest.class, requestId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (error == null) {
            r.deliveredAt = now;
            r.lastError = null;
            return State.DELIVERED;
        }
        failed(r, now, error);
        return State.PENDING;
    }

    private static void failed(HoldRequest r, Instant now, String why) {
        r.lastError = why.length() > 200 ? why.substring(0, 200) : why;
        r.nextAttemptAt = now.plus(backoff(r.attempts));
        LOG.warnf(
                "Program hold for screening %d not delivered (attempt %d: %s); retrying after %s",
                r.screeningId, r.attempts, r.lastError, r.nextAttemptAt);
    }

    /** 5 s after the first failure, doubling, at most 1 min. */
    static Duration backoff(int attempts) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(Math.max(attempts - 1, 0), 10);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /** The requests due for another attempt, oldest first. */
    List<Long> due(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select r.id from HoldRequest r where r.deliveredAt is null and r.nextAttemptAt <= :now"
                                + " order by r.nextAttemptAt, r.id",
                        Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList());
    }

    /** The job: every pending request whose time has come, one attempt each. */
    @Scheduled(
            identity = JOB,
            every = "${clinic.holds.retry-every}",
            delayed = "${clinic.holds.retry-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue(ScheduledExecution execution) {
        if (!jobs.claim(JOB, execution.getScheduledFireTime(), JobClaims.period(every))) {
            return;
        }
        deliverDue();
    }

    /** One run of the job. */
    void deliverDue() {
        for (Long id : due(Instant.now(), BATCH)) {
            deliver(id);
        }
    }
}
