package clinic.portal.program;

import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The assign review form. Exercise rows come as parallel lists (one entry per row, in page order); check boxes
 * ({@code include}, {@code perSide}) send the slugs of the ticked rows, since unticked boxes send nothing.
 */
public class AssignForm {

    @RestForm
    public String protocol;

    @RestForm
    public String phase;

    @RestForm
    public List<String> exercise;

    @RestForm
    public List<String> name;

    @RestForm
    public List<String> sets;

    @RestForm
    public List<String> reps;

    @RestForm
    public List<String> holdSeconds;

    @RestForm
    public List<String> minutes;

    @RestForm
    public List<String> timesPerDay;

    @RestForm
    public List<String> perSide;

    @RestForm
    public List<String> include;

    /** A library exercise to add to the phase's defaults. */
    @RestForm
    public String extra;

    @RestForm
    public List<String> ackExercise;

    @RestForm
    public List<String> ackReason;

    /** Instructions for the patient, one per acknowledgement row; required for a caution exercise. */
    @RestForm
    public List<String> ackInstructions;

    /** CAUTION or PHASE per acknowledgement row, as the service refused it. */
    @RestForm
    public List<String> ackKind;

    /** The service's reason per row, kept so the rows stay on the page when something else needs fixing. */
    @RestForm
    public List<String> ackWhy;

    /** The exercise's name per row. */
    @RestForm
    public List<String> ackName;

    /** The phases the exercise is meant for per row, e.g. "2,3". */
    @RestForm
    public List<String> ackPhases;

    /** The safer alternatives per row, by name, joined with ", ". */
    @RestForm
    public List<String> ackAlternatives;
}
