package clinic.portal.common;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/**
 * View logic the templates call, kept here so templates stay markup. Codes are rendered with {@code {label:of(code)}}
 * (a namespace function, so a missing code renders empty instead of failing the page).
 */
@TemplateExtension(namespace = "label")
public class TemplateExtensions {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("BLADDER_BOWEL", "Loss of bladder or bowel control"),
            Map.entry("SADDLE_NUMBNESS", "Numbness in the saddle area (groin, genitals, inner thighs)"),
            Map.entry("PROGRESSIVE_WEAKNESS", "Severe or rapidly worsening weakness in the legs or feet"),
            Map.entry("CONSTANT_SEVERE_PAIN", "Constant severe pain that no position relieves"),
            Map.entry("SYSTEMIC", "Fever, unexplained weight loss or a history of cancer with new sciatica"),
            Map.entry("RADIATING_BELOW_BUTTOCK", "Pain from low back or buttock down the back of the thigh"),
            Map.entry("PARAESTHESIA", "Burning, tingling, pins and needles or numbness with the pain"),
            Map.entry("WORSE_SITTING_COUGHING", "Worse with sitting, coughing or sneezing"),
            Map.entry("MYOTOMAL_WEAKNESS", "Weakness of specific leg or foot muscles (tiptoe or heel walking)"),
            Map.entry("LOCAL_BACK_OR_HIP_ONLY", "Pain only in the low back, or only in the hip or groin"),
            Map.entry("ANTERIOR_THIGH_GROIN", "Pain mainly in the front of the thigh or the groin"),
            Map.entry("POSITION_INDEPENDENT_PAIN", "Constant severe pain whatever the position"),
            Map.entry("CLEAR", "Clear: an exercise program may start"),
            Map.entry("REFER_FOR_ASSESSMENT", "Refer for assessment: a program needs your explicit override"),
            Map.entry("URGENT_REFERRAL", "Urgent referral: emergency, no program"),
            Map.entry("ACTIVE", "Active"),
            Map.entry("DISCHARGED", "Discharged"),
            Map.entry("PENDING", "Invitation pending"),
            Map.entry("NONE", "No account"),
            Map.entry("ADVANCE", "Move up a phase"),
            Map.entry("HOLD", "Stay in this phase"),
            Map.entry("STEP_BACK", "Step back a phase"),
            Map.entry("CONSIDER_REFERRAL", "Consider referral (physio review, GP, orthopaedics or neurology)"));

    /** A code from the API (red flag, sign, outcome, status) in words; unknown codes are shown as they are. */
    public static String of(String code) {
        if (code == null) {
            return "";
        }
        return LABELS.getOrDefault(code, code.replace('_', ' ').toLowerCase());
    }

    /** CSS class for an outcome banner. */
    public static String css(String outcome) {
        if ("URGENT_REFERRAL".equals(outcome)) {
            return "danger";
        }
        return "CLEAR".equals(outcome) ? "ok" : "warn";
    }
}
