package clinic.patient.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * Keycloak played by {@link FakeKeycloak} instead of the closed port of the test profile. Every class with this
 * profile shares one application start.
 */
public class WithFakeKeycloak implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeKeycloak.class));
    }
}
