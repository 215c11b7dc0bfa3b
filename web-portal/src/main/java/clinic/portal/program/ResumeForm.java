package clinic.portal.program;

import org.jboss.resteasy.reactive.RestForm;

/** The resume form of a program on hold: the physio's reason (required, up to 1000 characters). */
public class ResumeForm {

    static final int MAX_REASON = 1000;

    @RestForm
    public String reason;
}
