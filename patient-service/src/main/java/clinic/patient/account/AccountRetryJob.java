package clinic.patient.account;

import clinic.patient.registry.PatientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Retries the logins that could not be set up at registration (Keycloak was down, or could not send the e-mail).
 * Each attempt searches Keycloak by e-mail first, so a login created by an earlier, half-finished attempt is linked,
 * not duplicated, and the invitation is sent then.
 */
@ApplicationScoped
public class AccountRetryJob {

    /** Bounded so one run after a long outage does not hammer a Keycloak that has just come back. */
    static final int BATCH = 20;

    private final PatientRepository patients;
    private final AccountService accounts;

    public AccountRetryJob(PatientRepository patients, AccountService accounts) {
        this.patients = patients;
        this.accounts = accounts;
    }

    @Scheduled(
            identity = "account-retry",
            every = "${clinic.accounts.retry-every}",
            delayed = "${clinic.accounts.retry-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retryPending() {
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() ->
                        patients.pendingAccounts(BATCH).stream().map(p -> p.id).toList());
        for (Long id : ids) {
            accounts.tryProvision(id);
        }
    }
}
