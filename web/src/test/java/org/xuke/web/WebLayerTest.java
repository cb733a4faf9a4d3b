package org.xuke.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portals call the contexts only through their boundaries (the {@code @Stateless} and
 * {@code @Singleton} services that are transaction boundaries) and the values those return: never a
 * context's internal helper beans, never a bean that only joins another's transaction, never the
 * persistence layer. The signed-in caller is read through {@code account.Callers}, the account
 * context's way to say who is asking.
 */
class WebLayerTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.xuke");
    }

    /** A context's bean that is not its boundary: a CDI helper, or an EJB that only joins a running transaction. */
    static final DescribedPredicate<JavaClass> INTERNAL_BEANS = new DescribedPredicate<>(
            "internal beans of a context (CDI helpers, transaction-joining EJBs)") {
        @Override
        public boolean test(JavaClass type) {
            if (!type.getPackageName().startsWith("org.xuke.") || type.getPackageName().startsWith("org.xuke.web")
                    || type.getName().equals("org.xuke.account.Callers")) {
                return false;
            }
            boolean helper = type.isAnnotatedWith(Dependent.class) || type.isAnnotatedWith(ApplicationScoped.class)
                    || type.isAnnotatedWith(RequestScoped.class);
            boolean joining = type.tryGetAnnotationOfType(TransactionAttribute.class)
                    .map(a -> a.value() == TransactionAttributeType.MANDATORY).orElse(false);
            return helper || joining;
        }
    };

    @Test
    void theWebLayerUsesOnlyTheBoundariesOfTheContexts() {
        noClasses().that().resideInAPackage("org.xuke.web..").should().dependOnClassesThat(INTERNAL_BEANS)
                .because("the portals call a context through its boundary").check(classes);
    }

    @Test
    void theWebLayerNeverTouchesThePersistenceLayer() {
        noClasses().that().resideInAPackage("org.xuke.web..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..").check(classes);
    }

    @Test
    void noContextKnowsTheWebLayer() {
        noClasses().that().resideOutsideOfPackage("org.xuke.web..").and().resideInAPackage("org.xuke..").should()
                .dependOnClassesThat().resideInAPackage("org.xuke.web..").check(classes);
    }
}
