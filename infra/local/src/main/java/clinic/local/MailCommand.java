package clinic.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code ./clinic mail [address]}: the newest messages of the demo clinic's mail server (all addresses, or one),
 * with the links in them, so an invited patient's "set your password" link, or a reminder's link into the portal, can
 * be opened from the terminal.
 */
public final class MailCommand {

    static final int SHOWN = 5;

    private MailCommand() {}

    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.out.println(
                    """
                    Usage: ./clinic mail [address]

                    Shows the newest e-mails the demo clinic sent (to one address, or to anyone), with the
                    links in them: a patient's invitation holds the link to set their password; reminders
                    and alerts link into the portal (patient3@demo.clinic.test gets a nudge at the start).
                    Reads the demo mail server of ./clinic run (CLINIC_MAIL_PORT, default 8025).""");
            System.exit(args[0].equals("-h") || args[0].equals("--help") ? 0 : 2);
        }
        Map<String, String> env = System.getenv();
        String url =
                env.getOrDefault("CLINIC_MAIL_URL", "http://localhost:" + env.getOrDefault("CLINIC_MAIL_PORT", "8025"));
        Mailbox mailbox = new Mailbox(url);
        List<Mailbox.Mail> mails = new ArrayList<>();
        try {
            List<String> addresses = args.length == 1 ? List.of(args[0].trim()) : mailbox.addresses();
            for (String address : addresses) {
                mails.addAll(mailbox.messages(address));
            }
        } catch (IOException e) {
            System.err.println("No demo mail server answers at " + url + " (" + e.getMessage() + ").");
            System.err.println("Is the clinic running? Start it with ./clinic run; the port is CLINIC_MAIL_PORT.");
            System.exit(1);
            return;
        }
        if (mails.isEmpty()) {
            System.out.println(args.length == 1 ? "No mail for " + args[0].trim() + " yet." : "No mail yet.");
            return;
        }
        mails.sort(Comparator.comparingLong(Mailbox.Mail::uid).reversed());
        List<Mailbox.Mail> newest = mails.subList(0, Math.min(SHOWN, mails.size()));
        System.out.println("Newest " + newest.size() + " of " + mails.size() + " message(s), newest first:");
        for (Mailbox.Mail mail : newest) {
            System.out.println();
            System.out.println("To:      " + mail.to());
            System.out.println("Date:    " + mail.date());
            System.out.println("Subject: " + mail.subject());
            for (String link : mail.links()) {
                System.out.println("Link:    " + link);
            }
        }
    }
}
