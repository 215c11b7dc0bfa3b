package clinic.portal.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the pages that manage the clinic's content and the clinic itself: the exercise library and its
 * pictures, protocols, plan templates, reports, the audit pages and the e-mail pages. Bundle {@code manage}
 * ({@code {manage:key}} in templates, {@code lang.bundle(Manage.class)} for texts worded in Java); English here,
 * Spanish in {@code messages/manage_es.properties}. Keys start with their page: {@code library_}, {@code exercise_},
 * {@code exform_}, {@code picture_}, {@code protocols_}, {@code protocol_}, {@code protoform_}, {@code templates_},
 * {@code reports_}, {@code audit_}, {@code grants_}, {@code maillog_}, {@code mailsettings_}; {@code common_} for
 * words several of these pages share.
 */
@MessageBundle("manage")
public interface Manage {

    // Words these pages share.

    @Message("Some fields need attention.")
    String common_fields_need_attention();

    @Message("Cancel")
    String common_cancel();

    @Message("Copy")
    String common_copy();

    @Message("Filter")
    String common_filter();

    @Message("Show")
    String common_show();

    @Message("Any")
    String common_any();

    @Message("Name")
    String common_name();

    @Message("Category")
    String common_category();

    @Message("Phase")
    String common_phase();

    @Message("Phases")
    String common_phases();

    @Message("Phase {n}")
    String common_phase_n(int n);

    @Message("Sets")
    String common_sets();

    @Message("Reps")
    String common_reps();

    @Message("Minutes")
    String common_minutes();

    @Message("Times a day")
    String common_times_a_day();

    @Message("Each side")
    String common_each_side();

    @Message("Revision")
    String common_revision();

    @Message("From")
    String common_from();

    @Message("To")
    String common_to();

    @Message("Newer")
    String common_newer();

    @Message("Older")
    String common_older();

    @Message("Pages")
    String common_pages();

    @Message("Watch a video of this exercise")
    String common_watch_video();

    @Message("built-in")
    String common_badge_built_in();

    @Message("clinic")
    String common_badge_clinic();

    @Message("retired")
    String common_badge_retired();

    // The library list.

    @Message("Exercise library")
    String library_title();

    @Message("New exercise")
    String library_new();

    @Message("Show retired exercises")
    String library_show_retired();

    @Message("No exercises match.")
    String library_none();

    @Message("Exercise")
    String library_col_exercise();

    @Message("Kind")
    String library_col_kind();

    // One exercise.

    @Message("Exercise")
    String exercise_title();

    @Message("The exercise is in the library.")
    String exercise_saved_created();

    @Message("Saved as revision {revision}. Running programs keep the revision they were given until you update them.")
    String exercise_saved_edited(Integer revision);

    @Message("Copied into a clinic exercise. You can edit it now.")
    String exercise_saved_copied();

    @Message("Retired: no longer offered for new programs. Programs that have it keep it.")
    String exercise_saved_retired();

    @Message("Offered again for new programs.")
    String exercise_saved_unretired();

    @Message("Revision {revision}")
    String exercise_revision(Integer revision);

    @Message("{name} (start and end position)")
    String exercise_illustration_alt(String name);

    @Message("Change or remove the picture")
    String exercise_picture_change();

    @Message("Add the clinic's own picture")
    String exercise_picture_add();

    @Message("Slug")
    String exercise_slug();

    @Message("Dosage")
    String exercise_dosage();

    @Message("{n} sets")
    String exercise_dosage_sets(Integer n);

    @Message("{n} reps")
    String exercise_dosage_reps(Integer n);

    @Message("hold {n} s")
    String exercise_dosage_hold(Integer n);

    @Message("{n} min")
    String exercise_dosage_minutes(Integer n);

    @Message("{n} times a day")
    String exercise_dosage_times(Integer n);

    @Message("each side")
    String exercise_dosage_each_side();

    @Message("Instructions")
    String exercise_instructions();

    @Message("What you should feel")
    String exercise_should_feel();

    @Message("Precautions")
    String exercise_precautions();

    @Message("Common mistakes")
    String exercise_common_mistakes();

    @Message("Progression")
    String exercise_progression();

    @Message("Caution")
    String exercise_caution();

    @Message("Avoid in phase")
    String exercise_caution_avoid();

    @Message("Safer:")
    String exercise_caution_safer();

    @Message("Video")
    String exercise_video();

    @Message("Copy into a clinic exercise")
    String exercise_copy_title();

    @Message("Built-in exercises are read-only. Copy this one to change it for your clinic; the copy keeps its"
            + " illustration.")
    String exercise_copy_help();

    @Message("Slug of the copy")
    String exercise_copy_slug();

    @Message("Name of the copy")
    String exercise_copy_name();

    @Message("Change")
    String exercise_change_title();

    @Message("Edit (saves a new revision)")
    String exercise_edit();

    @Message("Offer it again")
    String exercise_unretire();

    @Message("Retiring stops new programs from using it; programs that have it keep it.")
    String exercise_retire_help();

    @Message("Retire")
    String exercise_retire();

    @Message("Revisions")
    String exercise_revisions();

    @Message("By")
    String exercise_col_by();

    @Message("When")
    String exercise_col_when();

    @Message("(current)")
    String exercise_current();

    @Message("Give the copy a slug and a name.")
    String exercise_copy_needs_slug_and_name();

    @Message("Back to the library")
    String exercise_back();

    @Message("Built-in exercises are read-only: copy it into a clinic exercise and change the copy.")
    String exercise_built_in_read_only();

    // The new and edit forms of an exercise.

    @Message("Edit {name}")
    String exform_edit_title(String name);

    @Message("Edit exercise")
    String exform_edit_untitled();

    @Message("New exercise")
    String exform_new_title();

    @Message("New clinic exercise")
    String exform_new_heading();

    @Message("Saving makes a new revision. Programs that have this exercise keep the revision they were given; you can"
            + " update each program from its page.")
    String exform_edit_help();

    @Message("Slug (lower-case words joined by \"-\")")
    String exform_slug();

    @Message("Category (e.g. mobility, strength)")
    String exform_category();

    @Message("What the patient should feel")
    String exform_should_feel();

    @Message("Default dosage")
    String exform_dosage();

    @Message("Hold (seconds)")
    String exform_hold();

    @Message("Caution (optional)")
    String exform_caution();

    @Message("Avoid in phases")
    String exform_caution_phases();

    @Message("Why")
    String exform_caution_reason();

    @Message("Safer alternatives (slugs, separated by commas)")
    String exform_caution_alternatives();

    @Message("Video link (https, optional; shown as a link)")
    String exform_video();

    @Message("Save as a new revision")
    String exform_save_edit();

    @Message("Add to the library")
    String exform_save_new();

    // An exercise's picture.

    @Message("Picture")
    String picture_title();

    @Message("Picture: {name}")
    String picture_title_of(String name);

    @Message("Back to the exercise")
    String picture_back();

    @Message("Current picture")
    String picture_current();

    @Message("No picture uploaded: patients see the project's line drawing.")
    String picture_line_drawing();

    @Message("{name}: start and end position")
    String picture_illustration_alt(String name);

    @Message("No picture yet.")
    String picture_none();

    @Message("This is a built-in exercise: its texts cannot be changed (copy it into a clinic exercise for that), but"
            + " the clinic's own picture may replace the project's line drawing.")
    String picture_built_in();

    @Message("Replace the picture")
    String picture_replace();

    @Message("Add a picture")
    String picture_add();

    @Message("A PNG, JPEG or WebP picture of at most 5 MB. It is made at most 1600 pixels wide or high, and everything"
            + " stored in the file apart from the picture (camera, date, location) is removed. Each change makes a new"
            + " revision of the exercise: programs already given it keep the picture they have.")
    String picture_help();

    @Message("Picture file")
    String picture_file();

    @Message("Upload")
    String picture_upload();

    @Message("Remove the picture")
    String picture_remove();

    @Message("The picture is larger than 5 MB. Save it smaller (for example as a JPEG, or with fewer pixels) and upload"
            + " it again.")
    String picture_too_large();

    @Message("Choose a picture file first.")
    String picture_choose_file();

    @Message("The picture is saved. Patients see it on programs given this revision from now on.")
    String picture_added();

    @Message("The picture is removed. Programs given an earlier revision keep theirs.")
    String picture_removed();

    // Protocols: the list.

    @Message("Protocols")
    String protocols_title();

    @Message("Phased exercise protocols: the phases, when to move on, and each phase's exercises with their dosage. A"
            + " program keeps the protocol version it was assigned; editing a protocol makes its next version.")
    String protocols_intro();

    @Message("New protocol")
    String protocols_new();

    @Message("Protocol")
    String protocols_col_protocol();

    @Message("Code")
    String protocols_col_code();

    @Message("Version")
    String protocols_col_version();

    @Message("Red-flag screening")
    String protocols_col_screening();

    @Message("Status")
    String protocols_col_status();

    @Message("Required")
    String protocols_screening_required();

    @Message("Not required")
    String protocols_screening_not_required();

    @Message("Retired")
    String protocols_status_retired();

    @Message("Built in (read-only)")
    String protocols_status_built_in();

    @Message("In use")
    String protocols_status_in_use();

    // One protocol.

    @Message("Protocol")
    String protocol_title();

    @Message("Code {code} · version {version}")
    String protocol_meta_code(String code, Integer version);

    @Message("{n} phase{#if n != 1}s{/if}")
    String protocol_meta_phases(int n);

    @Message("a red-flag screening must clear the patient first")
    String protocol_meta_screening();

    @Message("no red-flag screening required (a red flag or a discharged patient still stops it)")
    String protocol_meta_no_screening();

    @Message("built in, read-only")
    String protocol_meta_built_in();

    @Message("retired: not offered for new programs")
    String protocol_meta_retired();

    @Message("Edit (saving makes the next version)")
    String protocol_edit();

    @Message("Copy as (new code: lower-case words joined by '-')")
    String protocol_copy_code();

    @Message("Name of the copy (optional)")
    String protocol_copy_name();

    @Message("Retire (running programs go on)")
    String protocol_retire();

    @Message("Phase {n}: {name}")
    String protocol_phase_title(Integer n, String name);

    @Message("Goal:")
    String protocol_goal();

    @Message("Who it is for:")
    String protocol_who_for();

    @Message("The system suggests moving here when:")
    String protocol_entry_intro();

    @Message("mean pain of the last 7 days at most {pain}/10")
    String protocol_entry_pain(Double pain);

    @Message("adherence in the phase before at least {percent} %")
    String protocol_entry_adherence(Integer percent);

    @Message("no nerve-pain flag in the last 7 days")
    String protocol_entry_no_nerve_flags();

    @Message("No default exercises: choose them when assigning.")
    String protocol_no_exercises();

    @Message("All protocols")
    String protocol_all();

    // The new and edit forms of a protocol.

    @Message("Edit protocol {code}")
    String protoform_edit_title(String code);

    @Message("Saving makes the protocol's next version. Programs already assigned keep the version they were given.")
    String protoform_edit_help();

    @Message("Code")
    String protoform_code();

    @Message("(lower-case words joined by '-', e.g. knee-oa; never changes)")
    String protoform_code_help();

    @Message("Description")
    String protoform_description();

    @Message("A red-flag screening must clear the patient before a program starts")
    String protoform_requires_screening();

    @Message("Goal")
    String protoform_goal();

    @Message("Who it is for (entry criteria in words)")
    String protoform_entry_criteria();

    @Message("The system suggests moving to this phase when all the figures below are met (leave blank what does not"
            + " apply; without any figure it never suggests it).")
    String protoform_entry_help();

    @Message("Mean pain of the last 7 days at most (0-10)")
    String protoform_entry_pain();

    @Message("Adherence in the phase before at least (%)")
    String protoform_entry_adherence();

    @Message("No nerve-pain flag in the last 7 days")
    String protoform_entry_no_nerve_flags();

    @Message("Exercises of phase {n}, in order (blank rows are ignored; an empty dosage field takes the library's"
            + " default)")
    String protoform_rows_caption(int n);

    @Message("Hold (s)")
    String protoform_hold();

    @Message("Hold in seconds")
    String protoform_hold_label();

    @Message("Exercise {row} of phase {phase}")
    String protoform_row_exercise(int row, int phase);

    @Message("(none)")
    String protoform_none();

    @Message("(caution)")
    String protoform_caution();

    @Message("Save the next version")
    String protoform_save_edit();

    @Message("Create protocol")
    String protoform_save_new();

    @Message("Add a phase")
    String protoform_add_phase();

    @Message("(reloads the form: save what you typed first)")
    String protoform_add_phase_help();

    @Message("Maximum mean pain")
    String protoform_field_max_pain();

    @Message("Minimum adherence")
    String protoform_field_min_adherence();

    // Plan templates.

    @Message("Plan templates")
    String templates_title();

    @Message("A template is a protocol phase with its exercises and dosages. Save one from a program's page (\"Save as"
            + " template\"); start the next patient's program from it here or on the patient's \"Assign a program\""
            + " page. The assignment then makes its usual checks (clearance, cautions, phase fit).")
    String templates_intro();

    @Message("No templates yet.")
    String templates_none();

    @Message("Protocol")
    String templates_col_protocol();

    @Message("Exercises")
    String templates_col_exercises();

    @Message("Owner")
    String templates_col_owner();

    @Message("Who sees it")
    String templates_col_scope();

    @Message("Actions")
    String templates_col_actions();

    @Message("Clinic-wide")
    String templates_clinic_wide();

    @Message("Only me")
    String templates_only_me();

    @Message("Start a program from this")
    String templates_start();

    @Message("Delete")
    String templates_delete();

    @Message("The template is saved.")
    String templates_saved();

    @Message("The template is deleted.")
    String templates_deleted();

    @Message("Save as template")
    String templates_save_title();

    @Message("Template name")
    String templates_save_name();

    @Message("Everyone in the clinic")
    String templates_everyone();

    @Message("Back to the program")
    String templates_back_to_program();

    @Message("Give the template a name.")
    String templates_give_name();

    @Message("must be at most {max} characters")
    String templates_name_too_long(int max);

    @Message("a clinic-wide template already has this name")
    String templates_name_taken_clinic();

    @Message("you already have a template with this name")
    String templates_name_taken_mine();

    @Message("Start a program from a template")
    String templates_start_title();

    @Message("Start a program from \"{name}\"")
    String templates_start_heading(String name);

    @Message(
            "Protocol {protocol}, phase {phase}, {count} exercises. Choose the patient: the assign review opens with the"
                    + " template's exercises and dosages for you to check and confirm.")
    String templates_start_help(String protocol, Object phase, int count);

    @Message("Find a patient")
    String templates_find_patient();

    @Message("Search")
    String templates_search();

    @Message("No patients found.")
    String templates_no_patients();

    @Message("Back to the templates")
    String templates_back();

    // The audit log and the break-the-glass grants.

    @Message("Audit log")
    String audit_title();

    @Message("Who read or changed which record, from patient-service and program-service, newest first.")
    String audit_intro();

    @Message("Patient number")
    String audit_patient_number();

    @Message("User name")
    String audit_user_name();

    @Message("Action (e.g. PATIENT_READ, BREAK_GLASS)")
    String audit_action_filter();

    @Message("Download as CSV")
    String audit_csv();

    @Message("Break-the-glass grants")
    String audit_grants_link();

    @Message("Audit entries")
    String audit_entries();

    @Message("No entries.")
    String audit_none();

    @Message("Audit entries, newest first")
    String audit_caption();

    @Message("When")
    String audit_col_when();

    @Message("Service")
    String audit_col_service();

    @Message("User")
    String audit_col_user();

    @Message("Role")
    String audit_col_role();

    @Message("Action")
    String audit_col_action();

    @Message("Patient")
    String audit_col_patient();

    @Message("Program")
    String audit_col_program();

    @Message("Outcome")
    String audit_col_outcome();

    @Message("Reason")
    String audit_col_reason();

    @Message("Page {n} (up to {size} entries from each service)")
    String audit_page(int n, int size);

    @Message("The CSV needs both services' entries.")
    String audit_csv_needs_both();

    @Message("Emergency access by physios outside a patient's care team, newest first, with their reasons.")
    String grants_intro();

    @Message("All")
    String grants_all();

    @Message("Active now")
    String grants_active_now();

    @Message("Expired")
    String grants_expired();

    @Message("Expired")
    String grants_expired_option();

    @Message("Grants")
    String grants_section();

    @Message("No grants.")
    String grants_none();

    @Message("Break-the-glass grants, newest first")
    String grants_caption();

    @Message("Who")
    String grants_col_who();

    @Message("Why")
    String grants_col_why();

    @Message("Access until")
    String grants_col_until();

    @Message("Now")
    String grants_col_now();

    @Message("audit")
    String grants_audit();

    @Message("Active")
    String grants_active();

    // The e-mail log.

    @Message("E-mail log")
    String maillog_title();

    @Message("E-mails the clinic's system could not send, may not have sent, or decided not to send. Addresses and"
            + " contents are never shown: a patient by clinic number, staff by login.")
    String maillog_intro();

    @Message("Last 7 days")
    String maillog_last_week();

    @Message("No e-mails in the last 7 days.")
    String maillog_no_counts();

    @Message("E-mails by status over the last 7 days")
    String maillog_counts_caption();

    @Message("Status")
    String maillog_col_status();

    @Message("E-mails")
    String maillog_col_emails();

    @Message("Needing a look")
    String maillog_list_title();

    @Message("Failed, uncertain and skipped")
    String maillog_problems();

    @Message("Failed")
    String maillog_failed();

    @Message("Uncertain")
    String maillog_uncertain();

    @Message("Skipped")
    String maillog_skipped();

    @Message("Failed")
    String maillog_failed_option();

    @Message("Uncertain")
    String maillog_uncertain_option();

    @Message("Skipped")
    String maillog_skipped_option();

    @Message("Kind")
    String maillog_kind();

    @Message("All kinds")
    String maillog_all_kinds();

    @Message("sending failed every time it was tried (up to the sender's limit of attempts); it is not tried again.")
    String maillog_failed_help();

    @Message("the sender stopped in the middle of sending, so the e-mail may or may not have gone out; it is never sent"
            + " again by itself. Check with the recipient before sending anything by hand.")
    String maillog_uncertain_help();

    @Message("deliberately not sent, for the reason shown (for example the address is not verified, the e-mails are"
            + " switched off, or today's session was already logged).")
    String maillog_skipped_help();

    @Message("Nothing to show.")
    String maillog_none();

    @Message("E-mails, newest first")
    String maillog_caption();

    @Message("Created")
    String maillog_col_created();

    @Message("To")
    String maillog_col_to();

    @Message("Day")
    String maillog_col_day();

    @Message("Reason or error")
    String maillog_col_reason();

    @Message("Attempts")
    String maillog_col_attempts();

    // The staff's e-mail settings.

    @Message("E-mail settings")
    String mailsettings_title();

    @Message("Saved.")
    String mailsettings_saved();

    @Message("Urgent alerts are always sent.")
    String mailsettings_urgent_title();

    @Message("When a patient in your care reports a red flag, you get an e-mail at once. It names the patient only by"
            + " clinic number and links to the alerts page; it cannot be switched off.")
    String mailsettings_urgent_text();

    @Message("Where they go")
    String mailsettings_where();

    @Message("No e-mail address")
    String mailsettings_no_address();

    @Message("Verified")
    String mailsettings_verified();

    @Message("Not checked")
    String mailsettings_not_checked();

    @Message("Not verified")
    String mailsettings_not_verified();

    @Message("The address cannot be checked right now.")
    String mailsettings_cannot_check();

    @Message("No e-mails, urgent ones included, can go to this address until it is verified. Ask an administrator to"
            + " check your login's e-mail address.")
    String mailsettings_unverified_help();

    @Message("Daily digest of open alerts")
    String mailsettings_daily();

    @Message("One e-mail each morning listing how many of your patients' other (not urgent) alerts are still open. None"
            + " on days without any.")
    String mailsettings_daily_help();

    @Message("Weekly summary")
    String mailsettings_weekly();

    @Message("Monday morning: the clinic's numbers for the past week (sessions logged, programs started and discharged,"
            + " alerts).")
    String mailsettings_weekly_help();

    @Message("Save")
    String mailsettings_save();

    @Message("Language of these e-mails")
    String mailsettings_language();

    @Message("Urgent alerts, the daily digest and the weekly summary are written in this language. The portal's own"
            + " language is chosen at the foot of every page.")
    String mailsettings_language_help();
}
