package io.berth.ecs;

import io.berth.TestBerth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Capacity providers, a cluster's providers and default strategy, and launches that follow it. */
class CapacityProviderIT {

    static final String PREFIX = "arn:aws:ecs:us-east-1:000000000000:";

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

    static CapacityProviderStrategyItem item(String provider, int weight, int base) {
        return CapacityProviderStrategyItem.builder().capacityProvider(provider).weight(weight).base(base).build();
    }

    static String errorCode(Throwable e) {
        return ((EcsException) e).awsErrorDetails().errorCode();
    }

    @Test
    void everyAccountHasTheTwoFargateProviders() {
        DescribeCapacityProvidersResponse all = ecs.describeCapacityProviders(r -> { });

        assertThat(all.capacityProviders()).containsExactly(
                CapacityProvider.builder().capacityProviderArn(PREFIX + "capacity-provider/FARGATE").name("FARGATE")
                        .status("ACTIVE").tags(List.of()).type("FARGATE").build(),
                CapacityProvider.builder().capacityProviderArn(PREFIX + "capacity-provider/FARGATE_SPOT")
                        .name("FARGATE_SPOT").status("ACTIVE").tags(List.of()).type("FARGATE_SPOT").build());
        assertThat(all.failures()).isEmpty();
        assertThat(all.nextToken()).isNull();
    }

    @Test
    void describeFiltersByNameOrArnAndReportsTheUnknown() {
        DescribeCapacityProvidersResponse response = ecs.describeCapacityProviders(r -> r
                .capacityProviders(PREFIX + "capacity-provider/FARGATE_SPOT", "mine", PREFIX + "capacity-provider/other")
                .include(CapacityProviderField.TAGS));

        assertThat(response.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE_SPOT");
        assertThat(response.failures()).extracting(f -> f.arn() + " " + f.reason()).containsExactly(
                PREFIX + "capacity-provider/mine MISSING", PREFIX + "capacity-provider/other MISSING");
        assertThatThrownBy(() -> ecs.describeCapacityProviders(r -> r.includeWithStrings("HEALTH")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void describePagesThroughTheProviders() {
        DescribeCapacityProvidersResponse first = ecs.describeCapacityProviders(r -> r.maxResults(1));
        DescribeCapacityProvidersResponse second = ecs.describeCapacityProviders(r -> r.maxResults(1)
                .nextToken(first.nextToken()));

        assertThat(first.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE");
        assertThat(second.capacityProviders()).extracting(CapacityProvider::name).containsExactly("FARGATE_SPOT");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> ecs.describeCapacityProviders(r -> r.maxResults(11)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void describeForAClusterShowsItsProviders() {
        ecs.createCluster(r -> r.clusterName("spot-only").capacityProviders("FARGATE_SPOT"));

        assertThat(ecs.describeCapacityProviders(r -> r.cluster("spot-only")).capacityProviders())
                .extracting(CapacityProvider::name).containsExactly("FARGATE_SPOT");
        assertThatThrownBy(() -> ecs.describeCapacityProviders(r -> r.cluster("no-such-cluster")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void providersCannotBeCreatedWithoutAutoScalingGroupsNorChangedWhenReserved() {
        assertThatThrownBy(() -> ecs.createCapacityProvider(r -> r.name("FARGATE")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("arn:aws:autoscaling:us-east-1:000000000000:"
                        + "autoScalingGroup:1:autoScalingGroupName/asg"))))
                .isInstanceOf(ClientException.class).hasMessageContaining("The specified capacity provider name is invalid.");
        assertThatThrownBy(() -> ecs.createCapacityProvider(r -> r.name("EcsProvider")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("asg"))))
                .isInstanceOf(ClientException.class).hasMessageContaining("cannot be prefixed with \"aws\", \"ecs\", or \"fargate\"");
        assertThatThrownBy(() -> ecs.createCapacityProvider(r -> r.name("mine")
                .autoScalingGroupProvider(a -> a.autoScalingGroupArn("arn:aws:autoscaling:us-east-1:000000000000:"
                        + "autoScalingGroup:1:autoScalingGroupName/asg"))))
                .isInstanceOf(ClientException.class).hasMessageContaining("Auto Scaling group");
        assertThatThrownBy(() -> ecs.deleteCapacityProvider(r -> r.capacityProvider("FARGATE")))
                .isInstanceOf(ClientException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> ecs.deleteCapacityProvider(r -> r.capacityProvider("mine")))
                .isInstanceOf(ClientException.class).hasMessageContaining("was not found");
        assertThatThrownBy(() -> ecs.updateCapacityProvider(r -> r.name("FARGATE_SPOT")
                .autoScalingGroupProvider(a -> a.managedTerminationProtection("DISABLED"))))
                .isInstanceOf(ClientException.class).hasMessageContaining("reserved");
        assertThat(ecs.describeCapacityProviders(r -> { }).capacityProviders()).hasSize(2);
    }

    @Test
    void putClusterCapacityProvidersSetsProvidersAndDefaultStrategy() {
        ecs.createCluster(r -> r.clusterName("mixed"));

        Cluster put = ecs.putClusterCapacityProviders(r -> r.cluster("mixed")
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 1),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build())).cluster();

        assertThat(put.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(put.defaultCapacityProviderStrategy()).containsExactly(item("FARGATE", 1, 1), item("FARGATE_SPOT", 4, 0));
        Cluster described = ecs.describeClusters(r -> r.clusters(PREFIX + "cluster/mixed").include(ClusterField.ATTACHMENTS))
                .clusters().getFirst();
        assertThat(described.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(described.defaultCapacityProviderStrategy()).isEqualTo(put.defaultCapacityProviderStrategy());
        assertThat(described.attachments()).isEmpty();
        assertThat(described.attachmentsStatus()).isEqualTo("UPDATE_COMPLETE");

        // What Terraform's aws_ecs_cluster_capacity_providers does on destroy: both emptied.
        Cluster cleared = ecs.putClusterCapacityProviders(r -> r.cluster("mixed").capacityProviders(List.of())
                .defaultCapacityProviderStrategy(List.of())).cluster();
        assertThat(cleared.capacityProviders()).isEmpty();
        assertThat(cleared.defaultCapacityProviderStrategy()).isEmpty();
    }

    @Test
    void putClusterCapacityProvidersValidatesAsEcsDoesAndChangesNothing() {
        ecs.createCluster(r -> r.clusterName("strict").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 0)));

        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(r -> r.cluster("strict").capacityProviders("my-asg")
                .defaultCapacityProviderStrategy(List.of())))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The specified capacity provider was not found. Specify a valid capacity provider and try again."));
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(r -> r.cluster("strict").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE_SPOT", 1, 0))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not associated with the cluster");
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(r -> r.cluster("strict")
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 1))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("base for one capacity provider");
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(r -> r.cluster("strict").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE", 1001, 0))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(r -> r.cluster("strict").capacityProviders("FARGATE")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(r -> r.cluster("no-such-cluster")
                .capacityProviders("FARGATE").defaultCapacityProviderStrategy(List.of())))
                .isInstanceOf(ClusterNotFoundException.class);

        Cluster unchanged = ecs.describeClusters(r -> r.clusters("strict")).clusters().getFirst();
        assertThat(unchanged.capacityProviders()).containsExactly("FARGATE");
        assertThat(unchanged.defaultCapacityProviderStrategy()).containsExactly(item("FARGATE", 1, 0));
    }

    @Test
    void createClusterChecksItsProvidersAndStrategy() {
        assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("bad-providers").capacityProviders("EC2")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.createCluster(r -> r.clusterName("bad-strategy").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE_SPOT", 1, 0))))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.describeClusters(r -> r.clusters("bad-providers", "bad-strategy")).failures()).hasSize(2);
    }

    @Test
    void fargateClustersHaveNoContainerInstances() {
        ecs.createCluster(r -> r.clusterName("instanceless"));

        assertThat(ecs.listContainerInstances(r -> r.cluster("instanceless")).containerInstanceArns()).isEmpty();
        assertThat(ecs.listContainerInstances(r -> r.cluster("instanceless").status("DRAINING")).containerInstanceArns())
                .isEmpty();
        assertThatThrownBy(() -> ecs.listContainerInstances(r -> r.cluster("no-such-cluster")))
                .isInstanceOf(ClusterNotFoundException.class);

        DescribeContainerInstancesResponse described = ecs.describeContainerInstances(r -> r.cluster("instanceless")
                .containerInstances("0123456789abcdef", PREFIX + "container-instance/instanceless/feed"));
        assertThat(described.containerInstances()).isEmpty();
        assertThat(described.failures()).extracting(f -> f.arn() + " " + f.reason()).containsExactly(
                PREFIX + "container-instance/instanceless/0123456789abcdef MISSING",
                PREFIX + "container-instance/instanceless/feed MISSING");
        assertThatThrownBy(() -> ecs.describeContainerInstances(r -> r.cluster("instanceless")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> ecs.describeContainerInstances(r -> r.cluster("no-such-cluster").containerInstances("x")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void runTaskWithoutLaunchTypeFollowsTheClustersDefaultStrategy() {
        ecs.createCluster(r -> r.clusterName("defaulted"));
        String td = ecs.registerTaskDefinition(r -> r.family("defaulted").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("main").image("busybox:latest").command("sh", "-c", "sleep 600").stopTimeout(2)))
                .taskDefinition().taskDefinitionArn();
        RunTaskRequest request = RunTaskRequest.builder().cluster("defaulted").taskDefinition(td)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(berth.defaultSubnetId()))).build();

        // No launch type, no strategy and no default one: ECS would launch on EC2, and there are no instances.
        assertThatThrownBy(() -> ecs.runTask(request)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No Container Instances were found in your cluster.");
        assertThatThrownBy(() -> ecs.runTask(request.toBuilder().capacityProviderStrategy(item("FARGATE", 1, 0)).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not associated with the cluster");

        ecs.putClusterCapacityProviders(r -> r.cluster("defaulted").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(item("FARGATE_SPOT", 1, 0)));
        Task task = ecs.runTask(request).tasks().getFirst();
        assertThat(task.capacityProviderName()).isEqualTo("FARGATE_SPOT");
        assertThat(task.launchType()).isEqualTo(LaunchType.FARGATE);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                ecs.describeTasks(r -> r.cluster("defaulted").tasks(task.taskArn())).tasks().getFirst().lastStatus(),
                "RUNNING"::equals);

        // A provider still running tasks cannot be taken from the cluster.
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(r -> r.cluster("defaulted").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 0))))
                .isInstanceOfSatisfying(ResourceInUseException.class, e -> assertThat(errorCode(e))
                        .isEqualTo("ResourceInUseException"))
                .hasMessageContaining("The specified capacity provider is in use and cannot be removed.");

        ecs.stopTask(r -> r.cluster("defaulted").task(task.taskArn()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                ecs.describeTasks(r -> r.cluster("defaulted").tasks(task.taskArn())).tasks().getFirst().lastStatus(),
                "STOPPED"::equals);
        assertThat(ecs.putClusterCapacityProviders(r -> r.cluster("defaulted").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(item("FARGATE", 1, 0))).cluster().capacityProviders())
                .containsExactly("FARGATE");
    }
}
