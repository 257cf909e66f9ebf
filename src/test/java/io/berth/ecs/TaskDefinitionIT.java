package io.berth.ecs;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TaskDefinitionIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
    }

    @AfterAll
    static void stop() {
        ecs.close();
        berth.close();
    }

    public static RegisterTaskDefinitionRequest fargate(String family, UnaryOperator<ContainerDefinition.Builder> container) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu("256").memory("512")
                .containerDefinitions(container.apply(ContainerDefinition.builder().name("web").image("busybox")).build())
                .build();
    }

    @Test
    void registerReturnsWhatWasSentPlusWhatEcsAdds() {
        TaskDefinition registered = ecs.registerTaskDefinition(fargate("roundtrip", c -> c
                .portMappings(PortMapping.builder().containerPort(8080).build())
                .command("httpd", "-f")
                .environment(KeyValuePair.builder().name("MODE").value("test").build())
                .dockerLabels(java.util.Map.of("team", "core"))
                .interactive(true)
                .startTimeout(30))).taskDefinition();

        assertThat(registered.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/roundtrip:1");
        assertThat(registered.revision()).isEqualTo(1);
        assertThat(registered.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(registered.registeredBy()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(registered.registeredAt()).isNotNull();
        assertThat(registered.compatibilities()).contains(Compatibility.FARGATE);
        assertThat(registered.requiresAttributes()).isNotEmpty();
        ContainerDefinition web = registered.containerDefinitions().getFirst();
        assertThat(web.essential()).isTrue();
        assertThat(web.cpu()).isZero();
        assertThat(web.portMappings()).containsExactly(PortMapping.builder()
                .containerPort(8080).hostPort(8080).protocol(TransportProtocol.TCP).build());
        assertThat(web.command()).containsExactly("httpd", "-f");
        assertThat(web.dockerLabels()).containsEntry("team", "core");
        assertThat(web.interactive()).isTrue();
        assertThat(web.startTimeout()).isEqualTo(30);

        TaskDefinition described = ecs.describeTaskDefinition(r -> r.taskDefinition("roundtrip:1")).taskDefinition();
        assertThat(described).isEqualTo(registered);
    }

    @Test
    void revisionsCountUpPerFamily() {
        for (int i = 1; i <= 3; i++) {
            assertThat(ecs.registerTaskDefinition(fargate("counted", c -> c)).taskDefinition().revision()).isEqualTo(i);
        }
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("counted")).taskDefinition().revision()).isEqualTo(3);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(
                "arn:aws:ecs:us-east-1:000000000000:task-definition/counted:2")).taskDefinition().revision()).isEqualTo(2);
    }

    @Test
    void stringSizesAreNormalised() {
        TaskDefinition registered = ecs.registerTaskDefinition(fargate("sized", c -> c).toBuilder()
                .cpu("1 vCPU").memory("2 GB").build()).taskDefinition();

        assertThat(registered.cpu()).isEqualTo("1024");
        assertThat(registered.memory()).isEqualTo("2048");
    }

    @Test
    void fargateRulesAreEnforcedWithClientException() {
        List<RegisterTaskDefinitionRequest> refused = List.of(
                fargate("bad-mode", c -> c).toBuilder().networkMode(NetworkMode.BRIDGE).build(),
                fargate("bad-size", c -> c).toBuilder().cpu("256").memory("4096").build(),
                fargate("no-cpu", c -> c).toBuilder().cpu(null).build(),
                fargate("bad-port", c -> c.portMappings(PortMapping.builder().containerPort(80).hostPort(8080).build())),
                fargate("too-big", c -> c.memory(1024)),
                fargate("awslogs", c -> c.logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS)
                        .options(java.util.Map.of("awslogs-group", "g", "awslogs-region", "us-east-1",
                                "awslogs-stream-prefix", "p")).build())),
                fargate("none-essential", c -> c.essential(false)),
                fargate("bad family!", c -> c));
        for (RegisterTaskDefinitionRequest request : refused) {
            assertThatThrownBy(() -> ecs.registerTaskDefinition(request)).as(request.family())
                    .isInstanceOf(ClientException.class);
        }
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.ALL)).families())
                .doesNotContain("bad-mode", "bad-size", "no-cpu", "bad-port", "too-big", "awslogs", "none-essential");
    }

    @Test
    void tooManyContainersAreRefused() {
        List<ContainerDefinition> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(ContainerDefinition.builder().name("c" + i).image("busybox").build());
        }
        assertThatThrownBy(() -> ecs.registerTaskDefinition(fargate("crowded", c -> c).toBuilder()
                .containerDefinitions(eleven).build())).isInstanceOf(ClientException.class);
    }

    @Test
    void describeUnknownIsClientException() {
        assertThatThrownBy(() -> ecs.describeTaskDefinition(r -> r.taskDefinition("never-registered")))
                .isInstanceOfSatisfying(ClientException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to describe task definition."));
    }

    @Test
    void listTaskDefinitionsFiltersSortsAndPaginates() {
        for (int i = 0; i < 5; i++) {
            ecs.registerTaskDefinition(fargate("listed", c -> c));
        }
        ecs.registerTaskDefinition(fargate("listed-other", c -> c));

        List<String> ascending = ecs.listTaskDefinitions(r -> r.familyPrefix("listed")).taskDefinitionArns();
        assertThat(ascending).hasSize(5).allMatch(arn -> arn.contains("/listed:"));
        assertThat(ascending.getFirst()).endsWith("listed:1");
        List<String> descending = ecs.listTaskDefinitions(r -> r.familyPrefix("listed").sort(SortOrder.DESC)).taskDefinitionArns();
        assertThat(descending.getFirst()).endsWith("listed:5");

        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTaskDefinitionsResponse page = ecs.listTaskDefinitions(r -> r.familyPrefix("listed").maxResults(2).nextToken(next));
            paged.addAll(page.taskDefinitionArns());
            token = page.nextToken();
        } while (token != null);
        assertThat(paged).isEqualTo(ascending);
    }

    @Test
    void deregisterThenDelete() {
        String arn = ecs.registerTaskDefinition(fargate("retired", c -> c)).taskDefinition().taskDefinitionArn();

        DeleteTaskDefinitionsResponse refused = ecs.deleteTaskDefinitions(r -> r.taskDefinitions(arn));
        assertThat(refused.taskDefinitions()).isEmpty();
        assertThat(refused.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("ACTIVE"));
        TaskDefinition inactive = ecs.deregisterTaskDefinition(r -> r.taskDefinition("retired:1")).taskDefinition();
        assertThat(inactive.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(inactive.deregisteredAt()).isNotNull();
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("retired")).taskDefinitionArns()).isEmpty();
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("retired").status(TaskDefinitionStatus.INACTIVE))
                .taskDefinitionArns()).containsExactly(arn);
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.familyPrefix("retired").status(TaskDefinitionFamilyStatus.INACTIVE))
                .families()).containsExactly("retired");

        DeleteTaskDefinitionsResponse deleted = ecs.deleteTaskDefinitions(r -> r.taskDefinitions(arn, "retired:9"));
        assertThat(deleted.taskDefinitions()).extracting(TaskDefinition::status)
                .containsExactly(TaskDefinitionStatus.DELETE_IN_PROGRESS);
        assertThat(deleted.failures()).hasSize(1);
        assertThat(ecs.registerTaskDefinition(fargate("retired", c -> c)).taskDefinition().revision()).isEqualTo(2);
    }

    @Test
    void taskDefinitionTagsComeBackOnlyWhenAsked() {
        TaskDefinition registered = ecs.registerTaskDefinition(fargate("tagged-td", c -> c).toBuilder()
                .tags(Tag.builder().key("env").value("dev").build()).build()).taskDefinition();

        DescribeTaskDefinitionResponse plain = ecs.describeTaskDefinition(r -> r.taskDefinition("tagged-td"));
        DescribeTaskDefinitionResponse tagged = ecs.describeTaskDefinition(r -> r.taskDefinition("tagged-td")
                .include(TaskDefinitionField.TAGS));
        assertThat(plain.hasTags()).isFalse();
        assertThat(tagged.tags()).containsExactly(Tag.builder().key("env").value("dev").build());

        ecs.tagResource(r -> r.resourceArn(registered.taskDefinitionArn()).tags(Tag.builder().key("x").value("y").build()));
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(registered.taskDefinitionArn())).tags()).hasSize(2);
    }
}
