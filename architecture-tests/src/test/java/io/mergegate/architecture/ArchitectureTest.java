package io.mergegate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The module structure as sentences: dependencies point inward to core. Each rule runs as a plain
 * JUnit test over the production classes of every module.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mergegate");

    @TestFactory
    Stream<DynamicTest> rules() {
        return Stream.of(
                modules_respect_the_dependency_direction, core_depends_only_on_the_jdk,
                reports_depend_only_on_core_and_the_jdk, checker_families_do_not_depend_on_each_other,
                checkers_never_see_git, checkers_do_not_read_the_repository_from_disk, only_the_cli_exits,
                nothing_but_the_cli_prints)
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(CLASSES)));
    }

    static final ArchRule modules_respect_the_dependency_direction = layeredArchitecture().consideringOnlyDependenciesInLayers()
            // The Maven plugin is a separate build; its layer is empty when only the CLI is on the class path.
            .withOptionalLayers(true)
            .layer("Core").definedBy("io.mergegate.core..")
            .layer("Rules").definedBy("io.mergegate.rules..")
            .layer("Checkers").definedBy("io.mergegate.checkers..")
            .layer("Reports").definedBy("io.mergegate.reports..")
            .layer("Engine").definedBy("io.mergegate.engine..")
            .layer("Cli").definedBy("io.mergegate.cli..")
            .layer("Plugin").definedBy("io.mergegate.maven..")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Plugin").mayNotBeAccessedByAnyLayer()
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Cli", "Plugin")
            .whereLayer("Checkers").mayOnlyBeAccessedByLayers("Cli", "Plugin")
            .whereLayer("Reports").mayOnlyBeAccessedByLayers("Cli", "Plugin")
            .whereLayer("Rules").mayOnlyBeAccessedByLayers("Engine", "Cli", "Plugin");

    static final ArchRule core_depends_only_on_the_jdk = classes().that().resideInAPackage("io.mergegate.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.mergegate.core..");

    static final ArchRule reports_depend_only_on_core_and_the_jdk = classes().that()
            .resideInAPackage("io.mergegate.reports..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.xml..", "io.mergegate.core..",
                    "io.mergegate.reports..");

    static final ArchRule checker_families_do_not_depend_on_each_other =
            slices().matching("io.mergegate.checkers.(*)..").should().notDependOnEachOther();

    static final ArchRule checkers_never_see_git = noClasses().that().resideInAPackage("io.mergegate.checkers..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..");

    static final ArchRule checkers_do_not_read_the_repository_from_disk = noClasses().that()
            .resideInAPackage("io.mergegate.checkers..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
            .because("checkers get base and head as source trees from core, which is what makes fixtures plain folders");

    static final ArchRule only_the_cli_exits = noClasses().that().resideOutsideOfPackage("io.mergegate.cli..")
            .should().callMethod(System.class, "exit", int.class);

    static final ArchRule nothing_but_the_cli_prints = noClasses().that().resideOutsideOfPackage("io.mergegate.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("reports write to the Writer they are given and checkers return findings; only the CLI owns the terminal");
}
