package clinic.portal.screening;

import clinic.portal.common.FormValues;
import clinic.portal.outbound.PatientApi.NewScreening;
import clinic.portal.outbound.PatientApi.ScreeningOverride;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The screening form as ticked and typed; field names equal the API's. */
public class ScreeningForm {

    @RestForm
    public List<String> redFlags;

    @RestForm
    public List<String> sciaticaSigns;

    @RestForm
    public List<String> otherSigns;

    @RestForm
    public String notes;

    /** Filled only when the physio overrides a referral outcome; becomes {@code override.reason}. */
    @RestForm
    public String overrideReason;

    NewScreening toPayload() {
        String reason = FormValues.blankToNull(overrideReason);
        return new NewScreening(
                FormValues.orEmpty(redFlags),
                FormValues.orEmpty(sciaticaSigns),
                FormValues.orEmpty(otherSigns),
                FormValues.blankToNull(notes),
                reason == null ? null : new ScreeningOverride(reason));
    }

    public boolean ticked(String code) {
        return (redFlags != null && redFlags.contains(code))
                || (sciaticaSigns != null && sciaticaSigns.contains(code))
                || (otherSigns != null && otherSigns.contains(code));
    }
}
