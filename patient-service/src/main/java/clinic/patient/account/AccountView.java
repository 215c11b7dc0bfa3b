package clinic.patient.account;

import clinic.patient.registry.AccountState;
import clinic.patient.registry.Patient;

/**
 * A patient's login after an invitation was asked for: its state, its user name and the address the invitation went
 * to. Never a password.
 */
public record AccountView(long patientId, AccountState account, String username, String invitationSentTo) {

    static AccountView of(Patient p) {
        return new AccountView(p.id, p.account, p.accountUsername, p.email);
    }
}
