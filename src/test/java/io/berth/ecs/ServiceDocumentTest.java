package io.berth.ecs;

import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Tag;
import io.berth.ecs.scheduler.DeploymentStatus;
import io.berth.ecs.scheduler.RolloutState;
import io.berth.ecs.scheduler.SchedulerMemory;
import io.berth.ecs.scheduler.ServiceDeployment;
import io.berth.ecs.scheduler.Throttle;
import io.berth.store.StoredJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDocumentTest {

    private static final Instant AT = Instant.parse("2025-05-06T07:08:09.123456789Z");

    @Test
    void aServiceReadsBackAsItWasStored() {
        StoredService.Network network = new StoredService.Network(List.of(new StoredService.Subnet("subnet-1", "us-east-1a"),
                new StoredService.Subnet("subnet-2", "us-east-1b")), List.of("sg-1"), "DISABLED");
        ServiceDeployment primary = ServiceDeployment.started("ecs-svc/1234567890123456789", "arn:td:2", AT);
        ServiceDeployment old = new ServiceDeployment("ecs-svc/9876543210987654321", DeploymentStatus.ACTIVE, "arn:td:1",
                RolloutState.COMPLETED, "ECS deployment ecs-svc/9876543210987654321 completed.", 2, AT.minusSeconds(60));
        StoredService service = new StoredService("arn:aws:ecs:us-east-1:123456789012:service/c/web", "web",
                "arn:aws:ecs:us-east-1:123456789012:cluster/c", "ACTIVE", 3,
                new StoredService.Deploying(50, 150, true, false), 30, "REPLICA", "SERVICE", true, false,
                List.of(new Tag("team", "a")), AT, "arn:aws:iam::123456789012:root",
                List.of(new StoredService.StoredDeployment(primary, network, null,
                                List.of(new CapacityProviderStrategyItem("FARGATE_SPOT", 2, 1)), "LATEST", AT),
                        new StoredService.StoredDeployment(old, network, "FARGATE", null, "1.4.0", AT.minusSeconds(30))),
                List.of(new StoredService.StoredEvent("e-2", AT, "(service web) has reached a steady state."),
                        new StoredService.StoredEvent("e-1", AT.minusSeconds(1), "(service web) has started 1 tasks.")),
                new SchedulerMemory(Set.of("a", "b"), new Throttle(primary.id(), 3, AT.plusSeconds(15)),
                        Map.of("steady", AT)),
                "token", 7);

        StoredService read = ServiceRepository.read(StoredJson.write(ServiceRepository.document(service)));

        assertThat(read).isEqualTo(service);
    }

    @Test
    void aNewServiceWithNothingRememberedReadsWithAnEmptyMemory() {
        StoredService service = new StoredService("arn:aws:ecs:us-east-1:123456789012:service/c/idle", "idle",
                "arn:aws:ecs:us-east-1:123456789012:cluster/c", "DRAINING", 0,
                new StoredService.Deploying(100, 200, null, null), null, "REPLICA", "NONE", false, false, List.of(),
                AT, "arn:aws:iam::123456789012:root",
                List.of(new StoredService.StoredDeployment(ServiceDeployment.started("ecs-svc/1", "arn:td:1", AT), null,
                        "FARGATE", null, "LATEST", AT)),
                List.of(), SchedulerMemory.empty(), null, 1);

        StoredService read = ServiceRepository.read(StoredJson.write(ServiceRepository.document(service)));

        assertThat(read).isEqualTo(service);
        assertThat(read.memory()).isEqualTo(SchedulerMemory.empty());
    }
}
