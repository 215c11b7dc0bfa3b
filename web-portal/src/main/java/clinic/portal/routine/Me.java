package clinic.portal.routine;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The patient's routine pages (today, the handout, the session log, progress) and the offline app's messages: bundle
 * {@code me} ({@code {me:key}} in templates). English here, Spanish in {@code messages/me_es.properties}. Keys start
 * with their page: {@code today_}, {@code handout_}, {@code log_}, {@code logged_}, {@code history_}, {@code offline_};
 * words several of these pages share have none.
 */
@MessageBundle("me")
public interface Me {

    // Shared by several routine pages

    @Message("Phase {phase}")
    String phase(Integer phase);

    @Message("Back to today's routine")
    String back_to_today();

    @Message("You have no active exercise program yet.")
    String no_program();

    @Message("Your program was discharged.")
    String discharged();

    @Message("Your program was discharged on {date}.")
    String discharged_on(String date);

    @Message("Read your summary")
    String summary_link();

    @Message("no pain")
    String pain_none();

    @Message("worst pain imaginable")
    String pain_worst();

    // Today's routine

    @Message("Today's routine")
    String today_title();

    @Message("A questionnaire is due:")
    String today_due_title();

    @Message("It takes a few minutes and shows how you are getting on.")
    String today_due_text();

    @Message("Fill it in")
    String today_due_link();

    @Message("Print this routine")
    String today_print();

    @Message("Printable handout")
    String today_handout_link();

    @Message("Log today's session")
    String today_log_link();

    @Message("No exercises for today.")
    String today_no_exercises();

    @Message("You have no active exercise program yet. Your physiotherapist will set one up after your screening.")
    String today_no_program();

    // The handout

    @Message("My exercise handout")
    String handout_title();

    @Message("Print this handout")
    String handout_print();

    @Message("No exercises in your program yet.")
    String handout_no_exercises();

    // The session log

    @Message("Log a session")
    String log_title();

    @Message("Your session was not saved: your exercise program is paused.")
    String log_refused();

    @Message("See what to do now")
    String log_refused_link();

    @Message("Date")
    String log_date();

    @Message("Pain before your exercises")
    String log_pain_before();

    @Message("Pain after your exercises")
    String log_pain_after();

    @Message("Choose a number: 0 means no pain, 10 means the worst pain imaginable.")
    String log_pain_anchors();

    @Message("Exercises")
    String log_exercises();

    @Message("Done")
    String log_done();

    @Message("Side")
    String log_side();

    @Message("Not chosen")
    String log_side_unset();

    @Message("Both sides")
    String log_side_both();

    @Message("Left only")
    String log_side_left();

    @Message("Right only")
    String log_side_right();

    @Message("Nerve pain: sharp pain shot down my leg")
    String log_nerve();

    @Message("My pain stayed higher for more than a couple of hours after the last session")
    String log_pain_lasted();

    @Message("Does the pain stop you sleeping or working?")
    String log_pain_stops();

    @Message("Yes")
    String log_yes();

    @Message("No")
    String log_no();

    @Message("Since your last session, have you had any of these? Tick all that apply.")
    String log_red_flags();

    @Message("Notes for your physio")
    String log_notes();

    @Message("Save session")
    String log_save();

    @Message("You have no active exercise program to log against yet.")
    String log_no_program();

    @Message("Some answers need attention")
    String log_errors_title();

    @Message("Enter the date of this session.")
    String log_error_date();

    @Message("Choose a number from 0 to 10.")
    String log_error_pain();

    @Message("Some answers need attention.")
    String log_notice_check();

    @Message("You have no active program to log against.")
    String log_notice_no_program();

    // After logging

    @Message("Session saved")
    String logged_title();

    @Message("You told us about:")
    String logged_told_us();

    @Message("Thank you. Your session of {date} is saved.")
    String logged_saved_on(String date);

    @Message("Thank you. Today's session is saved.")
    String logged_saved_today();

    @Message("Your exercise program is paused.")
    String logged_paused();

    @Message("Please do not do your exercises until your physiotherapist has talked to you.")
    String logged_paused_text();

    @Message("What to do now")
    String logged_what_to_do();

    @Message("See your progress")
    String logged_progress_link();

    // Progress

    @Message("My progress")
    String history_title();

    @Message("You are in phase {phase} of your program.")
    String history_phase(Integer phase);

    @Message("Mild cases often improve within 2 to 6 weeks; stubborn ones can take 3 to 6 months. Small steps count.")
    String history_outlook();

    @Message("My questionnaires: what is due and done")
    String history_measures_link();

    @Message("Sessions")
    String history_sessions();

    @Message("The sessions you logged, with your pain before and after")
    String history_sessions_caption();

    @Message("No sessions yet.")
    String history_no_sessions();

    @Message("Date")
    String history_col_date();

    @Message("Pain before")
    String history_col_pain_before();

    @Message("Pain after")
    String history_col_pain_after();

    @Message("Notes")
    String history_col_notes();

    @Message("not given")
    String history_not_given();

    @Message("or")
    String history_or();

    @Message("see your questionnaire scores")
    String history_scores_link();

    // The offline app (js/offline.js; "__" is where the script puts a time or a number)

    @Message("Offline copy from {when}. You are offline, so this page may not show the latest changes.")
    String offline_copy(String when);

    @Message("1 session is waiting to be sent. It is kept on this phone and will be sent when you are back online.")
    String offline_waiting_one();

    @Message("{count} sessions are waiting to be sent. They are kept on this phone and will be sent when you are back"
            + " online.")
    String offline_waiting_many(String count);

    @Message("You are offline. Your session is saved on this phone and will be sent as soon as you are back online.")
    String offline_queued();

    @Message("You ticked a warning sign: do not wait for the connection. Follow the advice on this page now.")
    String offline_queued_flag();

    @Message("Your session could not be kept on this phone. Keep this page open and save it again when you are back"
            + " online.")
    String offline_not_kept();

    @Message("Your session logged offline has been sent to the clinic.")
    String offline_sent_one();

    @Message("{count} sessions logged offline have been sent to the clinic.")
    String offline_sent_many(String count);

    @Message("The clinic could not save a session you logged offline. Please log it again.")
    String offline_refused();

    @Message("You are offline. Sign out when you are back online, so that your sessions are sent and this phone is"
            + " cleared first.")
    String offline_sign_out();
}
