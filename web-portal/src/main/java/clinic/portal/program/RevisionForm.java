package clinic.portal.program;

import org.jboss.resteasy.reactive.RestForm;

/** The form that moves one exercise of a program to the library's newest revision: why, and the version seen. */
public class RevisionForm {

    /** The longest reason the service takes. */
    static final int MAX_REASON = 2000;

    @RestForm
    public String reason;

    @RestForm
    public String version;
}
