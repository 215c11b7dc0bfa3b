package clinic.patient.screening;

import clinic.kit.text.VisibleText;
import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A screening as the physio records it ({@code POST /api/patients/{id}/screenings}). Absent lists mean "none found".
 * The outcome is never taken from the client: the service computes it.
 *
 * <p>{@code otherSigns} are codes rather than {@link OtherSign} so the first release's
 * {@value RedFlag#LEGACY_POSITION_INDEPENDENT_PAIN} still works for an old client: it is constant severe pain, taken as
 * the red flag {@link RedFlag#CONSTANT_SEVERE_PAIN} ({@link #allRedFlags()}).
 */
public record NewScreening(
        Set<@NotNull RedFlag> redFlags,
        Set<@NotNull SciaticaSign> sciaticaSigns,
        @Schema(enumeration = {"LOCAL_BACK_OR_HIP_ONLY", "ANTERIOR_THIGH_GROIN"})
                Set<
                                @NotNull
                                @Pattern(
                                        regexp = OTHER_SIGN_CODES,
                                        message = "must be LOCAL_BACK_OR_HIP_ONLY or ANTERIOR_THIGH_GROIN")
                                String>
                        otherSigns,
        @Size(max = 4000) @VisibleText(multiline = true) String notes,
        @Valid Override override) {

    /** The accepted other-sign codes: {@link OtherSign}'s and the legacy constant-pain code. */
    static final String OTHER_SIGN_CODES = "LOCAL_BACK_OR_HIP_ONLY|ANTERIOR_THIGH_GROIN|POSITION_INDEPENDENT_PAIN";

    /** A physio's decision to start a program despite a referral for assessment, with the clinical reason. */
    public record Override(@NotBlank @Size(max = 1000) @VisibleText(multiline = true) String reason) {}

    /** The red flags, with the legacy constant-pain code among the other signs taken as its red flag. */
    Set<RedFlag> allRedFlags() {
        Set<RedFlag> flags = RedFlag.setOf(redFlags);
        if (otherSigns != null && otherSigns.contains(RedFlag.LEGACY_POSITION_INDEPENDENT_PAIN)) {
            flags.add(RedFlag.CONSTANT_SEVERE_PAIN);
        }
        return flags;
    }

    /** The other signs of the current vocabulary. */
    Set<OtherSign> otherSignSet() {
        Set<OtherSign> signs = EnumSet.noneOf(OtherSign.class);
        if (otherSigns != null) {
            otherSigns.forEach(code -> OtherSign.fromCode(code).ifPresent(signs::add));
        }
        return signs;
    }

    /** The sciatica signs, never null. */
    Set<SciaticaSign> sciaticaSignSet() {
        return sciaticaSigns == null || sciaticaSigns.isEmpty()
                ? EnumSet.noneOf(SciaticaSign.class)
                : EnumSet.copyOf(sciaticaSigns);
    }
}
