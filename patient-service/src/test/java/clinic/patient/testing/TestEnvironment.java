package clinic.patient.testing;

import clinic.testsupport.EmbeddedDatabaseResource;
import clinic.testsupport.TestOidcResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the embedded database and trusts the test signing key. */
@QuarkusTestResource(
        value = EmbeddedDatabaseResource.class,
        initArgs = @ResourceArg(name = "schema", value = "patients"))
@QuarkusTestResource(TestOidcResource.class)
public class TestEnvironment {}
