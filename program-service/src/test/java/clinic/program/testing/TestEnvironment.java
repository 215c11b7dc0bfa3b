package clinic.program.testing;

import clinic.testsupport.EmbeddedDatabaseResource;
import clinic.testsupport.TestOidcResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs against the embedded database, trusts the test signing key and talks to a fake
 * patient-service for clearance.
 */
@QuarkusTestResource(
        value = EmbeddedDatabaseResource.class,
        initArgs = @ResourceArg(name = "schema", value = "programs"))
@QuarkusTestResource(TestOidcResource.class)
@QuarkusTestResource(FakePatientService.class)
public class TestEnvironment {}
