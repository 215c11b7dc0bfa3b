package clinic.program;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of program-service (README, "Code layout"), checked on its compiled main classes: feature packages
 * import one another one way only, nothing imports another service's or the portal's code, REST clients live in
 * {@code outbound}, and transactions start in services, never in resources. A plain unit test: no Quarkus, no
 * database.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("clinic.program");
    }

    /** No cycle between the packages directly under {@code root} (with everything below each). */
    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because("imports run one way, from a feature down to the features and layers it builds on");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        noCyclesBetweenFeatures("clinic.program").check(main);
    }

    @Test
    void theCycleRuleFailsOnAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages("clinic.program.archfixture");
        assertThat(planted).hasSize(2);

        EvaluationResult result =
                noCyclesBetweenFeatures("clinic.program.archfixture").evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("feature a", "feature b");
        assertThatThrownBy(() ->
                        noCyclesBetweenFeatures("clinic.program.archfixture").check(planted))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void nothingDependsOnAnotherServiceOrThePortal() {
        noClasses()
                .that()
                .resideInAPackage("clinic.program..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("clinic.patient..", "clinic.portal..")
                .because("services talk over HTTP (outbound), never through each other's classes")
                .check(main);
    }

    @Test
    void restClientsLiveInOutbound() {
        classes()
                .that()
                .areAnnotatedWith(RegisterRestClient.class)
                .should()
                .resideInAPackage("clinic.program.outbound..")
                .andShould()
                .beInterfaces()
                .check(main);
    }

    @Test
    void resourcesStartNoTransaction() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .because("a resource is HTTP only; its service holds the transaction")
                .check(main);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Path.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .because("a resource is HTTP only; its service holds the transaction")
                .check(main);
    }
}
