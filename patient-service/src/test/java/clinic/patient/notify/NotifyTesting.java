package clinic.patient.notify;

import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;

import clinic.patient.registry.AccountState;
import clinic.patient.registry.Patient;
import clinic.patient.testing.FakeKeycloak;
import clinic.patient.testing.FakeProgramService;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.http.ContentType;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the notification tests share: one application start with Keycloak and program-service played by stand-ins and
 * the mailer pointed at a GreenMail server in the test JVM ({@link #SMTP_PORT}); patients with verified logins.
 */
final class NotifyTesting {

    /** The test GreenMail's SMTP port (fixed, so the profile and the tests agree across class loaders). */
    static final int SMTP_PORT = 52465;

    static final String PORTAL = "https://portal.clinic.test";

    private NotifyTesting() {}

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeKeycloak.class), new TestResourceEntry(FakeProgramService.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(SMTP_PORT),
                    "quarkus.mailer.from", "Clinic <no-reply@clinic.test>",
                    "clinic.notify.portal-url", PORTAL,
                    "clinic.notify.zone", "Europe/London");
        }
    }

    static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** A patient of {@code physio} with a login whose address is verified (or not) and an ACTIVE account. */
    static Patient patient(EntityManager em, String keycloakUrl, boolean verified) {
        String email = uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email);
        long id = registerPatient(body);
        given().contentType(ContentType.JSON)
                .body(Map.of("emailVerified", verified))
                .put(keycloakUrl + "/_fake/users/" + email)
                .then()
                .statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> {
            Patient p = em.find(Patient.class, id);
            p.account = AccountState.ACTIVE;
            em.flush();
            em.detach(p);
            return p;
        });
    }

    /** Saves a patient's preferences; {@code change} sets what differs from the defaults. */
    static void preferences(
            EntityManager em, long patientId, java.util.function.Consumer<NotificationPreference> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            NotificationPreference p = em.find(NotificationPreference.class, patientId);
            if (p == null) {
                p = NotificationPreference.defaults(patientId);
                p.updatedAt = Instant.now();
                p.updatedBy = "test";
                change.accept(p);
                em.persist(p);
            } else {
                change.accept(p);
            }
        });
    }

    static void quietHours(EntityManager em, long patientId, String zone, String start, String end) {
        preferences(em, patientId, p -> {
            p.timeZone = zone;
            p.quietStart = LocalTime.parse(start);
            p.quietEnd = LocalTime.parse(end);
        });
    }

    /** Puts a row in the outbox as the planner or poller would; answers its id. */
    static long row(EntityManager em, Outbox outbox, Outbox.Row row) {
        return QuarkusTransaction.requiringNew().call(() -> {
            outbox.add(row, Instant.now());
            return em.createQuery("select n.id from Notification n where n.dedupeKey = :k", Long.class)
                    .setParameter("k", row.key())
                    .getSingleResult();
        });
    }

    static Outbox.Row patientRow(NotificationKind kind, long patientId, String ref) {
        return Outbox.Row.pending(
                NotificationKeys.patientRef(kind, patientId, ref), kind, patientId, null, LocalDate.now(), ref);
    }

    /**
     * Runs the sender (later each time, past any backoff) until none of these rows waits any more: right after
     * GreenMail was restarted by another test an e-mail sometimes meets GreenMail's socket time-out (421) and waits
     * for its retry, as it would in production. Whatever the attempts, the tests check each row is received once.
     */
    static void sendUntilSettled(Sender sender, EntityManager em, Instant from, List<Long> ids) {
        Instant at = from;
        for (int i = 0; i < 4; i++) {
            sender.sendDue(at);
            if (ids.stream().noneMatch(id -> Notification.PENDING.equals(notification(em, id).status))) {
                return;
            }
            at = at.plus(java.time.Duration.ofHours(1));
        }
    }

    static Notification notification(EntityManager em, long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notification n = em.find(Notification.class, id);
            em.detach(n);
            return n;
        });
    }

    static List<Notification> rowsOf(EntityManager em, long patientId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("from Notification n where n.patientId = :p order by n.id", Notification.class)
                .setParameter("p", patientId)
                .getResultList()
                .stream()
                .peek(em::detach)
                .toList());
    }

    /** The messages GreenMail received with this row's Message-ID. */
    static List<MimeMessage> messagesOf(GreenMail mail, long rowId) {
        String id = "<notification-" + rowId + "@portal.clinic.test>";
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return id.equals(m.getMessageID());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static String header(MimeMessage m, String name) throws Exception {
        String[] values = m.getHeader(name);
        return values == null ? null : values[0];
    }

    /** The text and HTML parts of a message. */
    record Bodies(String text, String html) {}

    static Bodies bodies(MimeMessage m) throws Exception {
        String text = null;
        String html = null;
        Object content = m.getContent();
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        } else {
            text = content.toString();
        }
        // Lines end in CRLF on the wire (SMTP); compared here as written in the templates.
        return new Bodies(
                text == null ? null : text.replace("\r\n", "\n"), html == null ? null : html.replace("\r\n", "\n"));
    }

    static void programStatus(String programService, long patientId, Map<String, Object> status) {
        given().contentType(ContentType.JSON)
                .body(status)
                .put(programService + "/_fake/program-status/" + patientId)
                .then()
                .statusCode(204);
    }

    static void notices(String programService, List<Map<String, Object>> notices) {
        given().contentType(ContentType.JSON)
                .body(notices)
                .post(programService + "/_fake/notices")
                .then()
                .statusCode(204);
    }
}
