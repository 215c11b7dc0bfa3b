package clinic.system;

import clinic.local.EmbeddedDatabase;
import clinic.local.Mailbox;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clinic's own e-mails (docs/notifications.md) as the tests read them: from the demo mail server, each tied to
 * its row in patient-service's outbox ({@code patients.notification}) by its {@code Message-ID}
 * ({@code <notification-{id}@{portal host}>}), so a test knows what kind a mail is without relying on its wording.
 */
final class Notifications {

    private static final Pattern MESSAGE_ID = Pattern.compile("<notification-(\\d+)@[^>]+>");
    private static final Pattern ANGLE_URL = Pattern.compile("<(https?://[^>]+)>");

    private Notifications() {}

    /** The outbox row a mail was sent for; empty for a mail that is not a notification (Keycloak's invitations). */
    static OptionalLong notificationId(Mailbox.Mail mail) {
        Matcher m = MESSAGE_ID.matcher(mail.header("Message-ID"));
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** One row of the outbox, as stored. */
    record Row(long id, String kind, Long patientId, String recipient, String status, String reason, String key) {}

    /** The outbox row with this id, if any. */
    static Optional<Row> row(SystemStack stack, long id) {
        try (Connection db = patients(stack);
                PreparedStatement q = db.prepareStatement(
                        "SELECT id, kind, patient_id, recipient, status, reason, dedupe_key FROM notification"
                                + " WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every outbox row of one patient (or about them), oldest first. */
    static List<Row> rowsOfPatient(SystemStack stack, long patientId) {
        return rows(stack, "WHERE patient_id = " + patientId);
    }

    /** Outbox rows by a condition on its columns (test-made SQL only). */
    static List<Row> rows(SystemStack stack, String where) {
        List<Row> rows = new ArrayList<>();
        try (Connection db = patients(stack);
                PreparedStatement q = db.prepareStatement(
                        "SELECT id, kind, patient_id, recipient, status, reason, dedupe_key FROM notification " + where
                                + " ORDER BY id");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static Row read(ResultSet rs) throws SQLException {
        long patient = rs.getLong(3);
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.wasNull() ? null : patient,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }

    /** The kind of notification a mail is (its outbox row's), or empty for any other mail. */
    static Optional<String> kind(SystemStack stack, Mailbox.Mail mail) {
        OptionalLong id = notificationId(mail);
        return id.isPresent() ? row(stack, id.getAsLong()).map(Row::kind) : Optional.empty();
    }

    /** The mails of one kind this address has received so far, oldest first. */
    static List<Mailbox.Mail> ofKind(SystemStack stack, String address, String kind) {
        try {
            return new Mailbox(stack.mail())
                    .messages(address).stream()
                            .filter(m -> kind(stack, m).filter(kind::equals).isPresent())
                            .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Waits until this address has more than {@code seen} mails of {@code kind} and answers the newest, or fails at
     * {@code deadline} saying what the mailbox holds.
     */
    static Mailbox.Mail await(SystemStack stack, String address, String kind, int seen, Instant deadline) {
        do {
            List<Mailbox.Mail> mails = ofKind(stack, address, kind);
            if (mails.size() > seen) {
                return mails.get(mails.size() - 1);
            }
            SystemStack.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no new " + kind + " e-mail for " + address + " by " + deadline + "; the mailbox has: "
                + describe(stack, address));
    }

    /** Subject and kind of each mail to this address, for failure messages. */
    static String describe(SystemStack stack, String address) {
        try {
            List<String> out = new ArrayList<>();
            for (Mailbox.Mail m : new Mailbox(stack.mail()).messages(address)) {
                out.add(kind(stack, m).orElse("(not a notification)") + " '" + m.subject() + "' " + m.date());
            }
            return out.toString();
        } catch (IOException e) {
            return "(mail server: " + e.getMessage() + ")";
        }
    }

    /** The one-click unsubscribe address of a mail: its {@code List-Unsubscribe} header's URL. */
    static String unsubscribeUrl(Mailbox.Mail mail) {
        Matcher m = ANGLE_URL.matcher(mail.header("List-Unsubscribe"));
        if (!m.find()) {
            throw new AssertionError("no List-Unsubscribe URL in '" + mail.subject() + "': headers "
                    + mail.headers().keySet());
        }
        return m.group(1);
    }

    /** When the mail was written, from its {@code Date} header (RFC 5322); empty when it has none or it is odd. */
    static Optional<Instant> date(Mailbox.Mail mail) {
        String date = mail.date() == null
                ? ""
                : mail.date().replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
        try {
            return Optional.of(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Plenty for a job that runs every few seconds on a busy machine, far less than "the next day". */
    static final Duration SOON = Duration.ofSeconds(30);

    static Connection patients(SystemStack stack) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + stack.dbPort + "/patients",
                EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }
}
