package clinic.portal.patient;

import clinic.portal.common.FormValues;
import clinic.portal.outbound.PatientApi.NewPatient;
import org.jboss.resteasy.reactive.RestForm;

/** The registration form as typed, kept as text so a failed submission shows exactly what the user entered. */
public class PatientForm {

    @RestForm
    public String givenName;

    @RestForm
    public String familyName;

    @RestForm
    public String dateOfBirth;

    @RestForm
    public String sex;

    @RestForm
    public String email;

    @RestForm
    public String phone;

    @RestForm
    public String condition;

    @RestForm
    public String referralSource;

    @RestForm
    public String consentDate;

    @RestForm
    public String carePhysio;

    NewPatient toPayload() {
        return new NewPatient(
                FormValues.blankToNull(givenName),
                FormValues.blankToNull(familyName),
                FormValues.blankToNull(dateOfBirth),
                FormValues.blankToNull(sex),
                FormValues.blankToNull(email),
                FormValues.blankToNull(phone),
                FormValues.blankToNull(condition),
                FormValues.blankToNull(referralSource),
                FormValues.blankToNull(consentDate),
                FormValues.blankToNull(carePhysio));
    }
}
