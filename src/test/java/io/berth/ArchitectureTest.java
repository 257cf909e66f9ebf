package io.berth;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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
     * Violations frozen as found, to be removed, not added to: the policy engine throws the edge's
     * AwsException (it should answer its own error type the edge maps), and the store uses the
     * edge's JSON mapper (it should have its own, so stored documents do not follow the wire's).
     */
    private static final Set<String> FROZEN_POLICY_EDGE_TYPES = Set.of("io.berth.edge.AwsException");
    private static final Set<String> FROZEN_STORE_EDGE_TYPES = Set.of("io.berth.edge.json.JsonCodec");

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
                .should().dependOnClassesThat(resideInAPackage("io.berth.edge..").and(notNamed(FROZEN_POLICY_EDGE_TYPES)))
                .check(classes);
    }

    @Test
    void theStoreDependsOnNoEdgeTypeAndNoService() {
        noClasses().that().resideInAPackage("io.berth.store..")
                .should().dependOnClassesThat(resideInAPackage("io.berth.edge..").and(notNamed(FROZEN_STORE_EDGE_TYPES)))
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

    private static String[] servicePackages(List<String> services) {
        return services.stream().map(s -> "io.berth." + s + "..").toArray(String[]::new);
    }

    private static DescribedPredicate<JavaClass> notNamed(Set<String> names) {
        return DescribedPredicate.describe("not one of " + names, c -> !names.contains(c.getName()));
    }
}
