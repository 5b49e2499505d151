package dev.lms.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;

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

    /**
     * Who may see what is typed criteria over the static metamodel, so that a misspelt attribute fails the compile: the
     * policies, the membership scopes and the course checks run no query written as an HQL string.
     */
    @ArchTest
    void permissionRulesQueryWithTypedCriteriaNotHqlStrings(JavaClasses classes) {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Policy")
                .or()
                .implement(Membership.class)
                .or()
                .belongToAnyOf(CourseAccess.class)
                .should()
                .callMethodWhere(HQL_STRING_QUERY)
                .check(classes);
    }

    private static final DescribedPredicate<JavaMethodCall> HQL_STRING_QUERY = DescribedPredicate.describe(
            "a query written as an HQL string (Panache's find/count/list/delete, EntityManager.createQuery)",
            call -> !call.getTarget().getRawParameterTypes().isEmpty()
                    && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class)
                    && (call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                            || call.getTargetOwner().isAssignableTo(EntityManager.class)));
}
