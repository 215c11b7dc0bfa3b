package clinic.portal.archfixture.a;

import clinic.portal.archfixture.b.PlantedB;

/**
 * Half of a planted cycle ({@code archfixture.a} ↔ {@code archfixture.b}): {@code ArchitectureTest} proves its cycle
 * rule reports it. Test code only, and left out of the real check.
 */
public class PlantedA {

    public PlantedB partner() {
        return new PlantedB();
    }
}
