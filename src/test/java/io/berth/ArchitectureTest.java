package io.berth;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.berth.store.StoredDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of shared/DESIGN.md: which packages may depend on which. */
class ArchitectureTest {

    /** One package per AWS API. */
    private static final List<String> SERVICES = List.of("ecs", "iam", "ec2", "logs");

    /**
     * The narrow interfaces a service offers the others, and nothing more: ECS launches tasks into
     * EC2's networks and gives tasks their IAM role's credentials.
     */
    private static final Set<String> CROSS_SERVICE_INTERFACES = Set.of(
            "io.berth.ec2.Networks", "io.berth.ec2.ResolvedNetwork", "io.berth.ec2.Eni",
            "io.berth.iam.TaskRoleSessions", "io.berth.iam.StsSession");

    /**
     * Wire shapes stored documents still embed, frozen as found: EC2's and IAM's resource tags
     * (and an interface's security groups) are kept as the Query records that carry them.
     */
    private static final Set<String> FROZEN_STORED_WIRE_TYPES = Set.of(
            "io.berth.ec2.Ec2Messages$Tag", "io.berth.ec2.Ec2Messages$GroupIdentifier",
            "io.berth.iam.model.IamShapes$Tag");

    /** The classes holding a service's wire records, named as Ec2Messages or IamShapes are. */
    private static final Pattern WIRE_SHAPE_HOLDER = Pattern.compile(".*\\.[A-Za-z0-9]+(Requests|Responses|Messages|Shapes)");

    private static JavaClasses classes;

    @BeforeAll
    static void importMain() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.berth");
    }

    @Test
    void edgeAndKitDependOnNoService() {
        noClasses().that().resideInAnyPackage("io.berth.edge..", "io.berth.kit..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackages(SERVICES))
                .check(classes);
    }

    @Test
    void thePolicyEngineDependsOnNoEdgeType() {
        noClasses().that().resideInAPackage("io.berth.iam.policy..")
                .should().dependOnClassesThat().resideInAPackage("io.berth.edge..")
                .check(classes);
    }

    @Test
    void theStoreDependsOnNoEdgeTypeAndNoService() {
        noClasses().that().resideInAPackage("io.berth.store..")
                .should().dependOnClassesThat().resideInAPackage("io.berth.edge..")
                .orShould().dependOnClassesThat().resideInAnyPackage(servicePackages(SERVICES))
                .check(classes);
    }

    @Test
    void servicesReachEachOtherOnlyThroughTheirNarrowInterfaces() {
        for (String service : SERVICES) {
            List<String> others = SERVICES.stream().filter(s -> !s.equals(service)).toList();
            // iam.policy is part of iam: reaching it from another service is reaching IAM's internals.
            noClasses().that().resideInAPackage("io.berth." + service + "..")
                    .should().dependOnClassesThat(resideInAnyPackage(servicePackages(others))
                            .and(notNamed(CROSS_SERVICE_INTERFACES)))
                    .check(classes);
        }
    }

    /** The service scheduler's planner is a pure function: no storage, no HTTP, no containers, no networks. */
    @Test
    void theSchedulerPlannerIsPure() {
        noClasses().that().resideInAPackage("io.berth.ecs.scheduler..")
                .should().dependOnClassesThat().resideInAnyPackage("io.berth.store..", "io.berth.edge..",
                        "io.berth.runtime..", "io.berth.net..", "io.berth.control..", "com.github.dockerjava..",
                        "java.io..", "java.nio..", "java.net..", "java.sql..")
                .check(classes);
    }

    /**
     * What the store keeps is the store's own shape: a stored document (and each record nested in
     * one) depends on no wire shape (a {@code model} package, an edge type, a service's
     * Requests/Responses/Messages/Shapes records) and on no other service, so neither an API nor a
     * neighbour can change what is on disk by changing its classes.
     */
    @Test
    void storedDocumentsDependOnNoWireShapeAndNoOtherService() {
        for (String service : SERVICES) {
            List<String> others = SERVICES.stream().filter(s -> !s.equals(service)).toList();
            noClasses().that(storedDocuments()).and().resideInAPackage("io.berth." + service + "..")
                    .should().dependOnClassesThat(wireShapes().or(resideInAnyPackage(servicePackages(others)))
                            .and(notNamed(FROZEN_STORED_WIRE_TYPES)))
                    .check(classes);
        }
    }

    private static DescribedPredicate<JavaClass> storedDocuments() {
        return DescribedPredicate.describe("are stored documents or nested in one", ArchitectureTest::isStoredDocument);
    }

    private static boolean isStoredDocument(JavaClass c) {
        return c.isAssignableTo(StoredDocument.class)
                || c.getEnclosingClass().map(ArchitectureTest::isStoredDocument).orElse(false);
    }

    private static DescribedPredicate<JavaClass> wireShapes() {
        return resideInAnyPackage("..model..", "io.berth.edge..").or(DescribedPredicate.describe(
                "are nested in a service's wire records",
                c -> WIRE_SHAPE_HOLDER.matcher(c.getName().replaceAll("\\$.*", "")).matches()));
    }

    private static String[] servicePackages(List<String> services) {
        return services.stream().map(s -> "io.berth." + s + "..").toArray(String[]::new);
    }

    private static DescribedPredicate<JavaClass> notNamed(Set<String> names) {
        return DescribedPredicate.describe("not one of " + names, c -> !names.contains(c.getName()));
    }
}
