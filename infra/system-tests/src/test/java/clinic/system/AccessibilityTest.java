package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;

/**
 * Every page of every role passes axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules in chromium, with 0
 * violations: the pages of {@link PortalPagesTest}'s table as each demo account sees them (a refused page once per
 * role, since every refusal is the same page), and the public pages signed out.
 */
class AccessibilityTest {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    /**
     * Rules a page still breaks, by page address and role, until its group of pages is reworked: each entry is a
     * known violation with its rule id. An empty map is the goal; a page that now passes must leave it.
     */
    static final Map<String, Set<String>> KNOWN = new LinkedHashMap<>();

    static SystemStack stack;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
    }

    /**
     * A subset while working on a group of pages: {@code -Daxe.only=<regex>} checks only the paths it finds. CI runs
     * them all.
     */
    static final java.util.regex.Pattern ONLY = java.util.regex.Pattern.compile(System.getProperty("axe.only", ""));

    /** The pages a role is shown, as {@code path → what the table expects}. */
    static Map<String, PortalPagesTest.Expect> pages(String role) {
        Map<String, PortalPagesTest.Expect> pages = new LinkedHashMap<>();
        Set<PortalPagesTest.Expect> refusals = new HashSet<>();
        for (PortalPagesTest.Row row : PortalPagesTest.TABLE) {
            PortalPagesTest.Expect expect = row.roles().get(role);
            if (!row.method().equals("GET")
                    || expect == PortalPagesTest.Expect.LOGIN
                    || !isPage(row.path())
                    || !ONLY.matcher(row.path()).find()) {
                continue;
            }
            // A refusal is one page however it is reached: check it once per role.
            if (expect != PortalPagesTest.Expect.OK && !refusals.add(expect)) {
                continue;
            }
            // physio2 sees the same pages as physio where both may look; only the refusals (the care-team page) differ.
            if (role.equals("physio2")
                    && expect == PortalPagesTest.Expect.OK
                    && row.roles().get("physio") == PortalPagesTest.Expect.OK) {
                continue;
            }
            pages.put(row.path(), expect);
        }
        return pages;
    }

    /** HTML pages only: not the CSV, SVG, picture and FHIR downloads. */
    static boolean isPage(String path) {
        String p = path.split("\\?")[0];
        return !p.endsWith(".csv")
                && !p.endsWith(".svg")
                && !p.startsWith("/media/")
                && !p.endsWith("/fhir")
                && !p.startsWith("/logout")
                && !p.startsWith("/language/");
    }

    @TestFactory
    List<DynamicTest> everyPageOfEveryRolePassesAxe() {
        List<DynamicTest> tests = new ArrayList<>();
        // "@es": the same account with the portal switched to Spanish (the lang cookie the switcher sets).
        for (String role : List.of(
                "anonymous",
                "patient",
                "physio",
                "physio2",
                "admin",
                "anonymous@es",
                "patient@es",
                "physio@es",
                "admin@es")) {
            tests.add(DynamicTest.dynamicTest("the pages " + role + " is shown", () -> checkRole(role)));
        }
        return tests;
    }

    @org.junit.jupiter.api.Test
    void axeFindsWhatItLooksFor() {
        // The check itself: a page with an image without a text alternative and a field without a label fails.
        try (Browser browser = new Browser()) {
            browser.driver.get("data:text/html,<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main>"
                    + "<h1>t</h1><img src=x.png><input type=text></main></body></html>");
            List<String> found = violations(browser, "a broken page", Set.of());
            assertThat(found).anyMatch(v -> v.contains(": image-alt ")).anyMatch(v -> v.contains(": label "));
        }
    }

    private static void checkRole(String visitor) {
        String role = visitor.split("@")[0];
        String language = visitor.contains("@") ? visitor.split("@")[1] : null;
        List<String> found = new ArrayList<>();
        Map<String, PortalPagesTest.Expect> pages = pages(role);
        if (ONLY.pattern().isEmpty()) {
            assertThat(pages).as("pages shown to %s", role).isNotEmpty();
        }
        try (Browser browser = new Browser()) {
            if (!role.equals("anonymous")) {
                browser.driver.get(stack.portal() + "/");
                browser.logIn(role, role);
                browser.waitForUrlStartingWith(stack.portal());
                browser.waitFor(By.tagName("main"));
            }
            if (language != null) {
                browser.driver.get(stack.portal() + "/session-expired");
                browser.driver.manage().addCookie(new org.openqa.selenium.Cookie("lang", language, "/"));
            }
            for (String path : pages.keySet()) {
                browser.driver.get(stack.portal() + path);
                browser.waitFor(By.tagName("main"));
                if (language != null) {
                    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                            .as("%s as %s", path, visitor)
                            .isEqualTo(language);
                }
                found.addAll(violations(
                        browser, path + " as " + visitor, KNOWN.getOrDefault(path + " as " + visitor, Set.of())));
            }
        }
        System.out.println(
                "axe-core checked " + pages.size() + " pages as " + visitor + ": " + found.size() + " violations");
        assertThat(found).as("WCAG A/AA violations found by axe-core").isEmpty();
    }

    /** axe-core's violations on the page the browser shows, less the known ones, as readable lines. */
    static List<String> violations(Browser browser, String where, Set<String> known) {
        Results results = new AxeBuilder().withTags(TAGS).analyze(browser.driver);
        List<String> lines = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (known.contains(rule.getId())) {
                continue;
            }
            String nodes = rule.getNodes().stream()
                    .limit(5)
                    .map(n -> n.getTarget()
                            + (n.getFailureSummary() == null
                                    ? ""
                                    : " (" + n.getFailureSummary().replace('\n', ' ') + ")"))
                    .collect(Collectors.joining("; "));
            lines.add(where + ": " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " → " + nodes);
        }
        return lines;
    }
}
