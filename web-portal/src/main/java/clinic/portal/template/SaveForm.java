package clinic.portal.template;

import org.jboss.resteasy.reactive.RestForm;

/** "Save as template" on the program page: a name and who sees it (PRIVATE: only me; CLINIC: every physio). */
public class SaveForm {

    static final int MAX_NAME = 120;

    @RestForm
    public String name;

    @RestForm
    public String visibility;
}
