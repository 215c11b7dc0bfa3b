package clinic.program;

import clinic.testsupport.checks.ApiDocsOffChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Production's default: no API docs on any port (the checks are test-support's {@link ApiDocsOffChecks}). */
@QuarkusTest
@TestProfile(ApiDocsOffChecks.ProductionDefault.class)
class ApiDocsOffTest extends ApiDocsOffChecks {}
