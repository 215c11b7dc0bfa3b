package clinic.program;

import static clinic.testsupport.checks.ArchitectureRules.assertTheCycleRuleFailsOnAPlantedCycle;
import static clinic.testsupport.checks.ArchitectureRules.mainClasses;
import static clinic.testsupport.checks.ArchitectureRules.noCyclesBetweenFeatures;
import static clinic.testsupport.checks.ArchitectureRules.noTransactionInResources;
import static clinic.testsupport.checks.ArchitectureRules.nothingDependsOn;
import static clinic.testsupport.checks.ArchitectureRules.onlyOutboundHoldsRestClients;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of program-service (README, "Code layout"), checked on its compiled main classes with test-support's
 * {@code ArchitectureRules}: feature packages import one another one way only (and the rule is shown to fail on the
 * cycle planted under {@code clinic.program.archfixture}), nothing imports another service's or the portal's code,
 * REST clients live in {@code outbound}, and transactions start in services, never in resources. A plain unit test:
 * no Quarkus, no database.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = mainClasses("clinic.program", "clinic.program.alert.AlertResource");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        noCyclesBetweenFeatures("clinic.program").check(main);
    }

    @Test
    void theCycleRuleFailsOnAPlantedCycle() {
        assertTheCycleRuleFailsOnAPlantedCycle("clinic.program.archfixture");
    }

    @Test
    void nothingDependsOnAnotherServiceOrThePortal() {
        nothingDependsOn("clinic.program", "clinic.patient..", "clinic.portal..")
                .check(main);
    }

    @Test
    void restClientsLiveInOutbound() {
        onlyOutboundHoldsRestClients("clinic.program").check(main);
    }

    @Test
    void resourcesStartNoTransaction() {
        noTransactionInResources().check(main);
    }
}
