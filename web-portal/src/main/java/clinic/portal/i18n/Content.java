package clinic.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Bundle {@code content}: the services' codes in words ({@code {label:of(code)}}: statuses, screening outcomes,
 * progress actions) and the translation pages of the exercise library. The red flags, signs and pain rules are not
 * here: {@code clinic.rules} words them in every language for the services and the portal alike.
 */
@MessageBundle("content")
public interface Content {

    @Message("Clear: an exercise program may start")
    String outcome_clear();

    @Message("Refer for assessment: a program needs your explicit override")
    String outcome_refer_for_assessment();

    @Message("Urgent referral: emergency, no program")
    String outcome_urgent_referral();

    @Message("Active")
    String status_active();

    @Message("On hold")
    String status_on_hold();

    @Message("Discharged")
    String status_discharged();

    @Message("Invitation pending")
    String status_pending();

    @Message("Invited by e-mail: the patient has not set a password yet")
    String status_invited();

    @Message("No account")
    String status_none();

    @Message("Move up a phase")
    String action_advance();

    @Message("Stay in this phase")
    String action_hold();

    @Message("Step back a phase")
    String action_step_back();

    @Message("Consider referral (physio review, GP, orthopaedics or neurology)")
    String action_consider_referral();

    @Message("Not enough data to judge: ask the patient to log their sessions")
    String action_not_enough_data();

    @Message("session log")
    String hold_source_session_log();

    @Message("screening")
    String hold_source_screening();

    @Message("{name}: {language}")
    String translation_title(String name, String language);

    @Message(
            "What a patient whose language is {language} reads in their routine. The English on the left is the exercise itself; programs keep the revision they were given.")
    String translation_intro(String language);

    @Message("Built-in exercises come translated with the release and cannot be changed here.")
    String translation_built_in();

    @Message("Translation saved. Patients read it from their next visit to their routine.")
    String translation_saved();

    @Message("Some fields need attention.")
    String translation_fix();

    @Message("Required.")
    String translation_required();

    @Message("English")
    String translation_english();

    @Message("Name")
    String field_name();

    @Message("Instructions")
    String field_instructions();

    @Message("What the patient should feel")
    String field_should_feel();

    @Message("Precautions")
    String field_precautions();

    @Message("Common mistakes")
    String field_common_mistakes();

    @Message("Progression")
    String field_progression();

    @Message("(required)")
    String field_required();

    @Message("Save the translation")
    String translation_save();

    @Message("Back to the exercise")
    String translation_back();
}
