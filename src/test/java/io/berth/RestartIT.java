package io.berth;

import io.berth.ecs.TaskDefinitionIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void everythingAcknowledgedSurvivesARestart() {
        String clusterArn;
        String taskDefinitionArn;
        try (TestBerth first = TestBerth.start(dataDir); EcsClient ecs = first.ecs()) {
            clusterArn = ecs.createCluster(r -> r.clusterName("durable").tags(Tag.builder().key("k").value("v").build()))
                    .cluster().clusterArn();
            taskDefinitionArn = ecs.registerTaskDefinition(TaskDefinitionIT.fargate("durable", c -> c))
                    .taskDefinition().taskDefinitionArn();
        }
        try (TestBerth second = TestBerth.start(dataDir); EcsClient ecs = second.ecs()) {
            assertThat(ecs.listClusters().clusterArns()).contains(clusterArn);
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(clusterArn)).tags())
                    .containsExactly(Tag.builder().key("k").value("v").build());
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("durable")).taskDefinition().taskDefinitionArn())
                    .isEqualTo(taskDefinitionArn);
            assertThat(ecs.registerTaskDefinition(TaskDefinitionIT.fargate("durable", c -> c)).taskDefinition().revision())
                    .isEqualTo(2);
        }
    }
}
