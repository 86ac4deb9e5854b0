package org.anchormarket.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout every service keeps (docs/development.md), checked by each service's {@code LayeringTest}:
 * {@code rest} → {@code service} → {@code domain}; {@code mapping} belongs to the REST edge; {@code messaging}
 * (consumers) calls services; only {@code rest} and {@code mapping} touch the API's generated interfaces and
 * models; neither {@code service} nor {@code domain} depends on Jackson; neither {@code service}, {@code domain} nor
 * {@code messaging} names an HTTP status or type (they throw the chassis'
 * domain exceptions); no cycles between the packages.
 */
public final class Layering {

    private Layering() {
    }

    /** Checks the service whose code is under {@code base} (e.g. org.anchormarket.supplier), API {@code api}. */
    public static void check(String base, String api) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("rest").definedBy(base + ".rest..")
                .layer("mapping").definedBy(base + ".mapping..")
                .layer("messaging").definedBy(base + ".messaging..")
                .layer("service").definedBy(base + ".service..")
                .layer("domain").definedBy(base + ".domain..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("mapping").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "mapping", "messaging")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "mapping", "messaging", "service")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(base + ".rest..", base + ".mapping..")
                .should().dependOnClassesThat().resideInAnyPackage(api + ".api..", api + ".model..")
                .because("only the REST edge knows the API's generated interfaces and models")
                .check(classes);
        noClasses().that().resideInAnyPackage(base + ".service..", base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .because("JSON is the edge's business")
                .check(classes);
        noClasses().that().resideInAnyPackage(base + ".service..", base + ".domain..", base + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.anchormarket.chassis.problem..",
                        "org.anchormarket.chassis.rest..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("services and the domain throw domain exceptions in their own words; the REST edge maps "
                        + "them to HTTP")
                .check(classes);
        slices().matching(base + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
