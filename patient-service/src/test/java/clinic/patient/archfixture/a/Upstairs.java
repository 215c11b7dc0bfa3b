package clinic.patient.archfixture.a;

import clinic.patient.archfixture.b.Downstairs;

/** Half of a planted cycle (a → b → a) that {@code ArchitectureTest} must report. Not used by anything else. */
public class Upstairs {

    Downstairs below;
}
