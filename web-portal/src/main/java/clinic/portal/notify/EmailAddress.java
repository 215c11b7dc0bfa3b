package clinic.portal.notify;

import clinic.portal.i18n.Account;
import clinic.portal.i18n.Texts;

/**
 * The recipient's address as the preference pages show it: whether e-mail can go there and, if not, what to do, from
 * patient-service's {@code emailVerified} and {@code emailStatus} (a refusal code of its {@code Recipients}).
 */
public record EmailAddress(String email, String state, String advice) {

    /** "verified", "not-verified" or "unknown": also the CSS hook and the test's handle. */
    static EmailAddress of(String email, Boolean verified, String status) {
        Account words = Texts.bundle(Account.class);
        if (Boolean.TRUE.equals(verified)) {
            return new EmailAddress(email, "verified", words.addr_verified());
        }
        if (verified == null || status == null || "UNKNOWN".equals(status)) {
            return new EmailAddress(email, "unknown", words.addr_unknown());
        }
        String advice =
                switch (status) {
                    case "NO_EMAIL" -> words.addr_no_email();
                    case "EMAIL_NOT_VERIFIED" -> words.addr_not_verified();
                    case "EMAIL_DIFFERS_FROM_LOGIN" -> words.addr_differs();
                    case "NO_LOGIN", "LOGIN_DISABLED" -> words.addr_no_login();
                    case "PATIENT_INACTIVE" -> words.addr_inactive();
                    default -> words.addr_default();
                };
        return new EmailAddress(email, "not-verified", advice);
    }

    public boolean isVerified() {
        return "verified".equals(state);
    }
}
