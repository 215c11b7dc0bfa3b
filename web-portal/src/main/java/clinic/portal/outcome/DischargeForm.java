package clinic.portal.outcome;

import org.jboss.resteasy.reactive.RestForm;

/** The discharge form as typed: a reason code of the API and the physio's summary for the letter. */
public class DischargeForm {

    static final int MAX_SUMMARY = 4000;

    @RestForm
    public String reason;

    @RestForm
    public String summary;
}
