package clinic.program.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The one HAPI {@link FhirContext} (R4) of the service, made on the first export and kept. Building it scans the R4
 * model classes (about a second and some tens of MB on first use), so it is never made at start-up: the service's
 * start time stays what it was without FHIR (docs/fhir.md, "Cost").
 */
@ApplicationScoped
public class FhirContextHolder {

    private static final Logger LOG = Logger.getLogger(FhirContextHolder.class);

    private volatile FhirContext context;

    /** The R4 context, made on the first call (thread-safe; later calls return the same one). */
    public FhirContext get() {
        FhirContext made = context;
        if (made == null) {
            synchronized (this) {
                made = context;
                if (made == null) {
                    long start = System.nanoTime();
                    made = FhirContext.forR4();
                    // The model scan is lazy too: the first parser use finishes it, so a parser is made here.
                    made.newJsonParser();
                    LOG.infof("FHIR R4 context made in %d ms", (System.nanoTime() - start) / 1_000_000);
                    context = made;
                }
            }
        }
        return made;
    }

    /** Whether the context has been made yet (for tests of the lazy start). */
    public boolean isCreated() {
        return context != null;
    }
}
