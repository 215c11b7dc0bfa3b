package clinic.patient.archfixture.b;

import clinic.patient.archfixture.a.Upstairs;

/** The other half of the planted cycle (b → a). */
public class Downstairs {

    Upstairs above;
}
