package clinic.portal.notify;

/**
 * The recipient's address as the preference pages show it: whether e-mail can go there and, if not, what to do, from
 * patient-service's {@code emailVerified} and {@code emailStatus} (a refusal code of its {@code Recipients}).
 */
public record EmailAddress(String email, String state, String advice) {

    /** "verified", "not-verified" or "unknown": also the CSS hook and the test's handle. */
    static EmailAddress of(String email, Boolean verified, String status) {
        if (Boolean.TRUE.equals(verified)) {
            return new EmailAddress(email, "verified", "Verified: e-mails go to this address.");
        }
        if (verified == null || status == null || "UNKNOWN".equals(status)) {
            return new EmailAddress(
                    email,
                    "unknown",
                    "We cannot check this address right now. Your choices below are still saved; try again later"
                            + " to see whether it is verified.");
        }
        String advice =
                switch (status) {
                    case "NO_EMAIL" -> "The clinic has no e-mail address for you, so no e-mails are sent. Ask the"
                            + " clinic to add one.";
                    case "EMAIL_NOT_VERIFIED" -> "Not verified yet, so no e-mails are sent. Open the e-mail the"
                            + " clinic's sign-in service sent you and follow its link to verify the address, or ask the"
                            + " clinic to send it again.";
                    case "EMAIL_DIFFERS_FROM_LOGIN" -> "This address is not the one your login uses, so no e-mails"
                            + " are sent until the clinic corrects it and you have verified it. Ask the clinic.";
                    case "NO_LOGIN", "LOGIN_DISABLED" -> "Your login cannot receive e-mails at the moment. Ask the"
                            + " clinic.";
                    case "PATIENT_INACTIVE" -> "Your record is not active, so no e-mails are sent. Ask the clinic"
                            + " if this is wrong.";
                    default -> "No e-mails can be sent to this address at the moment. Ask the clinic.";
                };
        return new EmailAddress(email, "not-verified", advice);
    }

    public boolean isVerified() {
        return "verified".equals(state);
    }
}
