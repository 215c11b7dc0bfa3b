package clinic.program.archfixture.a;

import clinic.program.archfixture.b.Other;

/** Half of a cycle planted for {@code ArchitectureTest}: a imports b ... */
public class Planted {

    Other other;
}
