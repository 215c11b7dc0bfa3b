package clinic.patient.notify;

import clinic.patient.outbound.ProgramNoticesClient;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Writes a notification's e-mail: subject, plain text and HTML from the Qute templates under {@code
 * templates/mail/}, one per kind, worded by bundle {@code mail} ({@link MailText}; a patient's in their language,
 * English or Spanish, and staff's in the language of their e-mail settings), one link into the portal,
 * and the headers: every optional kind carries a signed one-click unsubscribe link (RFC 8058 {@code List-Unsubscribe}
 * and {@code List-Unsubscribe-Post}), every e-mail {@code Auto-Submitted: auto-generated} and a {@code Message-ID}
 * made from the row's id, so a message can be matched to its row.
 *
 * <p>Nothing clinical goes into an e-mail: a patient is greeted by given name and told only that something waits in
 * the portal; a staff e-mail names a patient only by clinic number. The digest and the weekly summary are counts.
 */
@ApplicationScoped
public class MailComposer {

    /** What the e-mail needs to know about its row (read in the sender's transaction). */
    public record Subject(
            long id, NotificationKind kind, Long patientId, String recipient, String ref, String clinicNumber) {}

    private final Engine engine;
    private final UnsubscribeTokens tokens;
    private final ProgramNoticesClient program;
    private final String portal;
    private final String host;

    public MailComposer(
            Engine engine,
            UnsubscribeTokens tokens,
            @RestClient ProgramNoticesClient program,
            @ConfigProperty(name = "clinic.notify.portal-url") String portal) {
        this.engine = engine;
        this.tokens = tokens;
        this.program = program;
        this.portal = portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal;
        String h = URI.create(this.portal).getHost();
        this.host = h == null ? "localhost" : h;
    }

    /** The Message-ID of a row's e-mail. */
    public String messageId(long id) {
        return "<notification-" + id + "@" + host + ">";
    }

    /** English unless the recipient chose Spanish (a patient in their preferences, staff in their e-mail settings). */
    static String language(NotificationKind kind, String chosen) {
        return "es".equalsIgnoreCase(chosen) ? "es" : "en";
    }

    /**
     * The e-mail, or null when there is nothing to say any more (a digest whose alerts were all acknowledged). May
     * call program-service (the digest's and the summary's counts); its failures are thrown to the caller.
     */
    public Mail compose(Subject s, String to, String greeting, String language) {
        String lang = language(s.kind(), language);
        MailText words = MessageBundles.get(MailText.class, Localized.Literal.of(lang));
        Map<String, Object> data = new HashMap<>();
        data.put("lang", lang);
        data.put("greeting", greeting);
        String subject;
        String link;
        boolean staff = s.kind().audience() == NotificationKind.Audience.STAFF;
        switch (s.kind()) {
            case EXERCISE_REMINDER -> {
                subject = words.reminder_subject();
                link = portal + "/me/today";
            }
            case INACTIVITY_NUDGE -> {
                subject = words.nudge_subject();
                link = portal + "/me/today";
            }
            case MEASURE_DUE -> {
                subject = words.measure_subject();
                link = portal + "/me/measures";
            }
            case PROGRAM_CHANGED -> {
                subject = words.changed_subject();
                link = portal + "/me/today";
            }
            case PROGRAM_PAUSED -> {
                boolean resumed = s.ref() != null && s.ref().startsWith(Sender.RESUMED);
                data.put("resumed", resumed);
                subject = resumed ? words.resumed_subject() : words.paused_subject();
                link = portal + "/me/today";
            }
            case URGENT_ALERT -> {
                data.put("clinicNumber", s.clinicNumber());
                subject = words.urgent_subject(s.clinicNumber());
                link = portal + "/alerts";
            }
            case ALERT_DIGEST -> {
                ProgramNoticesClient.PhysioAlerts mine = null;
                ProgramNoticesClient.OpenAlerts all = program.openAlerts();
                for (ProgramNoticesClient.PhysioAlerts p :
                        all.physios() == null ? List.<ProgramNoticesClient.PhysioAlerts>of() : all.physios()) {
                    if (s.recipient().equals(p.physio())) {
                        mine = p;
                    }
                }
                if (mine == null || mine.open() - mine.urgent() <= 0) {
                    return null;
                }
                data.put("open", mine.open());
                data.put("urgent", mine.urgent());
                data.put(
                        "byType",
                        mine.byType() == null
                                ? List.of()
                                : mine.byType().stream()
                                        .map(t -> Map.of("type", t.type(), "count", t.count()))
                                        .toList());
                data.put(
                        "oldest",
                        mine.oldestRaisedOn() == null
                                ? ""
                                : mine.oldestRaisedOn().toString());
                subject = words.digest_subject(mine.open());
                link = portal + "/alerts";
            }
            case WEEKLY_SUMMARY -> {
                LocalDate from = LocalDate.parse(s.ref().substring("week-".length()));
                ProgramNoticesClient.Week week = program.week(from, from.plusDays(7));
                Map<String, Object> w = new HashMap<>();
                w.put("from", from.toString());
                w.put("to", from.plusDays(6).toString());
                w.put("sessionsLogged", week.sessionsLogged());
                w.put("patientsLogging", week.patientsLogging());
                w.put("activePrograms", week.activePrograms());
                w.put("programsStarted", week.programsStarted());
                w.put("programsDischarged", week.programsDischarged());
                w.put("alertsRaised", week.alertsRaised());
                w.put("urgentAlerts", week.urgentAlerts());
                w.put("openAlerts", week.openAlerts());
                data.put("week", w);
                subject = words.weekly_subject(from.toString());
                link = portal + "/admin/reports";
            }
            default -> throw new IllegalArgumentException(s.kind().name());
        }
        data.put("link", link);
        String unsubscribe = null;
        if (s.kind().optional()) {
            UnsubscribeTokens.Subject who = staff
                    ? UnsubscribeTokens.Subject.staff(s.recipient(), s.kind())
                    : UnsubscribeTokens.Subject.patient(s.patientId(), s.kind());
            unsubscribe = portal + "/unsubscribe?t=" + URLEncoder.encode(tokens.sign(who), StandardCharsets.UTF_8);
        }
        data.put("unsubscribeUrl", unsubscribe);
        data.put("preferencesUrl", portal + (staff ? "/settings/notifications" : "/me/preferences"));

        // one template per kind, worded by bundle mail in the e-mail's language
        String name = "mail/" + s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Locale locale = Locale.forLanguageTag(lang);
        Mail mail = Mail.withText(to, subject, render(name + ".txt", data, locale))
                .setHtml(render(name + ".html", data, locale));
        mail.addHeader("Message-ID", messageId(s.id()));
        mail.addHeader("Auto-Submitted", "auto-generated");
        if (unsubscribe != null) {
            mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    private String render(String id, Map<String, Object> data, Locale locale) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no mail template " + id);
        }
        io.quarkus.qute.TemplateInstance instance = template.instance().setLocale(locale);
        data.forEach(instance::data);
        return instance.render();
    }
}
