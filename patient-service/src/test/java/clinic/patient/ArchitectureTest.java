package clinic.patient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of patient-service (README "Code layout"), checked on its main classes: feature packages import one way,
 * nothing of another service or the portal, REST clients only in {@code outbound}, resources leave data and
 * transactions to services. {@link #theCycleRuleFailsOnAPlantedCycle} proves the cycle rule can fail.
 */
class ArchitectureTest {

    private static JavaClasses service;

    @BeforeAll
    static void importMainClasses() {
        // Main classes only: the planted cycle under clinic.patient.archfixture is a test class.
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("clinic.patient");
        assertThat(service.contain("clinic.patient.registry.PatientResource"))
                .as("the main classes were imported")
                .isTrue();
        assertThat(service.containPackage("clinic.patient.archfixture")).isFalse();
    }

    /** No cycle between the feature packages directly under {@code root} (each with its sub-packages). */
    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles();
    }

    @Test
    void featurePackagesImportOneWay() {
        noCyclesBetweenFeatures("clinic.patient").check(service);
    }

    @Test
    void theCycleRuleFailsOnAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages("clinic.patient.archfixture");
        EvaluationResult result =
                noCyclesBetweenFeatures("clinic.patient.archfixture").evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("feature a", "feature b");
    }

    @Test
    void nothingOfAnotherServiceOrThePortal() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("clinic.program..", "clinic.portal..")
                .check(service);
    }

    @Test
    void restClientsLiveInOutbound() {
        classes()
                .that()
                .areAnnotatedWith(RegisterRestClient.class)
                .should()
                .resideInAPackage("clinic.patient.outbound..")
                .check(service);
    }

    @Test
    void resourcesLeaveDataToServices() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(PanacheRepositoryBase.class)
                .check(service);
    }

    @Test
    void resourcesBeginNoTransaction() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(service);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(service);
    }
}
