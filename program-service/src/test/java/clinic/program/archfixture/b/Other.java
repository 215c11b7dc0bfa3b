package clinic.program.archfixture.b;

import clinic.program.archfixture.a.Planted;

/** ... and b imports a. Only {@code ArchitectureTest} reads these classes. */
public class Other {

    Planted planted;
}
