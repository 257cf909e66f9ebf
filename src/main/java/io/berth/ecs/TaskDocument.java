package io.berth.ecs;

import io.berth.store.EmbeddedJson;
import io.berth.store.StoredDocument;

import java.time.Instant;
import java.util.List;

/**
 * A task as the store keeps it (kind {@code ecs.task}); {@link TaskRepository} maps it from and to
 * the {@link StoredTask} the service works with. {@code task} is the task as ECS describes it and
 * {@code definition} the definition it runs (overrides applied), both kept whole in AWS's own JSON
 * shape (API 2014-11-13) rather than as Berth's wire records: AWS only ever adds members to those
 * shapes, and a task must describe back every member the user sent. What is Berth's own is typed
 * here: the sandbox, where the task's interface goes (not EC2's record of it), the credentials
 * secret, what the agent keeps per container, the revision, and until when the task is protected
 * from scale-in (absent when it is not).
 *
 * <p>Schema 1 is the shape tasks were stored in before documents carried a schema.
 */
record TaskDocument(int schema, EmbeddedJson task, EmbeddedJson definition, String sandboxId, Network network,
                    String credentialsToken, List<Container> agentContainers, long revision,
                    Instant protectedUntil) implements StoredDocument {

    static final int SCHEMA = 1;

    TaskDocument {
        schema = schema == 0 ? 1 : schema;
        agentContainers = agentContainers == null ? List.of() : List.copyOf(agentContainers);
    }

    /** Where the task's awsvpc interface goes, as EC2 settled it at launch. */
    record Network(String vpcId, String vpcCidr, String subnetId, String subnetCidr, String availabilityZone,
                   String gateway, List<String> securityGroupIds) {

        Network {
            securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        }
    }

    /** See {@link AgentContainer}. */
    record Container(String name, String endpointId, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }
}
