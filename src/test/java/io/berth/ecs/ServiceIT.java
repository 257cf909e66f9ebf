package io.berth.ecs;

import io.berth.TestBerth;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Services with real tasks: kept at their desired count, replaced, scaled, rolled, deleted. */
class ServiceIT {

    private static final String CLUSTER = "services";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static EcsClient ecs;
    static EcsWaiter waiter;
    static String subnet;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ecs = berth.ecs();
        subnet = berth.defaultSubnetId();
        // The SDK's waiters with ECS's acceptors, polling faster than their 15 seconds.
        waiter = EcsWaiter.builder().client(ecs).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .maxAttempts(180).backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(500))).build()).build();
        ecs.createCluster(r -> r.clusterName(CLUSTER));
    }

    @AfterAll
    static void stop() {
        for (String arn : ecs.listServices(r -> r.cluster(CLUSTER)).serviceArns()) {
            ecs.deleteService(r -> r.cluster(CLUSTER).service(arn).force(true));
        }
        for (String arn : ecs.listTasks(r -> r.cluster(CLUSTER)).taskArns()) {
            ecs.stopTask(r -> r.cluster(CLUSTER).task(arn));
        }
        waiter.close();
        ecs.close();
        berth.close();
    }

    /** A task definition whose container sleeps and exits at once when asked to stop. */
    static String register(String family, String marker) {
        return ecs.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("main").image("berth-test/busybox:latest")
                        .command("sh", "-c", "trap 'exit 0' TERM; echo " + marker + "; sleep 3600 & wait")
                        .stopTimeout(2).build())).taskDefinition().taskDefinitionArn();
    }

    static CreateServiceRequest.Builder service(String name, String taskDefinition, int desired) {
        return CreateServiceRequest.builder().cluster(CLUSTER).serviceName(name).taskDefinition(taskDefinition)
                .desiredCount(desired).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)));
    }

    static Service describe(String name) {
        DescribeServicesResponse response = ecs.describeServices(r -> r.cluster(CLUSTER).services(name)
                .include(ServiceField.TAGS));
        assertThat(response.failures()).isEmpty();
        return response.services().getFirst();
    }

    static void awaitStable(String name) {
        waiter.waitUntilServicesStable(r -> r.cluster(CLUSTER).services(name)).matched().response().orElseThrow();
    }

    static List<Task> runningTasks(String name) {
        List<String> arns = ecs.listTasks(r -> r.cluster(CLUSTER).serviceName(name)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(arns)).tasks().stream()
                .filter(t -> "RUNNING".equals(t.lastStatus())).toList();
    }

    static List<String> messages(Service service) {
        return service.events().stream().map(ServiceEvent::message).toList();
    }

    @Test
    void aServiceKeepsItsTasksRunningReplacesThemScalesAndRollsToANewRevision() {
        String first = register("web", "one");
        Service created = ecs.createService(service("web", first, 2).tags(t -> t.key("team").value("a"))
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true)))
                .build()).service();
        assertThat(created.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/services/web");
        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.desiredCount()).isEqualTo(2);
        assertThat(created.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(created.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(created.deployments()).hasSize(1);
        Deployment deployment = created.deployments().getFirst();
        assertThat(deployment.id()).matches("ecs-svc/\\d{19}");
        assertThat(deployment.status()).isEqualTo("PRIMARY");
        assertThat(deployment.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(deployment.rolloutStateReason()).isEqualTo("ECS deployment " + deployment.id() + " in progress.");

        awaitStable("web");
        List<Task> tasks = runningTasks("web");
        assertThat(tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo("service:web");
            assertThat(t.startedBy()).isEqualTo(deployment.id());
            assertThat(t.taskDefinitionArn()).isEqualTo(first);
        });
        Service stable = describe("web");
        assertThat(stable.runningCount()).isEqualTo(2);
        assertThat(stable.pendingCount()).isZero();
        assertThat(stable.tags()).hasSize(1);
        assertThat(stable.deployments().getFirst().rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(messages(stable)).contains("(service web) has reached a steady state.");
        assertThat(messages(stable)).anyMatch(m -> m.matches("\\(service web\\) has started 2 tasks: \\(task [0-9a-f]{32}\\) \\(task [0-9a-f]{32}\\)\\."));
        assertThat(stable.events().getFirst().createdAt()).isAfterOrEqualTo(stable.events().getLast().createdAt());

        // A task stopped behind the scheduler's back is replaced.
        Set<String> before = new HashSet<>(tasks.stream().map(Task::taskArn).toList());
        ecs.stopTask(r -> r.cluster(CLUSTER).task(tasks.getFirst().taskArn()));
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Task> now = runningTasks("web");
            return now.size() == 2 && now.stream().anyMatch(t -> !before.contains(t.taskArn()))
                    && now.stream().noneMatch(t -> t.taskArn().equals(tasks.getFirst().taskArn()));
        });

        ecs.updateService(r -> r.cluster(CLUSTER).service("web").desiredCount(3));
        awaitStable("web");
        assertThat(runningTasks("web")).hasSize(3);
        ecs.updateService(r -> r.cluster(CLUSTER).service("web").desiredCount(1));
        awaitStable("web");
        Awaitility.await().atMost(TIMEOUT).until(() -> runningTasks("web").size() == 1);
        assertThat(describe("web").deployments()).hasSize(1);

        String second = register("web", "two");
        Service updated = ecs.updateService(r -> r.cluster(CLUSTER).service("web").taskDefinition(second)).service();
        assertThat(updated.deployments()).hasSize(2);
        assertThat(updated.taskDefinition()).isEqualTo(second);
        String rolled = updated.deployments().getFirst().id();
        assertThat(updated.deployments().getFirst().status()).isEqualTo("PRIMARY");
        assertThat(updated.deployments().get(1).status()).isEqualTo("ACTIVE");
        awaitStable("web");
        Awaitility.await().atMost(TIMEOUT).until(() -> runningTasks("web").size() == 1
                && runningTasks("web").getFirst().taskDefinitionArn().equals(second));
        Service done = Awaitility.await().atMost(TIMEOUT).until(() -> describe("web"),
                s -> s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().getFirst().rolloutStateAsString()));
        assertThat(done.deployments().getFirst().id()).isEqualTo(rolled);
        assertThat(done.deployments().getFirst().rolloutStateReason()).isEqualTo("ECS deployment " + rolled + " completed.");
        assertThat(messages(done)).contains("(service web) (deployment " + rolled + ") deployment completed.");
        assertThat(runningTasks("web").getFirst().startedBy()).isEqualTo(rolled);

        assertThatThrownBy(() -> ecs.deleteService(r -> r.cluster(CLUSTER).service("web")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The service cannot be stopped while it is scaled above 0.");
        assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster(CLUSTER)))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterContainsServicesException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Cluster cannot be deleted while Services are active.");
                });

        Service draining = ecs.deleteService(r -> r.cluster(CLUSTER).service("web").force(true)).service();
        assertThat(draining.status()).isEqualTo("DRAINING");
        assertThat(draining.desiredCount()).isZero();
        assertThatThrownBy(() -> ecs.updateService(r -> r.cluster(CLUSTER).service("web").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class).hasMessageContaining("Service was not ACTIVE.");
        waiter.waitUntilServicesInactive(r -> r.cluster(CLUSTER).services("web")).matched().response().orElseThrow();
        assertThat(describe("web").status()).isEqualTo("INACTIVE");
        assertThat(runningTasks("web")).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster(CLUSTER).serviceName("web")).taskArns()).isEmpty();
        assertThat(ecs.listServices(r -> r.cluster(CLUSTER)).serviceArns()).doesNotContain(draining.serviceArn());

        // The name is free again.
        Service again = ecs.createService(service("web", second, 0).build()).service();
        assertThat(again.status()).isEqualTo("ACTIVE");
        assertThat(again.deployments().getFirst().id()).isNotEqualTo(rolled);
        Service forced = ecs.updateService(r -> r.cluster(CLUSTER).service("web").forceNewDeployment(true)
                .deploymentConfiguration(d -> d.minimumHealthyPercent(50))).service();
        assertThat(forced.deployments()).hasSize(2);
        assertThat(forced.deployments().getFirst().id()).isNotEqualTo(again.deployments().getFirst().id());
        assertThat(forced.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(50);
        assertThat(forced.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        ecs.deleteService(r -> r.cluster(CLUSTER).service("web"));
    }

    @Test
    void badRequestsGetEcsErrorsAndChangeNothing() {
        String td = register("errors", "x");
        assertThatThrownBy(() -> ecs.updateService(r -> r.cluster(CLUSTER).service("nope").desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("Service not found.");
        assertThatThrownBy(() -> ecs.deleteService(r -> r.cluster(CLUSTER).service("nope")))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> ecs.describeServices(r -> r.cluster("no-such-cluster").services("x")))
                .isInstanceOf(ClusterNotFoundException.class).hasMessageContaining("Cluster not found.");
        assertThatThrownBy(() -> ecs.createService(service("lost", td, 1).cluster("no-such-cluster").build()))
                .isInstanceOf(ClusterNotFoundException.class);

        DescribeServicesResponse missing = ecs.describeServices(r -> r.cluster(CLUSTER).services("nope"));
        assertThat(missing.services()).isEmpty();
        assertThat(missing.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/services/nope");
            assertThat(f.reason()).isEqualTo("MISSING");
        });

        assertThatThrownBy(() -> ecs.createService(service("balanced", td, 1).loadBalancers(l -> l
                .targetGroupArn("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/0123456789abcdef")
                .containerName("main").containerPort(80)).build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Unable to assume role and validate the specified targetGroupArn.");
        assertThatThrownBy(() -> ecs.createService(service("no-network", td, 1)
                .networkConfiguration((software.amazon.awssdk.services.ecs.model.NetworkConfiguration) null).build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        assertThatThrownBy(() -> ecs.createService(service("no-td", "no-such-family", 1).build()))
                .isInstanceOfSatisfying(EcsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException"));
        assertThat(ecs.describeServices(r -> r.cluster(CLUSTER).services("balanced", "no-network", "no-td"))
                .failures()).hasSize(3);

        String idle = ecs.createService(service("idle-a", td, 0).clientToken("token-a").build()).service().serviceArn();
        ecs.tagResource(r -> r.resourceArn(idle).tags(t -> t.key("stage").value("test")));
        assertThat(ecs.listTagsForResource(r -> r.resourceArn(idle)).tags())
                .singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("stage"));
        assertThat(ecs.describeServices(r -> r.cluster(CLUSTER).services(idle)).services().getFirst().tags()).isEmpty();
        assertThat(describe("idle-a").tags()).hasSize(1);
        assertThat(ecs.createService(service("idle-a", td, 0).clientToken("token-a").build()).service().serviceName())
                .isEqualTo("idle-a");
        assertThatThrownBy(() -> ecs.createService(service("idle-a", td, 0).build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Creation of service was not idempotent.");
        ecs.createService(service("idle-b", td, 0).build());
        var page = ecs.listServices(r -> r.cluster(CLUSTER).maxResults(1).launchType(LaunchType.FARGATE));
        assertThat(page.serviceArns()).hasSize(1);
        assertThat(page.nextToken()).isNotNull();
        assertThat(ecs.listServices(r -> r.cluster(CLUSTER).launchType(LaunchType.EC2)).serviceArns()).isEmpty();
        assertThat(ecs.listServicesByNamespace(r -> r.namespace("ns")).serviceArns()).isEmpty();
        ecs.deleteService(r -> r.cluster(CLUSTER).service("idle-a"));
        ecs.deleteService(r -> r.cluster(CLUSTER).service("idle-b"));
    }
}
