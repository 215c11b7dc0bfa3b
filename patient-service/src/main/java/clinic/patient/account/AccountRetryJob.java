package clinic.patient.account;

import clinic.kit.jobs.JobClaims;
import clinic.patient.registry.PatientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retries the logins that could not be set up at registration (Keycloak was down, or could not send the e-mail).
 * Each attempt searches Keycloak by e-mail first, so a login created by an earlier, half-finished attempt is linked,
 * not duplicated, and the invitation is sent then.
 *
 * <p>Once per cluster: each tick is claimed first ({@link JobClaims}, one interval = one slot), and the replicas that
 * lose the claim skip it.
 */
@ApplicationScoped
public class AccountRetryJob {

    /** Bounded so one run after a long outage does not hammer a Keycloak that has just come back. */
    static final int BATCH = 20;

    static final String JOB = "account-retry";

    private final PatientRepository patients;
    private final AccountService accounts;
    private final JobClaims jobs;
    private final String every;

    public AccountRetryJob(
            PatientRepository patients,
            AccountService accounts,
            JobClaims jobs,
            @ConfigProperty(name = "clinic.accounts.retry-every") String every) {
        this.patients = patients;
        this.accounts = accounts;
        this.jobs = jobs;
        this.every = every;
    }

    @Scheduled(
            identity = JOB,
            every = "${clinic.accounts.retry-every}",
            delayed = "${clinic.accounts.retry-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retryPending(ScheduledExecution execution) {
        // Only called when scheduled, so the interval is a duration here (not "off").
        if (!jobs.claim(JOB, execution.getScheduledFireTime(), JobClaims.period(every))) {
            return;
        }
        retryPending();
    }

    /** One run: the pending logins, a batch at a time. */
    public void retryPending() {
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() ->
                        patients.pendingAccounts(BATCH).stream().map(p -> p.id).toList());
        for (Long id : ids) {
            accounts.tryProvision(id);
        }
    }
}
