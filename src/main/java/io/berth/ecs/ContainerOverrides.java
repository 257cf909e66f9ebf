package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.ContainerOverride;

/** A container definition with a RunTask container override applied to it. */
final class ContainerOverrides {

    private ContainerOverrides() {
    }

    static ContainerDefinition apply(ContainerDefinition c, ContainerOverride o) {
        if (o == null) {
            return c;
        }
        return new ContainerDefinition(c.name(), c.image(), c.repositoryCredentials(),
                o.cpu() == null ? c.cpu() : o.cpu(),
                o.memory() == null ? c.memory() : o.memory(),
                o.memoryReservation() == null ? c.memoryReservation() : o.memoryReservation(),
                c.links(), c.portMappings(), c.essential(), c.restartPolicy(), c.entryPoint(),
                o.command() == null ? c.command() : o.command(),
                TaskLaunch.environment(c.environment(), o.environment()),
                c.environmentFiles(), c.mountPoints(), c.volumesFrom(), c.linuxParameters(), c.secrets(), c.dependsOn(),
                c.startTimeout(), c.stopTimeout(), c.versionConsistency(), c.hostname(), c.user(), c.workingDirectory(),
                c.disableNetworking(), c.privileged(), c.readonlyRootFilesystem(), c.dnsServers(), c.dnsSearchDomains(),
                c.extraHosts(), c.dockerSecurityOptions(), c.interactive(), c.pseudoTerminal(), c.dockerLabels(),
                c.ulimits(), c.logConfiguration(), c.healthCheck(), c.systemControls(), c.resourceRequirements(),
                c.firelensConfiguration(), c.credentialSpecs());
    }
}
