package clinic.portal.library;

import org.jboss.resteasy.reactive.RestForm;

/** The copy form of a built-in exercise: the clinic exercise's slug and name. */
public class CopyForm {

    @RestForm
    public String slug;

    @RestForm
    public String name;
}
