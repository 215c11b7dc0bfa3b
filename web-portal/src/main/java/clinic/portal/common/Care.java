package clinic.portal.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the physio's clinical pages (patients, screening, programs, alerts, discharge, the letter page, clinic
 * questionnaires): bundle {@code care}, {@code {care:key}} in templates, {@code lang.bundle(Care.class)} in Java for
 * form errors and notices. English here; Spanish in {@code messages/care_es.properties}. Keys start with their page.
 */
@MessageBundle("care")
public interface Care {

    // Words several of these pages share.

    @Message("Back to the patient")
    String back_to_patient();

    @Message("Back to the program")
    String back_to_program();

    @Message("Back to my patients")
    String back_to_my_patients();

    @Message("Care physio")
    String care_physio();

    @Message("Status")
    String status();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("Why")
    String why();

    @Message("Reason")
    String reason();

    @Message("Valid until")
    String valid_until();

    @Message("Phase")
    String phase();

    @Message("Protocol")
    String protocol();

    @Message("Notes")
    String notes();

    @Message("Some fields need attention.")
    String some_fields_need_attention();

    @Message("Previous")
    String pager_previous();

    @Message("Next")
    String pager_next();

    @Message("Page {n}")
    String pager_page(int n);

    @Message("Pages")
    String pager_label();

    @Message("(required)")
    String required_mark();

    @Message("There is a problem")
    String error_summary_title();

    @Message("patient {id}")
    String patient_number(long id);

    // The patient list and the clinic-wide search.

    @Message("Clinic-wide search")
    String list_clinic_title();

    @Message("My patients")
    String list_my_title();

    @Message("Patients")
    String list_title();

    @Message("Patients in your care team, and those you opened in an emergency.")
    String list_my_hint();

    @Message("Search my patients")
    String list_search_mine();

    @Message("Search patients")
    String list_search_all();

    @Message("Name, e-mail or clinic number")
    String list_query_label();

    @Message("All")
    String list_status_all();

    @Message("Active")
    String list_status_active();

    @Message("Discharged")
    String list_status_discharged();

    @Message("Search")
    String list_search_button();

    @Message("Search the whole clinic")
    String list_clinic_search_label();

    @Message("Search the whole clinic (name or clinic number)")
    String list_clinic_query_label();

    @Message("Shows name, clinic number and care physio only. Records outside your care team need the care physio's"
            + " agreement or emergency access.")
    String list_clinic_query_hint();

    @Message("Search the clinic")
    String list_clinic_search_button();

    @Message("Register a patient")
    String list_register();

    @Message("Clinic-wide results")
    String list_clinic_results();

    @Message("Type a name or clinic number to search the whole clinic.")
    String list_clinic_empty();

    @Message("No patients match.")
    String list_none();

    @Message("Patients in the clinic matching the search")
    String list_clinic_caption();

    @Message("Patients, newest first")
    String list_caption();

    @Message("Name")
    String list_name();

    @Message("Clinic no.")
    String list_clinic_no();

    @Message("Born")
    String list_born();

    // Registration.

    @Message("Register a patient")
    String register_title();

    @Message("Given name")
    String register_given_name();

    @Message("Family name")
    String register_family_name();

    @Message("Date of birth")
    String register_date_of_birth();

    @Message("Sex (optional)")
    String register_sex();

    @Message("Not recorded")
    String register_sex_none();

    @Message("Female")
    String register_sex_female();

    @Message("Male")
    String register_sex_male();

    @Message("Other")
    String register_sex_other();

    @Message("Prefers not to say")
    String register_sex_undisclosed();

    @Message("E-mail (the patient's login is sent here)")
    String register_email();

    @Message("Phone")
    String register_phone();

    @Message("Condition")
    String register_condition();

    @Message("Referred by (optional)")
    String register_referral();

    @Message("Consent given on")
    String register_consent();

    @Message("Care physio (user name)")
    String register_care_physio();

    @Message("Register")
    String register_button();

    @Message("Enter the patient's given name.")
    String register_given_name_required();

    @Message("Enter the patient's family name.")
    String register_family_name_required();

    @Message("Enter the patient's date of birth.")
    String register_date_of_birth_required();

    @Message("Patient registered")
    String registered_title();

    @Message(", clinic number {number}")
    String registered_clinic_number(String number);

    @Message("Portal login")
    String invitation_title();

    @Message("Invitation sent to")
    String invitation_sent_to();

    @Message("The patient chooses their own password from the link in it; nobody at the clinic sees it.")
    String invitation_password();

    @Message("The login service is unavailable just now: the invitation to")
    String invitation_pending_before();

    @Message("is sent automatically as soon as it is back.")
    String invitation_pending_after();

    @Message("Send the invitation again")
    String invite_again();

    @Message("Invite by e-mail")
    String invite();

    @Message("E-mail a link to set a new password")
    String invite_new_password();

    @Message("Screen this patient")
    String registered_screen();

    @Message("Back to patients")
    String back_to_patients();

    @Message("Invitation")
    String invitation_page_title();

    // One patient's record.

    @Message("Patient")
    String detail_title();

    @Message("Patient {id}")
    String detail_heading(long id);

    @Message("Clinic number")
    String detail_clinic_number();

    @Message("E-mail")
    String detail_email();

    @Message("Account")
    String detail_account();

    @Message("(invitation sent to {email})")
    String detail_invited(String email);

    @Message("Emergency access until {until}, recorded in the audit.")
    String detail_emergency_access(String until);

    @Message("Care team saved.")
    String detail_care_team_saved();

    @Message("Care team")
    String detail_care_team();

    @Message("Team members")
    String detail_team_members();

    @Message("No one else")
    String detail_no_one_else();

    @Message("Care physio (user name; change it to transfer the patient)")
    String detail_care_physio_label();

    @Message("Team members (untick to remove)")
    String detail_keep_legend();

    @Message("Add team members (user names, separated by commas)")
    String detail_add_label();

    @Message("Save care team")
    String detail_save_care_team();

    @Message("Enter the user name of the care physio.")
    String detail_care_physio_required();

    @Message("Reload the page: the version of the record is missing.")
    String detail_version_missing();

    @Message("Who opened this record in an emergency")
    String detail_grants_title();

    @Message("No one outside the care team has opened this record.")
    String detail_no_grants();

    @Message("Emergency access to this record")
    String detail_grants_caption();

    @Message("Access until")
    String detail_access_until();

    @Message("Clearance for exercise")
    String detail_clearance_title();

    @Message("Cleared")
    String detail_cleared();

    @Message("Not cleared")
    String detail_not_cleared();

    @Message("(valid until {until})")
    String detail_clearance_until(String until);

    @Message("New screening")
    String detail_new_screening();

    @Message("Screening history")
    String detail_screenings_title();

    @Message("No screening yet. A program needs a clear screening first.")
    String detail_no_screening();

    @Message("Screenings, newest first")
    String detail_screenings_caption();

    @Message("Outcome")
    String detail_outcome();

    @Message("Red flags")
    String detail_red_flags();

    @Message("(overridden: {reason})")
    String detail_overridden(String reason);

    @Message("Programs")
    String detail_programs_title();

    @Message("No program yet.")
    String detail_no_program();

    @Message("Program")
    String detail_program();

    @Message("phase {phase}")
    String detail_program_phase(Object phase);

    @Message("since {since}")
    String detail_hold_since(String since);

    @Message("(started {date})")
    String detail_started(String date);

    // The care-team refusal and break the glass.

    @Message("Not in the care team")
    String ctp_title();

    @Message("You are not in patient {id}'s care team")
    String ctp_heading_patient(long id);

    @Message("You are not in this patient's care team")
    String ctp_heading();

    @Message("Records are open to the patient's care physio and care team only.")
    String ctp_open_to();

    @Message("To join the team, ask the care physio,")
    String ctp_ask_physio();

    @Message("To join the team, ask the patient's care physio or a clinic admin.")
    String ctp_ask_anyone();

    @Message("Emergency access (break the glass)")
    String ctp_break_glass_title();

    @Message("Only when the patient needs care now and the care team cannot be reached. Access lasts a few hours; the"
            + " reason, your name and the time are recorded in the audit and shown to the care team and to the"
            + " patient.")
    String ctp_break_glass_text();

    @Message("{min} to {max} characters.")
    String ctp_reason_hint(int min, int max);

    @Message("Open the record (break the glass)")
    String ctp_break_glass_button();

    @Message("Give a reason of at least {min} characters: it is recorded in the audit.")
    String ctp_reason_too_short(int min);

    @Message("Keep the reason to at most {max} characters.")
    String ctp_reason_too_long(int max);

    // Screening: the form and its outcome.

    @Message("Screening")
    String screening_title();

    @Message("Screening: {name}")
    String screening_heading(String name);

    @Message("Red flags (any one means urgent referral, no exercise program, and an active program is put on hold)")
    String screening_red_flags_legend();

    @Message("Signs of sciatica")
    String screening_sciatica_legend();

    @Message("Signs that point to something else")
    String screening_other_legend();

    @Message("Override reason (only to allow a program despite a \"refer for assessment\" outcome)")
    String screening_override_label();

    @Message("Red flags cannot be overridden.")
    String screening_override_help();

    @Message("Record screening")
    String screening_submit();

    @Message("Screening outcome")
    String result_title();

    @Message("Emergency: urgent referral")
    String result_emergency_heading();

    @Message("{name} reported a red flag.")
    String result_reported_red_flag(String name);

    @Message("Do not start or continue exercises.")
    String result_no_exercises();

    @Message("The patient's exercise program is on hold: they see the red-flag advice instead of exercises.")
    String result_hold_delivered();

    @Message(
            "The patient's exercise program will be put on hold as soon as the program service is reachable (it is retried automatically).")
    String result_hold_pending();

    @Message("Screening outcome: {name}")
    String result_heading(String name);

    @Message("Recorded")
    String result_recorded();

    @Message("Override")
    String result_override();

    // The safety alert inbox.

    @Message("Alerts")
    String alerts_title();

    @Message("Safety alerts")
    String alerts_heading();

    @Message("Show")
    String alerts_show();

    @Message("Open")
    String alerts_open();

    @Message("Acknowledged")
    String alerts_acknowledged();

    @Message("Alerts")
    String alerts_list();

    @Message("No alerts.")
    String alerts_none();

    @Message("Urgent")
    String alerts_urgent();

    @Message("program")
    String alerts_program();

    @Message("acknowledged by {who}")
    String alerts_acknowledged_by(String who);

    @Message("Note")
    String alerts_note();

    @Message("Acknowledge")
    String alerts_acknowledge();
}
