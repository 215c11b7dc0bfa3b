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
}
