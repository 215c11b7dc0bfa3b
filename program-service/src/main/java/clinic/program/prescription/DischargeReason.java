package clinic.program.prescription;

import java.util.Arrays;
import java.util.Optional;

/** Why a program ended: the codes the API takes and stores, each with the words a letter uses. */
public enum DischargeReason {
    GOALS_MET("Goals met"),
    SELF_MANAGING("Self-managing: continues the exercises independently"),
    REFERRED_ON("Referred on for further assessment or care"),
    PATIENT_CHOICE("Patient's choice to end the program"),
    DID_NOT_ENGAGE("Did not engage with the program"),
    /** Needs the summary text, which says what the reason was. */
    OTHER("Other (see summary)");

    private final String text;

    DischargeReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<DischargeReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
