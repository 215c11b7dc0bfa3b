package clinic.patient.notify;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the clinic's e-mails, bundle {@code mail} ({@code {mail:key}} in {@code templates/mail/}): English
 * here, Spanish in {@code messages/mail_es.properties} (checked complete by {@code MailBundleCompletenessTest}). A
 * patient's e-mail is in the language they chose, and a physio's or admin's in the one of their e-mail settings.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailText {

    @Message("Hello {greeting},")
    String hello(String greeting);

    @Message("You get this e-mail because e-mail reminders are on for your exercise program at the clinic.")
    String patient_why();

    @Message("Stop these e-mails")
    String stop();

    @Message("Change what you get")
    String change();

    @Message("Open your exercises")
    String open_exercises();

    @Message("See your program")
    String see_program();

    @Message("Your exercises for today")
    String reminder_subject();

    @Message("Your exercises for today are waiting for you. When you have done them, please record your session in the"
            + " portal:")
    String reminder_body();

    @Message("Open today's exercises")
    String reminder_action();

    @Message("Your exercises are waiting for you")
    String nudge_subject();

    @Message("We have not seen a session from you for a few days. If something is making the exercises hard, please"
            + " tell your physiotherapist.")
    String nudge_body();

    @Message("Whenever you are ready, your exercises are here:")
    String nudge_here();

    @Message("A short questionnaire is ready for you")
    String measure_subject();

    @Message("A short questionnaire about how you are doing is ready for you. It takes a few minutes and helps your"
            + " physiotherapist follow your progress:")
    String measure_body();

    @Message("Answer the questionnaire")
    String measure_action();

    @Message("Your exercise program has been updated")
    String changed_subject();

    @Message("Your physiotherapist has updated your exercise program. Please have a look before your next session:")
    String changed_body();

    @Message("Your exercise program is paused")
    String paused_subject();

    @Message("Your exercise program is paused for now. Please do not continue the exercises until your"
            + " physiotherapist has been in touch. What this means:")
    String paused_body();

    @Message("Your exercise program has resumed")
    String resumed_subject();

    @Message("Your exercise program has resumed. You can carry on with your exercises:")
    String resumed_body();

    @Message("URGENT alert for patient {clinicNumber}")
    String urgent_subject(String clinicNumber);

    @Message("An URGENT alert has been raised for patient {clinicNumber}. Please review it now")
    String urgent_body(String clinicNumber);

    @Message("Open the alerts")
    String urgent_action();

    @Message("You get this e-mail because you are this patient's care physiotherapist. Urgent alerts are always sent.")
    String urgent_why();

    @Message("Open alerts: {open}")
    String digest_subject(Object open);

    @Message("You have {open} open alerts ({urgent} of them urgent, already sent to you one by one).")
    String digest_body(Object open, Object urgent);

    @Message("The oldest was raised on {oldest}.")
    String digest_oldest(Object oldest);

    @Message("Review them:")
    String digest_review();

    @Message("Review the alerts")
    String digest_action();

    @Message("You get this daily digest because you are the care physiotherapist of patients with open alerts.")
    String digest_why();

    @Message("The clinic's week from {from}")
    String weekly_subject(Object from);

    @Message("The clinic's week from {from} to {to}:")
    String weekly_intro(Object from, Object to);

    @Message("Sessions logged: {sessions} (by {patients} patients)")
    String weekly_sessions(Object sessions, Object patients);

    @Message("Active programs: {active} ({started} started, {discharged} discharged)")
    String weekly_programs(Object active, Object started, Object discharged);

    @Message("Alerts raised: {raised} ({urgent} urgent); open now: {open}")
    String weekly_alerts(Object raised, Object urgent, Object open);

    @Message("The reports:")
    String weekly_reports();

    @Message("Open the reports")
    String weekly_action();

    @Message("You get this weekly summary because you are an administrator of the clinic.")
    String weekly_why();
}
