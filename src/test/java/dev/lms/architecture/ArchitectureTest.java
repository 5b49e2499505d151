package dev.lms.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import jakarta.persistence.Entity;

/**
 * The structure the README's project layout describes, checked on the compiled main classes: packages that do not
 * depend on each other in a circle, and HTTP kept in the web layer and the resources. (Rules are methods, not fields,
 * so that Surefire's {@code -Dtest} filter selects them.)
 */
@AnalyzeClasses(
        packages = "dev.lms",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String[] HTTP = {"jakarta.ws.rs..", "org.jboss.resteasy..", "dev.lms.web.."};

    /** Each top-level package (a feature, web, db, crud, ...) with everything under it is one slice. */
    @ArchTest
    void packagesDependOnEachOtherWithoutCycles(JavaClasses classes) {
        slices().matching("dev.lms.(*)..").should().beFreeOfCycles().check(classes);
    }

    @ArchTest
    void servicesAndPoliciesSpeakTheDomainNotHttp(JavaClasses classes) {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .or()
                .haveSimpleNameEndingWith("Policy")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(HTTP)
                .check(classes);
    }

    @ArchTest
    void entitiesKnowNothingOfHttp(JavaClasses classes) {
        noClasses()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(HTTP)
                .check(classes);
    }

    @ArchTest
    void sharedLayersBelowTheWebKnowNothingOfHttp(JavaClasses classes) {
        noClasses()
                .that()
                .resideInAnyPackage("dev.lms.crud..", "dev.lms.access..", "dev.lms.persistence..", "dev.lms.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(HTTP)
                .check(classes);
    }
}
