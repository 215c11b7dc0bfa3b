package clinic.patient;

import static clinic.testsupport.checks.ArchitectureRules.assertTheCycleRuleFailsOnAPlantedCycle;
import static clinic.testsupport.checks.ArchitectureRules.mainClasses;
import static clinic.testsupport.checks.ArchitectureRules.noCyclesBetweenFeatures;
import static clinic.testsupport.checks.ArchitectureRules.noTransactionInResources;
import static clinic.testsupport.checks.ArchitectureRules.nothingDependsOn;
import static clinic.testsupport.checks.ArchitectureRules.onlyOutboundHoldsRestClients;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of patient-service (README "Code layout"), checked on its main classes with test-support's
 * {@code ArchitectureRules}: feature packages import one way, nothing of another service or the portal, REST clients
 * only in {@code outbound}, resources leave data and transactions to services.
 * {@link #theCycleRuleFailsOnAPlantedCycle} proves the cycle rule can fail, on the classes under
 * {@code clinic.patient.archfixture}.
 */
class ArchitectureTest {

    private static JavaClasses service;

    @BeforeAll
    static void importMainClasses() {
        service = mainClasses("clinic.patient", "clinic.patient.registry.PatientResource");
    }

    @Test
    void featurePackagesImportOneWay() {
        noCyclesBetweenFeatures("clinic.patient").check(service);
    }

    @Test
    void theCycleRuleFailsOnAPlantedCycle() {
        assertTheCycleRuleFailsOnAPlantedCycle("clinic.patient.archfixture");
    }

    @Test
    void nothingOfAnotherServiceOrThePortal() {
        nothingDependsOn("clinic.patient", "clinic.program..", "clinic.portal..")
                .check(service);
    }

    @Test
    void restClientsLiveInOutbound() {
        onlyOutboundHoldsRestClients("clinic.patient").check(service);
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
        noTransactionInResources().check(service);
    }
}
