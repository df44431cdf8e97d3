package org.wavelength.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the modules and of the packages inside them, checked on the compiled
 * classes of all three modules. Every rule is written for a root package, so that it is checked twice:
 * on {@code org.wavelength}, where it must hold, and on {@code org.wavelength.brokenrules} (test
 * classes built to break each rule once), where it must fail; a rule that cannot fail checks nothing.
 */
class DependencyRuleTests {

    static final String ROOT = "org.wavelength";
    /** Test classes that break every rule below, each in the package its rule is about. */
    static final String BROKEN = "org.wavelength.brokenrules";

    static JavaClasses main;
    static JavaClasses broken;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        broken = new ClassFileImporter().importPackages(BROKEN);
    }

    /** The rules, by name, for the packages under {@code root}. */
    static Map<String, ArchRule> rules(String root) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        String core = root + ".core";
        String web = root + ".web";
        String[] adapters = {web + ".persistence..", web + ".vector..", web + ".embedding.."};
        String[] entries = {web + ".rest..", web + ".page..", web + ".chat.."};

        // --- Modules
        rules.put("core knows neither ingest nor web", noClasses().that().resideInAPackage(core + "..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".ingest..", web + "..")
                .because("the core is what both build on"));
        rules.put("core knows no framework", noClasses().that().resideInAPackage(core + "..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..",
                        "org.hibernate..", "dev.langchain4j..", "org.apache.lucene..", "io.qdrant..", "com.fasterxml..",
                        "io.vertx..", "org.jboss.resteasy..")
                .because("the domain, its ports and its capabilities are plain Java; adapters live in app-ingest and app-web"));
        rules.put("ingest knows no web", noClasses().that().resideInAPackage(root + ".ingest..")
                .should().dependOnClassesThat().resideInAnyPackage(web + "..", "jakarta.ws.rs..", "io.quarkus.qute..")
                .because("the ingest worker runs without the web application"));

        // --- Capabilities of the core: assistant > search, recommend > index > port > domain; listener > recommend;
        // browse > port
        rules.put("the domain depends on nothing else of the core", noClasses().that().resideInAPackage(core + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(core + ".port..", core + ".index..", core + ".search..",
                        core + ".recommend..", core + ".listener..", core + ".assistant..", core + ".browse..")
                .because("everything else is written in its terms"));
        rules.put("ports know no capability", noClasses().that().resideInAPackage(core + ".port..")
                .should().dependOnClassesThat().resideInAnyPackage(core + ".index..", core + ".search..",
                        core + ".recommend..", core + ".listener..", core + ".assistant..", core + ".browse..")
                .because("adapters implement ports and must not be tied to the services that use them"));
        rules.put("the index serves the capabilities, never the reverse", noClasses().that().resideInAPackage(core + ".index..")
                .should().dependOnClassesThat().resideInAnyPackage(core + ".search..", core + ".recommend..",
                        core + ".listener..", core + ".assistant..", core + ".browse..")
                .because("search, recommendations and the assistant are built on the index"));
        rules.put("the directory reads the catalogue through ports alone", noClasses().that().resideInAPackage(core + ".browse..")
                .should().dependOnClassesThat().resideInAnyPackage(core + ".index..", core + ".search..",
                        core + ".recommend..", core + ".listener..", core + ".assistant..")
                .because("categories, languages and people are what the catalogue says, not what a model ranks"));
        rules.put("search does not recommend", noClasses().that().resideInAPackage(core + ".search..")
                .should().dependOnClassesThat().resideInAnyPackage(core + ".recommend..", core + ".listener..",
                        core + ".assistant..")
                .because("search and recommendations are siblings on the index; the assistant combines them"));
        rules.put("recommendations do not search", noClasses().that().resideInAPackage(core + ".recommend..")
                .should().dependOnClassesThat().resideInAnyPackage(core + ".search..", core + ".listener..",
                        core + ".assistant..")
                .because("search and recommendations are siblings on the index; the assistant combines them"));
        rules.put("the listener's actions do not use the assistant or search", noClasses().that()
                .resideInAPackage(core + ".listener..")
                .should().dependOnClassesThat().resideInAnyPackage(core + ".search..", core + ".assistant..")
                .because("recording what a listener did only refreshes their profile"));

        // --- Packages of the web application: requests enter through rest, page or chat
        rules.put("the API does not use pages", noClasses().that().resideInAPackage(web + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(web + ".page..")
                .because("both call the same services; what both need lives in core or below them (view, input, error)"));
        rules.put("pages do not use the API", noClasses().that().resideInAPackage(web + ".page..")
                .should().dependOnClassesThat().resideInAPackage(web + ".rest..")
                .because("both call the same services; what both need lives in core or below them (view, input, error)"));
        rules.put("the chat uses neither the API nor the pages", noClasses().that().resideInAPackage(web + ".chat..")
                .should().dependOnClassesThat().resideInAnyPackage(web + ".rest..", web + ".page..")
                .because("the API and the chat page both call the chat's service"));
        rules.put("nothing below the entry points uses them", noClasses().that().resideOutsideOfPackages(entries)
                .should().dependOnClassesThat().resideInAnyPackage(entries)
                .because("views, input, errors, accounts, configuration and adapters serve every entry point alike"));
        rules.put("entry points reach adapters through ports and services", noClasses().that().resideInAnyPackage(entries)
                .should().dependOnClassesThat().resideInAnyPackage(adapters)
                .because("a page or a resource that reads the database itself skips the rules of the service"));
        for (String adapter : adapters) {
            String[] others = Arrays.stream(adapters).filter(other -> !other.equals(adapter)).toArray(String[]::new);
            String name = adapter.substring(web.length() + 1, adapter.length() - 2);
            rules.put("the " + name + " adapter does not call another adapter", noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("adapters meet only through the core's ports"));
        }
        rules.put("API records live in the view package", noClasses().that().resideInAPackage(web + ".rest..")
                .should(beRecords()).because("one shape per concept, shared by the API, the pages and the chat"));
        return rules;
    }

    @Test
    void everyRuleHolds() {
        rules(ROOT).forEach((name, rule) -> rule.check(main));
    }

    @Test
    void everyRuleFailsWhenBroken() {
        rules(BROKEN).forEach((name, rule) ->
                assertThat(rule.evaluate(broken).hasViolation()).as("the classes of %s break: %s", BROKEN, name).isTrue());
    }

    @Test
    void theRulesSeeAllThreeModules() {
        // Guards the rules above against passing on an empty import.
        for (String pkg : new String[] {"core.index", "core.assistant", "core.browse", "ingest.service", "web.rest", "web.page", "web.chat"}) {
            assertThat(main.containPackage(ROOT + "." + pkg)).as(pkg).isTrue();
        }
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (item.isRecord()) {
                    events.add(SimpleConditionEvent.satisfied(item, item.getName() + " is a record"));
                }
            }
        };
    }
}
