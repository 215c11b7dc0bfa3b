package clinic.testsupport.checks;

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
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The architecture rules both services hold to (README, "Code layout"), for their {@code ArchitectureTest}s. Types
 * are named as strings so that this module needs no JAX-RS or REST client API.
 */
public final class ArchitectureRules {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";

    private ArchitectureRules() {}

    /**
     * The service's main classes under {@code root}, no test classes (so no planted fixture); {@code aMainClass} proves
     * the import found the compiled classes at all.
     */
    public static JavaClasses mainClasses(String root, String aMainClass) {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        assertThat(main.contain(aMainClass))
                .as("the main classes were imported")
                .isTrue();
        assertThat(main.containPackage(root + ".archfixture")).isFalse();
        return main;
    }

    /** No cycle between the feature packages directly under {@code root} (each with its sub-packages). */
    public static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .because("imports run one way, from a feature down to the features and layers it builds on");
    }

    /**
     * Proves {@link #noCyclesBetweenFeatures} can fail: under {@code fixtureRoot} (test classes) a service plants two
     * packages {@code a} and {@code b}, one class each, that import each other.
     */
    public static void assertTheCycleRuleFailsOnAPlantedCycle(String fixtureRoot) {
        JavaClasses planted = new ClassFileImporter().importPackages(fixtureRoot);
        assertThat(planted).hasSize(2);

        EvaluationResult result = noCyclesBetweenFeatures(fixtureRoot).evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("feature a", "feature b");
        assertThatThrownBy(() -> noCyclesBetweenFeatures(fixtureRoot).check(planted))
                .isInstanceOf(AssertionError.class);
    }

    /** Nothing under {@code root} uses classes of another service or the portal (given as package patterns). */
    public static ArchRule nothingDependsOn(String root, String... otherCodePackages) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(otherCodePackages)
                .because("services talk over HTTP (outbound), never through each other's classes");
    }

    /** MicroProfile REST clients are interfaces in {@code root.outbound} only. */
    public static ArchRule onlyOutboundHoldsRestClients(String root) {
        return classes()
                .that()
                .areAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")
                .should()
                .resideInAPackage(root + ".outbound..")
                .andShould()
                .beInterfaces();
    }

    /**
     * A resource (a class named {@code …Resource} or annotated {@code @Path}) is HTTP only: neither it nor any of its
     * methods is {@code @Transactional}.
     */
    public static ArchRule noTransactionInResources() {
        String because = "a resource is HTTP only; its service holds the transaction";
        return CompositeArchRule.of(noClasses()
                        .that()
                        .haveSimpleNameEndingWith("Resource")
                        .or()
                        .areAnnotatedWith(PATH)
                        .should()
                        .beAnnotatedWith(TRANSACTIONAL)
                        .because(because))
                .and(noMethods()
                        .that()
                        .areDeclaredInClassesThat()
                        .haveSimpleNameEndingWith("Resource")
                        .or()
                        .areDeclaredInClassesThat()
                        .areAnnotatedWith(PATH)
                        .should()
                        .beAnnotatedWith(TRANSACTIONAL)
                        .because(because));
    }
}
