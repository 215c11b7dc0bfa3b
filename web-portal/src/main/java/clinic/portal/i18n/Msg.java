package clinic.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The shell's texts (header, navigation, footer, switcher) and words shared by every page: bundle {@code msg}
 * ({@code {msg:key}} in templates). English here; other languages in {@code messages/msg_<tag>.properties}.
 *
 * <p>Each group of pages has its own bundle so that its texts live next to each other: {@code msg} (the shell and the
 * patient's account pages), {@code me} (the routine, the log and progress), {@code care} (patients, screening,
 * programs, alerts, outcomes), {@code manage} (library, protocols, templates, admin pages).
 */
@MessageBundle
public interface Msg {

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    // Keep every bundle under 300 messages: Quarkus 3.30.6 generates a bundle's resolver in chunks of 300 and the
    // hand-over to the second chunk fails bytecode verification at start-up (VerifyError in Msg_Bundle_resolve_0).

    @Message("Language")
    String language_label();

    @Message("Physio Clinic")
    String brand();

    // ---- shell (base.html)

    @Message("Skip to content")
    String skip_link();

    @Message("Main")
    String nav_main();

    @Message("Patients")
    String nav_patients();

    @Message("Register patient")
    String nav_register();

    @Message("Alerts")
    String nav_alerts();

    @Message("Library")
    String nav_library();

    @Message("Protocols")
    String nav_protocols();

    @Message("Templates")
    String nav_templates();

    @Message("Today")
    String nav_today();

    @Message("Log a session")
    String nav_log();

    @Message("My progress")
    String nav_progress();

    @Message("Questionnaires")
    String nav_questionnaires();

    @Message("Who accessed my record")
    String nav_access();

    @Message("Reminders")
    String nav_reminders();

    @Message("Reports")
    String nav_reports();

    @Message("Audit log")
    String nav_audit();

    @Message("Break-the-glass")
    String nav_break_glass();

    @Message("E-mail log")
    String nav_email_log();

    @Message("E-mail settings")
    String nav_email_settings();

    @Message("Back care guide")
    String nav_education();

    @Message("Signed in as")
    String signed_in_as();

    @Message("Sign out")
    String sign_out();

    @Message("Call emergency services at once for:")
    String footer_emergency();

    @Message("See a doctor the same day for:")
    String footer_same_day();

    // ---- words several pages share

    @Message("Date")
    String col_date();

    @Message("Go to your start page")
    String go_start();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Please sign in")
    String please_sign_in();

    @Message("Print")
    String print();

    // ---- chart.html

    @Message("No sessions logged yet, so there is nothing to chart.")
    String chart_empty();

    @Message("Pain before and after sessions over time, 0 to 10; the same data is in the table below")
    String chart_pain_label();

    @Message(
            "Pain before and after each session (0 = none, 10 = worst imaginable). A drop of 2 points or 30% is a clinically important change.")
    String chart_pain_caption();

    @Message(
            "In short: {sessions} sessions with a pain rating; pain before exercising was {first} at the first and {last} at the latest.")
    String chart_pain_summary(int sessions, String first, String last);

    @Message("Weekly adherence in percent; the same data is in the table below")
    String chart_adherence_label();

    @Message("Share of planned exercises done, per week.")
    String chart_adherence_caption();

    @Message("In short: {weeks} weeks; the latest week {percent}% of the planned exercises were done.")
    String chart_adherence_summary(int weeks, String percent);

    @Message("Show the data as tables")
    String chart_show_tables();

    @Message("Pain before and after each session")
    String chart_pain_table();

    @Message("Adherence per week")
    String chart_adherence_table();

    @Message("Pain before")
    String chart_pain_before();

    @Message("Pain after")
    String chart_pain_after();

    @Message("Week from")
    String chart_week_from();

    @Message("Adherence (%)")
    String chart_adherence_percent();

    @Message("Pain (0-10)")
    String chart_pain_axis();

    // ---- exercisecard.html

    @Message("{name}: start and end position")
    String card_start_end(Object name);

    @Message("Left ☐ Right ☐")
    String card_side_marks();

    @Message("Your physio's instructions")
    String card_physio_instructions();

    @Message("Ask your physio how to do this exercise before you start it.")
    String card_ask_physio();

    @Message("Dosage: {dosage}")
    String card_dosage(Object dosage);

    @Message("How to do it")
    String card_how();

    @Message("What you should feel")
    String card_should_feel();

    @Message("Take care")
    String card_take_care();

    @Message("Common mistakes")
    String card_mistakes();

    @Message("Watch a video of this exercise")
    String card_video();

    @Message("(opens another website in a new tab)")
    String card_video_new_tab();

    @Message("Your physio will review this exercise")
    String card_review();

    // ---- letterbody.html

    @Message("Physiotherapy department")
    String letter_department();

    @Message("Your discharge summary")
    String letter_your_title();

    @Message("Discharge summary")
    String letter_title();

    @Message("To: the referring doctor")
    String letter_to();

    @Message("Patient")
    String letter_patient();

    @Message("Patient {id}")
    String letter_patient_id(Object id);

    @Message("Date of birth")
    String letter_dob();

    @Message("Clinic number")
    String letter_clinic_number();

    @Message(
            "Your exercise program has ended. This is a copy of what your physiotherapist wrote to your doctor, with your scores.")
    String letter_intro_patient();

    @Message("Dear colleague, your patient has been discharged from physiotherapy. The episode is summarised below.")
    String letter_intro_doctor();

    @Message("Your program")
    String letter_your_program();

    @Message("Episode")
    String letter_episode();

    @Message("Program")
    String letter_program();

    @Message("Started")
    String letter_started();

    @Message("Discharged")
    String letter_discharged();

    @Message("by")
    String letter_by();

    @Message("Reason")
    String letter_reason();

    @Message("Physiotherapist")
    String letter_physio();

    @Message("Phases")
    String letter_phases();

    @Message("Phase {n}")
    String letter_phase(Object n);

    @Message("discharge")
    String letter_until_discharge();

    @Message("Exercises done and pain")
    String letter_done_and_pain();

    @Message("Adherence and pain")
    String letter_adherence_and_pain();

    @Message("You logged {percent}% of the prescribed days")
    String letter_adherence_patient(String percent);

    @Message("Sessions logged on {percent}% of the prescribed days")
    String letter_adherence_staff(String percent);

    @Message("({logged} of {prescribed})")
    String letter_adherence_count(Object logged, Object prescribed);

    @Message("Adherence not recorded.")
    String letter_no_adherence();

    @Message("Pain (0–10, mean of the first and last 7 days' logs): {first} at the start, {last} at the end")
    String letter_pain(String first, String last);

    @Message("(change {change})")
    String letter_pain_change(String change);

    @Message("No pain ratings logged.")
    String letter_no_pain();

    @Message("Your questionnaires")
    String letter_your_questionnaires();

    @Message("Patient-reported outcome measures")
    String letter_proms();

    @Message("Questionnaire")
    String letter_questionnaire();

    @Message("First")
    String letter_first();

    @Message("Last")
    String letter_last();

    @Message("Change")
    String letter_change();

    @Message("Minimal important change")
    String mic_staff();

    @Message("No questionnaires completed.")
    String letter_no_questionnaires();

    @Message("Warnings and pauses")
    String letter_warnings();

    @Message("Alerts and holds")
    String letter_alerts();

    @Message("on")
    String letter_on();

    @Message("Program paused")
    String letter_paused();

    @Message("None.")
    String letter_no_alerts();

    @Message("Exercises to keep doing")
    String letter_keep_doing();

    @Message("Exercises at discharge")
    String letter_exercises_at_discharge();

    @Message("None.")
    String letter_no_exercises();

    @Message("Your physiotherapist's summary")
    String letter_your_physio_summary();

    @Message("Summary")
    String letter_summary();

    @Message("No summary written.")
    String letter_no_summary();

    @Message(
            "If your symptoms come back or get worse, contact the clinic or your doctor. For the warning signs that need help at once, see the bottom of this page.")
    String letter_footer_patient();

    @Message("{name}, physiotherapist")
    String letter_signature(Object name);

    // ---- measurepanel.html

    @Message("Outcome measures")
    String mp_title_staff();

    @Message("My questionnaire scores")
    String mp_title_patient();

    @Message("Back pain risk screen (STarT Back)")
    String mp_startback();

    @Message("Back pain screen")
    String mp_back_screen();

    @Message("No questionnaire completed yet.")
    String mp_none();

    @Message("Baseline")
    String mp_baseline();

    @Message("Latest")
    String mp_latest();

    @Message("A change that matters")
    String mp_change_matters();

    @Message("Yes, reached")
    String mp_reached();

    @Message("Not yet")
    String mp_not_yet();

    @Message("{name} scores over the program; the same data is in the table below")
    String mp_chart_label(Object name);

    @Message("Scores as a table")
    String mp_scores_table();

    @Message("When")
    String mp_when();

    @Message("Score")
    String mp_score();

    @Message("Due and upcoming")
    String mp_due_title();

    @Message("Nothing scheduled.")
    String mp_nothing();

    @Message("due")
    String mp_due();

    @Message("Enter in clinic")
    String mp_enter();

    // ---- painrules.html, redflags.html, paused.html

    @Message("Pain rules")
    String rules_title();

    @Message("if you have any of these")
    String flags_if_any();

    @Message("Your program is paused")
    String paused_title();

    @Message("You told us about:")
    String paused_told_us();

    @Message("Your physiotherapist has been told. Please do not do your exercises until they have talked to you.")
    String paused_text();

    // ---- questionnaire.html

    @Message("Question {n}: {error}")
    String q_question_error(Object n, Object error);

    @Message("Entered in clinic")
    String q_entered_in_clinic();

    @Message("Time point")
    String q_timepoint();

    @Message("The one due now")
    String q_due_now();

    @Message("Completed on (leave empty for today)")
    String q_completed_on();

    @Message("(optional)")
    String q_optional();

    @Message("Your answer")
    String q_your_answer();

    @Message("Prefer not to answer")
    String q_prefer_not();

    @Message("Source:")
    String q_source();

    // ---- ErrorPages

    @Message("Sorry, this did not work (status {status}). Nothing you entered was shown to anyone else.")
    String err_sorry(int status);

    @Message("If you contact the clinic, quote this reference:")
    String err_reference();

    @Message("Not allowed")
    String err_not_allowed();

    @Message("Your account may not open this page. If you think it should, ask the clinic.")
    String err_not_allowed_text();

    @Message("Not found")
    String err_not_found();

    @Message("This page or record does not exist, or it is not yours to see. The link may be mistyped or out of date.")
    String err_not_found_text();

    @Message("Your session has ended, for example after 30 minutes without activity.")
    String err_session_ended();

    @Message("This form was not accepted")
    String err_form_refused();

    @Message("This request could not be understood")
    String err_bad_request();

    @Message("Something went wrong")
    String err_generic();

    @Message("Something went wrong on our side")
    String err_ours();

    // ---- Notice (service failures, worded in Java)

    @Message("Some fields need attention.")
    String notice_fields();

    @Message("Your session has ended. Please sign in again.")
    String notice_signed_out();

    @Message("Your role may not do this.")
    String notice_role();

    @Message("Not found: it does not exist or is not yours to see.")
    String notice_not_found();

    @Message("This was changed by someone else or already exists. Reload the page and try again.")
    String notice_conflict();

    @Message("A clinical rule does not allow this.")
    String notice_rule();

    @Message("The {service} is busy or down.")
    String notice_busy(Object service);

    @Message("Try again in {seconds} seconds.")
    String notice_retry(Object seconds);

    @Message("The {service} could not do this right now (status {status}).")
    String notice_failed(Object service, Object status);

    @Message("The {service} is not reachable right now. The rest of this page still works; try again in a minute.")
    String notice_unreachable(Object service);

    @Message("patient service")
    String service_patients();

    @Message("program service")
    String service_programs();

    // ---- MeasureWords (measure: namespace): questionnaire words on patient and staff pages

    @Message("Goals met")
    String mw_goals_met();

    @Message("Self-managing: continues the exercises on their own")
    String mw_self_managing();

    @Message("Referred on to another service")
    String mw_referred_on();

    @Message("Patient's choice to stop")
    String mw_patient_choice();

    @Message("Did not engage with the program")
    String mw_did_not_engage();

    @Message("Other (say why in the summary)")
    String mw_other();

    @Message("Due now")
    String mw_due();

    @Message("Overdue")
    String mw_overdue();

    @Message("Not yet open")
    String mw_upcoming();

    @Message("Done")
    String mw_done();

    @Message("Missed")
    String mw_missed();

    @Message("At discharge")
    String mw_at_discharge();

    @Message("Start of the program")
    String mw_baseline();

    @Message("End of the program")
    String mw_discharge();

    @Message("Week {n}")
    String mw_week(Object n);

    @Message("no earlier score to compare with")
    String mw_no_earlier();

    @Message("no change")
    String mw_no_change();

    @Message("point")
    String mw_point();

    @Message("points")
    String mw_points();

    @Message("{size} {unit} better ({signed})")
    String mw_better(Object size, Object unit, Object signed);

    @Message("{size} {unit} worse ({signed})")
    String mw_worse(Object size, Object unit, Object signed);

    @Message("Yes")
    String mw_yes();

    @Message("Not yet")
    String mw_not_yet();

    @Message("That is a change that matters: big enough for you to notice in daily life.")
    String mw_matters();

    @Message("Not yet the size of change most people notice in daily life.")
    String mw_not_matters();

    @Message("higher is better")
    String mw_higher_better();

    @Message("lower is better")
    String mw_lower_better();

    @Message("reached")
    String mw_reached();

    @Message("not reached")
    String mw_not_reached();

    @Message("(at least {size})")
    String mw_at_least(Object size);

    @Message("Low risk")
    String mw_low();

    @Message("Medium risk")
    String mw_medium();

    @Message("High risk")
    String mw_high();

    // ---- PrescriptionExtensions: the dosage line of an exercise

    @Message("set")
    String dose_set();

    @Message("sets")
    String dose_sets();

    @Message("rep")
    String dose_rep();

    @Message("reps")
    String dose_reps();

    @Message("hold {seconds} s")
    String dose_hold(Object seconds);

    @Message("1 time a day")
    String dose_once_a_day();

    @Message("{n} times a day")
    String dose_times_a_day(Object n);

    @Message("each side")
    String dose_each_side();

    // ---- MailWords (mail: namespace): the outbox's codes on the e-mail pages

    @Message("Waiting to be sent")
    String mail_status_pending();

    @Message("Being sent")
    String mail_status_sending();

    @Message("Sent")
    String mail_status_sent();

    @Message("Failed")
    String mail_status_failed();

    @Message("Uncertain")
    String mail_status_uncertain();

    @Message("Skipped")
    String mail_status_skipped();

    @Message("Cancelled")
    String mail_status_cancelled();

    @Message("Exercise reminder")
    String mail_kind_exercise_reminder();

    @Message("Check-in after days without a session")
    String mail_kind_inactivity_nudge();

    @Message("Questionnaire due")
    String mail_kind_measure_due();

    @Message("Program changed")
    String mail_kind_program_changed();

    @Message("Program paused or resumed")
    String mail_kind_program_paused();

    @Message("Urgent alert")
    String mail_kind_urgent_alert();

    @Message("Daily alert digest")
    String mail_kind_alert_digest();

    @Message("Weekly summary")
    String mail_kind_weekly_summary();

    @Message("Today's session was already logged")
    String mail_reason_logged_today();

    @Message("No current program")
    String mail_reason_no_program();

    @Message("Program on hold")
    String mail_reason_on_hold();

    @Message("Switched off by the recipient")
    String mail_reason_opted_out();

    @Message("A check-in e-mail went instead")
    String mail_reason_nudge_sent();

    @Message("Discharged")
    String mail_reason_discharged();

    @Message("No e-mail address")
    String mail_reason_no_email();

    @Message("No login")
    String mail_reason_no_login();

    @Message("Address not verified")
    String mail_reason_email_not_verified();

    @Message("Address differs from the login's")
    String mail_reason_email_differs_from_login();

    @Message("Patient not active")
    String mail_reason_patient_inactive();

    @Message("Login disabled")
    String mail_reason_login_disabled();
}
