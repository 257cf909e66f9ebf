package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.HealthCheck;
import io.berth.ecs.model.PortMapping;

import java.util.List;

import static io.berth.ecs.TaskDefinitionDraft.orEmpty;

/**
 * The values ECS fills into a container definition it stores, so that DescribeTaskDefinition shows
 * them although the caller never sent them. Everything else is returned exactly as sent.
 */
final class TaskDefinitionDefaults {

    private static final int HEALTH_CHECK_INTERVAL = 30;
    private static final int HEALTH_CHECK_TIMEOUT = 5;
    private static final int HEALTH_CHECK_RETRIES = 3;

    private TaskDefinitionDefaults() {
    }

    static List<ContainerDefinition> containers(TaskDefinitionDraft draft) {
        return draft.containers().stream().map(container -> container(container, draft)).toList();
    }

    private static ContainerDefinition container(ContainerDefinition c, TaskDefinitionDraft draft) {
        return new ContainerDefinition(c.name(), c.image(), c.repositoryCredentials(),
                c.cpu() == null ? 0 : c.cpu(), c.memory(), c.memoryReservation(), c.links(),
                orEmpty(c.portMappings()).stream().map(mapping -> portMapping(mapping, draft)).toList(),
                c.essential() == null ? Boolean.TRUE : c.essential(), c.restartPolicy(), c.entryPoint(),
                c.command(), orEmpty(c.environment()), c.environmentFiles(), orEmpty(c.mountPoints()),
                orEmpty(c.volumesFrom()), c.linuxParameters(), c.secrets(), c.dependsOn(), c.startTimeout(),
                c.stopTimeout(), c.versionConsistency(), c.hostname(), c.user(), c.workingDirectory(),
                c.disableNetworking(), c.privileged(), c.readonlyRootFilesystem(), c.dnsServers(),
                c.dnsSearchDomains(), c.extraHosts(), c.dockerSecurityOptions(), c.interactive(),
                c.pseudoTerminal(), c.dockerLabels(), c.ulimits(), c.logConfiguration(),
                healthCheck(c.healthCheck()), orEmpty(c.systemControls()), c.resourceRequirements(),
                c.firelensConfiguration(), c.credentialSpecs());
    }

    /**
     * In awsvpc and host mode the container port is the host port, so ECS records it as such; in
     * bridge mode an omitted host port stays omitted because the agent picks one per task.
     */
    private static PortMapping portMapping(PortMapping mapping, TaskDefinitionDraft draft) {
        boolean sharedStack = draft.awsvpc() || TaskDefinitionDraft.HOST.equals(draft.networkMode());
        Integer hostPort = mapping.hostPort() == null && sharedStack ? mapping.containerPort() : mapping.hostPort();
        String protocol = mapping.protocol() == null ? "tcp" : mapping.protocol();
        return new PortMapping(mapping.containerPort(), hostPort, protocol, mapping.name(), mapping.appProtocol(),
                mapping.containerPortRange());
    }

    /** Docker's defaults, which DescribeTaskDefinition shows; startPeriod stays off unless set. */
    private static HealthCheck healthCheck(HealthCheck check) {
        if (check == null) {
            return null;
        }
        return new HealthCheck(check.command(),
                check.interval() == null ? HEALTH_CHECK_INTERVAL : check.interval(),
                check.timeout() == null ? HEALTH_CHECK_TIMEOUT : check.timeout(),
                check.retries() == null ? HEALTH_CHECK_RETRIES : check.retries(),
                check.startPeriod());
    }
}
