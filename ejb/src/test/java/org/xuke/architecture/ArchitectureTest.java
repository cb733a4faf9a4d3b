package org.xuke.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md and docs/ARCHITECTURE.md as executable rules over the EJB module's
 * classes: a context depends only on contexts below it (upward news travels as CDI events), no
 * cycles between contexts, {@code platform} at the bottom, and no full type names in code where an
 * import would show the dependency (the source rule; the bytecode rules see both alike).
 */
class ArchitectureTest {

    /**
     * Lowest first; contexts in one row are peers (they may use each other, never in a cycle).
     * {@code account} (accounts and the signed-in caller) sits below {@code enterprise}, whose
     * boundary decides scope from the caller; {@code identity} (PKI, seals, e-key requests) above
     * it, since certificates name the enterprise and a first e-key request files it.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("platform"),
            List.of("calendar", "audit", "catalog"),
            List.of("account"),
            List.of("enterprise"),
            List.of("identity"),
            List.of("quota"),
            List.of("licence"),
            List.of("customs"),
            List.of("closure", "application"),
            List.of("reconciliation", "notification", "statistics"),
            List.of("demo"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xuke");
    }

    /** One rule per layer: its classes depend on nothing above it. */
    static List<ArchRule> layerRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = LAYERS.subList(i + 1, LAYERS.size()).stream().flatMap(List::stream)
                    .map(c -> "org.xuke." + c + "..").toList();
            if (above.isEmpty()) {
                continue;
            }
            String[] own = LAYERS.get(i).stream().map(c -> "org.xuke." + c + "..").toArray(String[]::new);
            rules.add(noClasses().that().resideInAnyPackage(own).should().dependOnClassesThat()
                    .resideInAnyPackage(above.toArray(String[]::new))
                    .because("a context imports only the contexts below it (DESIGN.md); upward news is a CDI event"));
        }
        return rules;
    }

    static ArchRule noCycles() {
        return slices().matching("org.xuke.(*)..").should().beFreeOfCycles()
                .because("contexts form layers, not a web");
    }

    @Test
    void eachContextImportsOnlyTheContextsBelowIt() {
        layerRules().forEach(rule -> rule.check(classes));
    }

    @Test
    void theContextsHaveNoCycles() {
        noCycles().check(classes);
    }

    @Test
    void everyPackageOfTheModuleHasItsPlaceInTheLayers() {
        List<String> known = LAYERS.stream().flatMap(List::stream).toList();
        List<String> contexts = classes.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("org.xuke.") && !p.startsWith("org.xuke.reports"))
                .map(p -> p.substring("org.xuke.".length()).split("\\.")[0]).distinct().sorted().toList();
        assertThat(known).as("a new context is placed in LAYERS (and in docs/ARCHITECTURE.md)")
                .containsAll(contexts);
    }

    @Test
    void theReportsLibraryKnowsNoContext() {
        noClasses().that().resideInAPackage("org.xuke.reports..").should().dependOnClassesThat()
                .resideInAnyPackage(LAYERS.stream().flatMap(List::stream).map(c -> "org.xuke." + c + "..")
                        .toArray(String[]::new)).check(classes);
    }

    /** The rules themselves: a planted cycle and a planted upward import (test fixtures) are found. */
    @Test
    void theRulesFindAPlantedCycleAndAnUpwardDependency() {
        JavaClasses planted = new ClassFileImporter().importPackages("org.xuke.archfixture");
        EvaluationResult cycles = slices().matching("org.xuke.archfixture.(*)..").should().beFreeOfCycles()
                .evaluate(planted);
        assertThat(cycles.hasViolation()).isTrue();
        assertThat(cycles.getFailureReport().toString()).contains("low", "high");
        EvaluationResult upward = noClasses().that().resideInAPackage("org.xuke.archfixture.low..").should()
                .dependOnClassesThat().resideInAPackage("org.xuke.archfixture.high..").evaluate(planted);
        assertThat(upward.hasViolation()).isTrue();
    }

    /**
     * A type of another package written out in full in code hides the dependency from a reader of
     * the imports; it is imported instead (strings and comments may name types).
     */
    @Test
    void noFullTypeNamesInCode() throws IOException {
        Pattern qualified = Pattern.compile("(?<![\\w.\"])org\\.xuke\\.[a-z.]+\\.[A-Z]\\w*");
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../web/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int n = 0; n < lines.size(); n++) {
                        String code = codeOf(lines.get(n));
                        Matcher m = qualified.matcher(code);
                        if (m.find()) {
                            found.add(file + ":" + (n + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(found).as("full type names in code").isEmpty();
    }

    /** The line without import/package statements, comments and string literals. */
    private static String codeOf(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("import ") || trimmed.startsWith("package ") || trimmed.startsWith("*")
                || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            return "";
        }
        String[] parts = line.split("\"", -1);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < parts.length; i += 2) {
            code.append(parts[i]).append(' ');
        }
        int comment = code.indexOf("//");
        return comment >= 0 ? code.substring(0, comment) : code.toString();
    }
}
