package clinic.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the pages around the patient's account, outside the routine: start page, back-care guide, sign-out,
 * unsubscribe, e-mail reminders, who accessed my record, my questionnaires and my discharge summary: bundle
 * {@code account} ({@code {account:key}}). The shell and the partials every page shares are in {@link Msg}; this is
 * a bundle of its own to keep each under 300 messages (see {@link Msg}).
 */
@MessageBundle("account")
public interface Account {

    // ---- HomePage

    @Message("Start")
    String home_title();

    @Message("Welcome, {name}")
    String home_welcome(String name);

    @Message("Physiotherapist")
    String home_physio();

    @Message("Find a patient")
    String home_find();

    @Message("Register a patient")
    String home_register();

    @Message("Safety alerts")
    String home_alerts();

    @Message("Your exercises")
    String home_exercises();

    @Message("Today's routine")
    String home_today();

    @Message("Your progress")
    String home_progress();

    @Message("Clinic admin")
    String home_admin();

    // ---- EducationPage

    @Message("Looking after your back")
    String edu_title();

    @Message(
            "Your exercises work best together with a few everyday habits. None of this replaces advice from your physiotherapist.")
    String edu_intro();

    @Message("Posture")
    String edu_posture();

    @Message("Take your wallet out of your back pocket before you sit: sitting on it tilts the pelvis.")
    String edu_posture_wallet();

    @Message("Support the small of your back when you sit, with the chair's lumbar support or a rolled towel.")
    String edu_posture_support();

    @Message("Standing, line up ear, shoulder and hip, one above the other. Long spells of slouching load the back.")
    String edu_posture_standing();

    @Message("Movement breaks")
    String edu_breaks();

    @Message("If you sit a lot, get up and move for about")
    String edu_breaks_1();

    @Message("5 minutes every 30 to 60 minutes")
    String edu_breaks_2();

    @Message(
            ". A timer helps. Short, frequent walks (5 to 10 minutes every hour or two, on the flat) are usually easier than one long walk.")
    String edu_breaks_3();

    @Message("Heat and ice")
    String edu_heat();

    @Message("Heat for")
    String edu_heat_1();

    @Message("15 to 20 minutes")
    String edu_heat_2();

    @Message("can relax tight muscles around the nerve.")
    String edu_heat_3();

    @Message("Ice")
    String edu_ice_1();

    @Message("wrapped in a cloth, for about 15 minutes")
    String edu_ice_2();

    @Message(", can calm a sharp, inflamed flare. Never put ice straight on the skin.")
    String edu_ice_3();

    @Message("Try which helps you more; some people alternate the two.")
    String edu_heat_try();

    @Message("Desk, chair and car")
    String edu_desk();

    @Message(
            "Raise your screen to eye level, use a chair that supports your lower back, and adjust your car seat so you sit upright with knees level with your hips. Small changes add up over a day.")
    String edu_desk_text();

    @Message("Weight and stress")
    String edu_weight();

    @Message(
            "Extra body weight is a constant extra load on the spine and discs. Ongoing stress tightens muscles, including those around the sciatic nerve; breathing exercises, relaxation or whatever calms you is part of the treatment.")
    String edu_weight_text();

    @Message("Yoga and stretching classes")
    String edu_yoga();

    @Message(
            "Gentle yoga can help, but while the pain is acute do not push into deep poses: no deep forward bends, deep twists or pulling yourself further into a stretch. Stay in the easy part of each pose, skip anything that sends pain down the leg, and tell the teacher about your sciatica.")
    String edu_yoga_text();

    @Message("Lifting and weight training during a flare")
    String edu_lifting();

    @Message(
            "Cut the weight right down while the leg pain is active; a flare is not the time to keep up your usual loads.")
    String edu_lifting_1();

    @Message(
            "Leave out lifts where you bend forward over the weight, such as bent-over rows and deadlifts, until the flare has settled.")
    String edu_lifting_2();

    @Message("Stop any movement that brings on nerve pain: shooting, burning or tingling pain down the leg.")
    String edu_lifting_3();

    @Message(
            "Build the foundation first: the exercises of phases 1 and 2 of your program, before going back to heavier lifting.")
    String edu_lifting_4();

    @Message("When you go back to the gym, step the loads up slowly, ideally with a physio who knows weight training.")
    String edu_lifting_5();

    @Message(
            "If you must lift something at home or at work: keep it light and close to your body, bend at the hips and knees with a straight back, and do not twist while holding it.")
    String edu_lifting_6();

    @Message("When to get help at once")
    String edu_help();

    @Message("Stop exercising and get medical help if you notice any of these.")
    String edu_help_text();

    @Message("How long does it take?")
    String edu_time();

    @Message("It varies a lot. Mild cases often improve clearly within")
    String edu_time_1();

    @Message("2 to 6 weeks")
    String edu_time_2();

    @Message("of regular exercise; stubborn cases can take")
    String edu_time_3();

    @Message("3 to 6 months")
    String edu_time_4();

    @Message(
            ". Nerves heal slowly, so count small wins, such as sitting 10 minutes longer or pain no longer reaching past the knee. If nothing has improved after 6 to 8 weeks of a well-structured program, your physio will review it and may refer you to a doctor or specialist.")
    String edu_time_5();

    // ---- SignOutPages

    @Message("Signing out ends your session in the portal and at the clinic's login, on this device.")
    String so_text();

    @Message("Sign out now")
    String so_now();

    @Message("Stay signed in")
    String so_stay();

    @Message(
            "Your session has ended: you signed out, or it was inactive for 30 minutes, or it reached its daily limit.")
    String so_expired_text();

    // ---- UnsubscribePage

    @Message("Stop these e-mails")
    String un_title();

    @Message("Stop these e-mails?")
    String un_question();

    @Message("This link stops")
    String un_what_1();

    @Message("from the clinic. Other e-mails are not affected.")
    String un_what_2();

    @Message("Want to change which e-mails you get instead?")
    String un_change();

    @Message("Sign in and open your e-mail settings")
    String un_open_settings();

    @Message("This link does not work")
    String un_invalid();

    @Message(
            "The unsubscribe link is incomplete or was changed, so nothing has been changed. Copy the whole link from the e-mail into your browser, or sign in and change your e-mails in your settings.")
    String un_invalid_text();

    @Message("Sign in to change your e-mails")
    String un_sign_in_change();

    @Message("E-mails stopped")
    String un_stopped_title();

    @Message("You will not get these e-mails any more")
    String un_stopped_heading();

    @Message("We have stopped {what}. Other e-mails from the clinic are not affected.")
    String un_stopped(String what);

    @Message("To turn them back on or change other e-mails,")
    String un_turn_back();

    @Message("sign in and open your e-mail settings")
    String un_open_settings_lower();

    @Message("Please try again")
    String un_retry_title();

    @Message("Please try again in a minute")
    String un_retry_heading();

    @Message(
            "The clinic's system is busy or down right now, so nothing has been changed yet. Try the link again in a minute.")
    String un_retry_text();

    // ---- PreferencePages

    @Message("E-mail reminders")
    String pref_title();

    @Message("Saved. Your reminders follow these choices from now on.")
    String pref_saved();

    @Message("Your reminder choices cannot be shown right now, and nothing has changed. Try again in a minute.")
    String pref_unavailable();

    @Message("Where they go")
    String pref_where();

    @Message("No e-mail address")
    String pref_no_email();

    @Message("Verified")
    String pref_verified();

    @Message("Not checked")
    String pref_not_checked();

    @Message("Not verified")
    String pref_not_verified();

    @Message("Send me e-mails")
    String pref_send();

    @Message("Untick to get no e-mails from the clinic at all, whatever is chosen below.")
    String pref_send_help();

    @Message("What you get")
    String pref_what();

    @Message("Daily exercise reminder")
    String pref_reminder();

    @Message("One e-mail at your reminder time, only on days you have not logged a session yet.")
    String pref_reminder_help();

    @Message("Check-in after a few days")
    String pref_nudge();

    @Message("One e-mail when no session has been logged for 3 days, to help you get going again.")
    String pref_nudge_help();

    @Message("Questionnaire due")
    String pref_measure();

    @Message("When a short questionnaire about how you are doing is ready to fill in.")
    String pref_measure_help();

    @Message("Changes to your program")
    String pref_program();

    @Message("When your physiotherapist changes, pauses or restarts your exercise program.")
    String pref_program_help();

    @Message("When")
    String pref_when();

    @Message("Reminder time")
    String pref_time();

    @Message("The daily reminder comes at this time or soon after.")
    String pref_time_help();

    @Message("Time zone")
    String pref_zone();

    @Message("Quiet hours: no e-mails between these times (for example 21:00 to 07:30). Leave both empty for none.")
    String pref_quiet_help();

    @Message("Quiet from")
    String pref_quiet_from();

    @Message("Quiet until")
    String pref_quiet_until();

    @Message("Language of this portal and of your e-mails")
    String pref_language();

    @Message("Every optional e-mail also has a “Stop these e-mails” link at the bottom.")
    String pref_stop_link();

    @Message("Save")
    String save();

    // ---- MyAccessPage

    @Message("Who accessed my record")
    String access_title();

    @Message(
            "Each time clinic staff look at or change your record or your exercise program, it is recorded. Here is that record, newest first. If something looks wrong, ask the clinic.")
    String access_intro();

    @Message("This list may be incomplete until the service is back.")
    String access_partial();

    @Message("Accesses to your record")
    String access_region();

    @Message("No one from the clinic has looked at your record yet.")
    String access_none();

    @Message("Accesses to your record, newest first")
    String access_caption();

    @Message("When")
    String access_when();

    @Message("Who")
    String access_who();

    @Message("What")
    String access_what();

    @Message("Reason given")
    String access_reason();

    @Message("tried, and was not allowed:")
    String access_refused();

    // ---- MyMeasurePages, MySummaryPage

    @Message("Thank you")
    String my_thanks();

    @Message("Your answers to")
    String my_saved_1();

    @Message("are saved.")
    String my_saved_2();

    @Message("Your score")
    String my_score();

    @Message("out of")
    String my_out_of();

    @Message("Result")
    String my_result();

    @Message("Since the start")
    String my_since_start();

    @Message("Your physiotherapist sees your answers and talks them through with you.")
    String my_physio_sees();

    @Message("Back to my questionnaires")
    String my_back_to_list();

    @Message("Questionnaire")
    String my_questionnaire();

    @Message("My questionnaires")
    String my_questionnaires();

    @Message("please fill in by")
    String my_fill_by();

    @Message("Every question needs an answer. If you would rather not answer one, choose “Prefer not to answer”.")
    String my_every_question();

    @Message("Send my answers")
    String my_send();

    @Message("This questionnaire is not due right now.")
    String my_not_due();

    @Message("See what is due")
    String my_see_due();

    @Message(
            "Short questionnaires at the start, during and at the end of your program show how you are getting on. Your physiotherapist reads them with you.")
    String my_list_intro();

    @Message("Your program was discharged")
    String my_discharged();

    @Message("Read your summary")
    String my_read_summary();

    @Message("To do")
    String my_to_do();

    @Message("Nothing to fill in right now.")
    String my_nothing_due();

    @Message("by")
    String my_by();

    @Message("Fill in {name}")
    String my_fill_in(String name);

    @Message("The whole schedule")
    String my_schedule();

    @Message("from")
    String my_from();

    @Message("You have no current exercise program, so there are no questionnaires to fill in.")
    String my_no_program();

    @Message("Done")
    String my_done();

    @Message("No questionnaires done yet.")
    String my_none_done();

    @Message("score")
    String my_score_lower();

    @Message("My discharge summary")
    String summary_title();

    @Message("Your program has not ended yet, so there is no summary.")
    String summary_not_yet();

    // ---- PreferenceForm and PreferencePages, worded in Java

    @Message("Choose a time, for example {example}.")
    String pref_err_choose_time(Object example);

    @Message("Write the time as hours and minutes, for example {example}.")
    String pref_err_time_format(Object example);

    @Message("Give both the start and the end of the quiet hours, or leave both empty.")
    String pref_err_both();

    @Message("One answer needs changing before your reminders can be saved.")
    String pref_err_one();

    @Message("{n} answers need changing before your reminders can be saved.")
    String pref_err_many(Object n);

    // ---- UnsubscribePage: what a link stops, fitting "This link stops ... from the clinic"

    @Message("daily exercise reminders")
    String un_kind_reminder();

    @Message("check-in e-mails after a few days without a session")
    String un_kind_nudge();

    @Message("e-mails when a questionnaire is due")
    String un_kind_measure();

    @Message("e-mails about changes to your exercise program")
    String un_kind_program();

    @Message("the daily digest of open alerts")
    String un_kind_digest();

    @Message("the weekly clinic summary")
    String un_kind_weekly();

    @Message("these e-mails")
    String un_kind_these();

    // ---- MyAccessPage: who did what, in the patient's words

    @Message("Staff")
    String access_staff();

    @Message("Physiotherapist")
    String access_physio();

    @Message("Clinic admin")
    String access_admin();

    @Message("looked at your record")
    String access_looked();

    @Message("viewed your record")
    String access_a_patient_read();

    @Message("saw you in a list of patients")
    String access_a_patient_listed();

    @Message("registered you as a patient")
    String access_a_patient_created();

    @Message("changed your details")
    String access_a_patient_updated();

    @Message("set up your login")
    String access_a_account_provisioned();

    @Message("reset your login")
    String access_a_account_reset();

    @Message("sent you an invitation to set up your login")
    String access_a_account_invited();

    @Message("viewed your screenings")
    String access_a_screenings_read();

    @Message("recorded a screening")
    String access_a_screening_created();

    @Message("checked whether you are cleared for exercise")
    String access_a_clearance_read();

    @Message("opened your record in an emergency (outside your care team)")
    String access_a_break_glass();

    @Message("changed your care team")
    String access_a_care_team_changed();

    @Message("viewed who opened your record")
    String access_a_access_grants_read();

    @Message("viewed your program")
    String access_a_program_read();

    @Message("viewed your programs")
    String access_a_program_list();

    @Message("gave you an exercise program")
    String access_a_program_assigned();

    @Message("changed your exercise program")
    String access_a_program_revised();

    @Message("moved your program to another phase")
    String access_a_program_phase_changed();

    @Message("paused your program")
    String access_a_program_held();

    @Message("restarted your program")
    String access_a_program_resumed();

    @Message("saved your program's exercises and dosages as a plan template")
    String access_a_template_created();

    @Message("viewed your session logs")
    String access_a_sessions_read();

    @Message("viewed your progress")
    String access_a_progress_read();

    @Message("viewed alerts about you")
    String access_a_alerts_read();

    @Message("saw alerts about you in a list")
    String access_a_alerts_listed();

    @Message("dealt with an alert about you")
    String access_a_alert_acknowledged();

    @Message("changed your e-mail reminders")
    String access_a_notification_prefs_changed();

    @Message("stopped one kind of e-mail (the link in an e-mail)")
    String access_a_notification_unsubscribed();

    @Message("saw e-mails to you in the clinic's e-mail log")
    String access_a_notifications_listed();

    @Message("checked your program to decide on an e-mail reminder")
    String access_a_notice_status_read();

    @Message("read a change to your program to e-mail you about it")
    String access_a_notices_read();

    // ---- EmailAddress: where the reminders go, and what to do when they cannot

    @Message("Verified: e-mails go to this address.")
    String addr_verified();

    @Message(
            "We cannot check this address right now. Your choices below are still saved; try again later to see whether it is verified.")
    String addr_unknown();

    @Message("The clinic has no e-mail address for you, so no e-mails are sent. Ask the clinic to add one.")
    String addr_no_email();

    @Message(
            "Not verified yet, so no e-mails are sent. Open the e-mail the clinic's sign-in service sent you and follow its link to verify the address, or ask the clinic to send it again.")
    String addr_not_verified();

    @Message(
            "This address is not the one your login uses, so no e-mails are sent until the clinic corrects it and you have verified it. Ask the clinic.")
    String addr_differs();

    @Message("Your login cannot receive e-mails at the moment. Ask the clinic.")
    String addr_no_login();

    @Message("Your record is not active, so no e-mails are sent. Ask the clinic if this is wrong.")
    String addr_inactive();

    @Message("No e-mails can be sent to this address at the moment. Ask the clinic.")
    String addr_default();
}
