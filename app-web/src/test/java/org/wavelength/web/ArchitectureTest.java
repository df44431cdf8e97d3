package org.wavelength.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of the modules, checked on the compiled classes of all three. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.wavelength");
    }

    @Test
    void coreKnowsNeitherIngestNorWeb() {
        noClasses().that().resideInAPackage("org.wavelength.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.wavelength.ingest..", "org.wavelength.web..")
                .check(classes);
    }

    @Test
    void coreKnowsNoFramework() {
        noClasses().that().resideInAPackage("org.wavelength.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "io.quarkus..", "io.smallrye..", "org.hibernate..", "dev.langchain4j..",
                        "org.apache.lucene..", "io.qdrant..", "com.fasterxml..", "io.vertx..")
                .because("the domain and its ports are plain Java; adapters live in app-ingest and app-web")
                .check(classes);
    }

    @Test
    void coreUsesNoRestNorQute() {
        noClasses().that().resideInAPackage("org.wavelength.core..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.quarkus.qute..",
                        "org.jboss.resteasy..")
                .check(classes);
    }

    @Test
    void ingestDoesNotKnowWeb() {
        noClasses().that().resideInAPackage("org.wavelength.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.wavelength.web..", "jakarta.ws.rs..",
                        "io.quarkus.qute..")
                .check(classes);
    }

    @Test
    void theRulesSeeAllThreeModules() {
        // Guards the rules above against passing on an empty import.
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.wavelength.core.service")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.wavelength.ingest.service")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.wavelength.web.rest")).isTrue();
    }
}
