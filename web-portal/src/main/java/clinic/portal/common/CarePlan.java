package clinic.portal.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a patient's program as the physio works on it (assigning, the program page, discharge, the letter page,
 * questionnaires entered in clinic, the FHIR export): bundle {@code careplan}, {@code {careplan:key}} in templates,
 * {@code lang.bundle(CarePlan.class)} in Java. The words these pages share with the patient pages are in {@link Care}.
 * A bundle of its own because Quarkus 3.30 generates broken code for a bundle of more than 300 messages.
 */
@MessageBundle("careplan")
public interface CarePlan {

    @Message("Assign a program")
    String assign_a_program();

    // Assigning a program: choose a protocol and phase, review the exercises.

    @Message("Assign a program: {name}")
    String assign_heading(String name);

    @Message("Not cleared for exercise: {reason}.")
    String assign_not_cleared(String reason);

    @Message(
            "The program service will refuse the assignment of a protocol that asks for a red-flag screening until a valid clear screening (or an override) exists.")
    String assign_not_cleared_refusal();

    @Message("{n} {#if n == 1}phase{#else}phases{/if}")
    String assign_phase_count(int n);

    @Message("Show its phases")
    String assign_show_phases();

    @Message("Protocol:")
    String assign_protocol_chosen();

    @Message("(no red-flag screening required)")
    String assign_no_screening_needed();

    @Message("Start phase")
    String assign_start_phase();

    @Message("Review exercises")
    String assign_review_exercises();

    @Message("Or start from a template")
    String assign_or_template();

    @Message("{protocol}, phase {phase}, {count} {#if count == 1}exercise{#else}exercises{/if}")
    String assign_template_option(String protocol, Object phase, int count);

    @Message("clinic-wide")
    String assign_clinic_wide();

    @Message("Review the template's exercises")
    String assign_review_template();

    @Message("There is no protocol {code}.")
    String assign_no_protocol(String code);

    @Message("This protocol has no phase {phase}.")
    String assign_no_phase(String phase);

    @Message("There is no template {id}.")
    String assign_no_template(String id);

    @Message("Phase {number}")
    String assign_phase_title(Integer number);

    @Message("Phase {number}: {name}")
    String assign_phase_title_named(Integer number, String name);

    @Message("{name}: the dosage takes whole numbers only.")
    String assign_dosage_whole_number(String name);

    @Message("The phase is a whole number.")
    String assign_phase_whole_number();

    @Message("Review the program")
    String review_title();

    @Message("Review the program: {name}")
    String review_heading(String name);

    @Message("Protocol")
    String review_protocol();

    @Message("phase {phase}")
    String review_phase(String phase);

    @Message("Choose another phase")
    String review_other_phase();

    @Message(
            "Pre-filled from the template \"{name}\". Check the exercises and dosages, then confirm: the usual checks apply.")
    String review_prefilled(String name);

    @Message("Left out, retired since the template was saved: {names}.")
    String review_left_out(String names);

    @Message("These exercises need your acknowledgement")
    String review_cautions_title();

    @Message(", not phase {phase}.")
    String review_not_phase(String phase);

    @Message("Caution:")
    String review_caution();

    @Message("Safer alternatives: {names}")
    String review_alternatives(String names);

    @Message("Why assign it anyway? (leave empty and untick it above to drop it)")
    String review_ack_reason();

    @Message("Instructions for the patient")
    String review_ack_instructions();

    @Message("(optional)")
    String review_ack_optional();

    @Message("(required: the patient reads these instead of the library's text)")
    String review_ack_required();

    @Message("No exercises listed for this phase.")
    String review_no_exercises();

    @Message("Include")
    String review_include();

    @Message("Sets")
    String review_sets();

    @Message("Reps")
    String review_reps();

    @Message("Hold (s)")
    String review_hold();

    @Message("Minutes")
    String review_minutes();

    @Message("Times a day")
    String review_times();

    @Message("Each side")
    String review_each_side();

    @Message("Add an exercise from the library")
    String review_add();

    @Message("(none)")
    String review_none();

    @Message("(caution)")
    String review_caution_mark();

    @Message("Confirm program")
    String review_confirm();

    @Message("Not meant for any phase of the program")
    String caution_meant_for_none();

    @Message("Meant for phase {phases}")
    String caution_meant_for_phase(String phases);

    @Message("Meant for phases {phases}")
    String caution_meant_for_phases(String phases);

    @Message("Use with caution in this phase.")
    String caution_use_with_caution();

    @Message("Safer alternatives: {names}.")
    String caution_safer_alternatives(String names);

    @Message("{meantFor}, not phase {number}: confirming asks for your reason.")
    String caution_not_this_phase(String meantFor, Integer number);

    @Message("Give the patient instructions for this exercise: they replace the library's text.")
    String caution_instructions_required();

    @Message("At most {max} characters.")
    String caution_instructions_too_long(int max);

    @Message("Instructions for the patient: {message}")
    String caution_instructions_refused(String message);

    // A program: state, hold, exercises, progress, phase change, revisions.

    @Message("Program")
    String program_title();

    @Message("Program: {name}")
    String program_heading(String name);

    @Message("The program is resumed. The patient sees their exercises again.")
    String program_resumed();

    @Message("The program is discharged. The letter and the patient's summary are ready.")
    String program_discharged_notice();

    @Message("Discharged{#if date} on {date}{/if}{#if by} by {by}{/if}")
    String program_discharged(String date, String by);

    @Message("Discharged{#if by} by {by}{/if}")
    String program_discharged_by(String by);

    @Message("Reason: {reason}")
    String program_discharge_reason(String reason);

    @Message("This program is read-only.")
    String program_read_only();

    @Message("Print letter")
    String program_print_letter();

    @Message("Download FHIR")
    String program_download_fhir();

    @Message("On hold")
    String program_on_hold();

    @Message("since {since} ({source})")
    String program_hold_since(String since, String source);

    @Message(
            "The patient sees the red-flag advice and no exercises, and cannot log sessions. To resume: screen the patient again; once a screening newer than the hold clears them, give your reason below.")
    String program_hold_explained();

    @Message("Screen the patient again")
    String program_screen_again();

    @Message("Reason to resume")
    String program_resume_reason();

    @Message("Resume the program")
    String program_resume();

    @Message("Since")
    String program_since();

    @Message("Exercises")
    String program_exercises();

    @Message("marked for review")
    String program_marked_for_review();

    @Message("retired in the library")
    String program_retired();

    @Message("Newer version available (revision {revision})")
    String program_newer_revision(Integer revision);

    @Message("this program has revision {revision}")
    String program_has_revision(Integer revision);

    @Message("Update to revision {revision}")
    String program_update_revision(Integer revision);

    @Message("No exercises.")
    String program_no_exercises();

    @Message("Save these exercises and dosages as a template named")
    String program_template_name();

    @Message("Who sees it")
    String program_template_visibility();

    @Message("only me")
    String program_template_private();

    @Message("everyone in the clinic")
    String program_template_clinic();

    @Message("Save as template")
    String program_save_template();

    @Message("Progress")
    String program_progress();

    @Message("Adherence")
    String program_adherence();

    @Message("{percent}% of prescribed days logged")
    String program_adherence_value(Object percent);

    @Message("Pain (0–10)")
    String program_pain();

    @Message("baseline {baseline}, last 7 days {mean}")
    String program_pain_value(Object baseline, Object mean);

    @Message("clinically important improvement")
    String program_pain_improved();

    @Message("Nerve-pain flags, 7 days")
    String program_nerve_flags();

    @Message("System suggestion: {action}")
    String program_suggestion(String action);

    @Message("(phase {phase})")
    String program_suggestion_phase(Integer phase);

    @Message("You decide.")
    String program_you_decide();

    @Message("Discharge")
    String program_discharge_title();

    @Message("End the program with a reason and a summary; the letter to the referring doctor is made from it.")
    String program_discharge_text();

    @Message("Discharge…")
    String program_discharge_link();

    @Message("Change phase")
    String program_change_phase();

    @Message("New phase")
    String program_new_phase();

    @Message("Gentle movement and nerve glides")
    String program_seed_phase_1();

    @Message("Building foundations")
    String program_seed_phase_2();

    @Message("Targeted stretching and nerve mobility")
    String program_seed_phase_3();

    @Message("Revisions")
    String program_revisions();

    @Message("Changes to this program")
    String program_revisions_caption();

    @Message("No changes yet.")
    String program_no_revisions();

    @Message("Give a reason.")
    String program_reason_required();

    @Message("Keep the reason to at most {max} characters.")
    String program_reason_too_long(int max);

    @Message("Give a reason to resume.")
    String program_resume_needs_reason();

    @Message("Choose the new phase.")
    String program_phase_required();

    @Message("The phase is a whole number.")
    String program_phase_whole_number();

    @Message("Give a reason to update the exercise to its newest version.")
    String program_revision_needs_reason();

    @Message("Reload the page: the version of the program is missing.")
    String program_version_missing();

    // Discharge, the letter, questionnaires entered in clinic, the FHIR export.

    @Message("Discharge")
    String discharge_title();

    @Message("Program: {name}")
    String discharge_back(String name);

    @Message("Discharge: {name}")
    String discharge_heading(String name);

    @Message(
            "Discharging ends the program: the patient no longer sees exercises, nothing on the program can be changed afterwards, and the discharge letter and the patient's summary become available.")
    String discharge_explained();

    @Message("Discharge questionnaires")
    String discharge_measures_title();

    @Message("No discharge questionnaire is outstanding.")
    String discharge_measures_done();

    @Message("Not done yet. Enter them now if you can, so the letter shows the change over the episode:")
    String discharge_measures_missing();

    @Message("Enter in clinic")
    String discharge_enter_in_clinic();

    @Message("What the letter will contain")
    String discharge_preview_title();

    @Message("Patient name, date of birth and clinic number; addressed to the referring doctor.")
    String discharge_preview_patient();

    @Message("Dates: started {started}, discharged today; the phases with their dates (now phase {phase}).")
    String discharge_preview_dates(String started, Object phase);

    @Message("Adherence: {percent}% of prescribed days logged.")
    String discharge_preview_adherence(Object percent);

    @Message("Adherence: not known.")
    String discharge_preview_adherence_unknown();

    @Message("Pain (0–10): baseline {baseline}, last 7 days {mean}; the letter uses the first and last 7 days' means.")
    String discharge_preview_pain(Object baseline, Object mean);

    @Message("Pain (0–10): no logs; the letter uses the first and last 7 days' means.")
    String discharge_preview_no_pain();

    @Message("{name}: baseline {baseline}, latest {latest}, change {change}, minimal important change reached: {mic}.")
    String discharge_preview_trend(String name, String baseline, String latest, String change, String mic);

    @Message("Risk screen at the start: {risk}.")
    String discharge_preview_risk(String risk);

    @Message("Adherence, pain and questionnaire scores (the preview cannot be shown right now).")
    String discharge_preview_unavailable();

    @Message("Adherence, pain and questionnaire scores (the preview cannot be shown right now: {why}).")
    String discharge_preview_unavailable_because(String why);

    @Message("Alerts and holds during the episode.")
    String discharge_preview_alerts();

    @Message("Alerts and holds during the episode (the program is on hold now).")
    String discharge_preview_alerts_on_hold();

    @Message("The exercises at discharge ({count}) with their dosage.")
    String discharge_preview_exercises(int count);

    @Message("Your summary below.")
    String discharge_preview_summary();

    @Message("Discharge the program")
    String discharge_form_title();

    @Message("Choose a reason")
    String discharge_choose_reason();

    @Message("Summary for the letter (required when the reason is “Other”)")
    String discharge_summary_label();

    @Message("Discharge the program")
    String discharge_submit();

    @Message("Choose a reason for the discharge.")
    String discharge_reason_required();

    @Message("Say why in the summary when the reason is “Other”.")
    String discharge_summary_required();

    @Message("Keep the summary to {max} characters or fewer.")
    String discharge_summary_too_long(int max);

    @Message("The discharge was not sent: some fields need attention.")
    String discharge_not_sent();

    @Message("Discharge letter")
    String letter_title();

    @Message("Print the letter")
    String letter_print();

    @Message("← Back to the program")
    String letter_back();

    @Message("The letter is available once the program is discharged.")
    String letter_not_discharged();

    @Message("Questionnaire saved")
    String measure_saved_title();

    @Message("{name} saved")
    String measure_saved_heading(String name);

    @Message("Saved for {timepoint}.")
    String measure_saved_for(String timepoint);

    @Message("Saved for {timepoint}, completed {date}.")
    String measure_saved_for_completed(String timepoint, String date);

    @Message("Score")
    String measure_score();

    @Message("subscore {score}")
    String measure_subscore(String score);

    @Message("Risk group")
    String measure_risk_group();

    @Message("Change from baseline")
    String measure_change();

    @Message("{change} (baseline {baseline}); minimal important change reached: {mic}")
    String measure_change_value(String change, String baseline, String mic);

    @Message("Questionnaire")
    String measure_title();

    @Message("{name}: entered in clinic")
    String measure_in_clinic(String name);

    @Message("For {name} (program {program}). Read each question to the patient as written and record their answer.")
    String measure_read_out(String name, Long program);

    @Message("Save the answers")
    String measure_save_answers();

    @Message("Some questions need an answer (or “Prefer not to answer”).")
    String measure_need_answers();

    @Message("The completion date cannot be in the future.")
    String measure_not_in_future();

    @Message("The completion date must be a date.")
    String measure_not_a_date();

    @Message("This program is discharged and read-only: no questionnaire can be added.")
    String measure_discharged();

    @Message("FHIR export")
    String fhir_title();
}
