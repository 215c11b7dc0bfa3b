package clinic.portal.program;

import org.jboss.resteasy.reactive.RestForm;

/** The phase change form. */
public class PhaseForm {

    @RestForm
    public String phase;

    @RestForm
    public String reason;

    @RestForm
    public String version;
}
