package clinic.portal.archfixture.b;

import clinic.portal.archfixture.a.PlantedA;

/** The other half of the planted cycle: it refers back to {@link PlantedA}. */
public class PlantedB {

    public PlantedA partner() {
        return new PlantedA();
    }
}
