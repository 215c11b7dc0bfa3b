package clinic.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;

/**
 * The portal's code layout (README "Code layout"): imports run downward, features → {@code session} →
 * {@code common} → {@code outbound}; no cycle between the top-level packages; no feature reaches into another; only
 * {@code outbound} declares REST clients. The cycle rule is also run on a planted cycle ({@code archfixture}, test code)
 * to prove it can fail.
 */
class ArchitectureTest {

    private static final String PORTAL = "clinic.portal";
    private static final String FIXTURE = "clinic.portal.archfixture";

    /** The packages every feature may use; each other top-level package is a feature. */
    private static final Set<String> SHARED = Set.of("common", "session", "outbound", "i18n");

    /** The portal's own classes: main code only, so neither the tests nor the planted cycle count. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/archfixture/"))
            .importPackages(PORTAL);

    /** No cycle between the packages directly below {@code root} (each with its sub-packages). */
    static ArchRule noCyclesBetweenPackagesBelow(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void noCycleBetweenThePortalsTopLevelPackages() {
        noCyclesBetweenPackagesBelow(PORTAL).check(CLASSES);
    }

    @Test
    void theCycleRuleFailsOnAPlantedCycle() {
        JavaClasses planted = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(planted.contain("clinic.portal.archfixture.a.PlantedA")).isTrue();

        EvaluationResult result = noCyclesBetweenPackagesBelow(FIXTURE).evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("PlantedA").contains("PlantedB");
    }

    @Test
    void onlyOutboundDeclaresRestClients() {
        classes()
                .that()
                .areAnnotatedWith(RegisterRestClient.class)
                .should()
                .resideInAPackage(PORTAL + ".outbound..")
                .check(CLASSES);
    }

    @Test
    void noFeatureUsesAnotherFeature() {
        slices().matching(PORTAL + ".(*)..")
                .that(DescribedPredicate.describe(
                        "are features (not " + String.join(", ", SHARED) + ")",
                        (Slice slice) -> !SHARED.contains(slice.getNamePart(1))))
                .should()
                .notDependOnEachOther()
                .check(CLASSES);
    }

    @Test
    void sharedPackagesImportDownwardOnly() {
        noClasses()
                .that()
                .resideInAPackage(PORTAL + ".i18n..")
                .should()
                .dependOnClassesThat(portalPackageOtherThan("i18n"))
                .check(CLASSES);
        // the request's language (i18n) is the bottom layer: the services' calls carry it, every page words with it
        noClasses()
                .that()
                .resideInAPackage(PORTAL + ".outbound..")
                .should()
                .dependOnClassesThat(portalPackageOtherThan("outbound", "i18n"))
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage(PORTAL + ".common..")
                .should()
                .dependOnClassesThat(portalPackageOtherThan("common", "outbound", "i18n"))
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage(PORTAL + ".session..")
                .should()
                .dependOnClassesThat(portalPackageOtherThan("session", "common", "outbound", "i18n"))
                .check(CLASSES);
    }

    /** Classes of the portal outside the named top-level packages. */
    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> portalPackageOtherThan(
            String... allowed) {
        Set<String> ok = Set.of(allowed);
        return DescribedPredicate.describe(
                "are in a portal package other than " + String.join(", ", allowed), javaClass -> {
                    String name = javaClass.getPackageName();
                    if (!name.startsWith(PORTAL + ".")) {
                        return false;
                    }
                    String top = name.substring(PORTAL.length() + 1).split("\\.", 2)[0];
                    return !ok.contains(top);
                });
    }
}
