package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.ContainerDependency;
import io.berth.ecs.model.HealthCheck;
import io.berth.ecs.model.LogConfiguration;
import io.berth.ecs.model.MountPoint;
import io.berth.ecs.model.PortMapping;
import io.berth.ecs.model.Volume;
import io.berth.ecs.model.VolumeFrom;
import io.berth.edge.AwsException;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.berth.ecs.TaskDefinitionDraft.orEmpty;

/**
 * The container definition rules ECS applies to every task definition, whatever it is meant to
 * run on. Messages confirmed by real error reports are used verbatim; the others, marked
 * "invented", follow ECS's "Invalid '...' setting for container '...'." wording.
 */
final class TaskDefinitionContainerRules {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final int MAX_NAME_LENGTH = 255;

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");
    private static final Set<String> APP_PROTOCOLS = Set.of("http", "http2", "grpc");
    private static final Set<String> LOG_DRIVERS =
            Set.of("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens");
    private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    private static final int MAX_PORT = 65535;

    private record Range(String field, int min, int max, String unit) {
        void check(Integer value, ContainerDefinition container) {
            if (value != null && (value < min || value > max)) {
                // Invented wording; the ranges are the API reference's.
                throw invalid(field, container, "Valid values are " + min + " to " + max + " " + unit + ".");
            }
        }
    }

    private static final Range INTERVAL = new Range("healthCheck.interval", 5, 300, "seconds");
    private static final Range TIMEOUT = new Range("healthCheck.timeout", 2, 60, "seconds");
    private static final Range RETRIES = new Range("healthCheck.retries", 1, 10, "retries");
    private static final Range START_PERIOD = new Range("healthCheck.startPeriod", 0, 300, "seconds");

    private TaskDefinitionContainerRules() {
    }

    /** Names and images come first: every later message names the container it is about. */
    static void identities(TaskDefinitionDraft draft) {
        Set<String> seen = new HashSet<>();
        for (ContainerDefinition container : draft.containers()) {
            name(container.name());
            if (container.image() == null || container.image().isBlank()) {
                throw EcsErrors.client("Container.image should not be null or empty.");
            }
            if (!seen.add(container.name())) {
                throw EcsErrors.client("Container names must be unique within a Task Definition.");
            }
        }
    }

    private static void name(String name) {
        if (name == null || name.isEmpty()) {
            throw EcsErrors.client("Container.name should not be null or empty.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            // Invented: the 255-character limit is documented, its message is not.
            throw EcsErrors.client("Container.name cannot be longer than 255 characters.");
        }
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.client("Container.name contains invalid characters.");
        }
    }

    static void validate(TaskDefinitionDraft draft) {
        for (ContainerDefinition container : draft.containers()) {
            resources(container, draft);
            ports(container, draft);
            networking(container, draft);
            logging(container.logConfiguration(), container);
            dependencies(container, draft);
            mounts(container, draft);
            healthCheck(container.healthCheck(), container);
        }
        cpuTotal(draft);
        if (draft.containers().stream().noneMatch(TaskDefinitionDraft::essential)) {
            throw EcsErrors.client("Task definition doesn't have any essential container.");
        }
    }

    private static void resources(ContainerDefinition container, TaskDefinitionDraft draft) {
        Integer hard = container.memory();
        Integer soft = container.memoryReservation();
        if (container.cpu() != null && container.cpu() < 0) {
            throw invalid("cpu", container); // invented
        }
        if (hard != null && hard <= 0) {
            throw invalid("memory", container); // invented
        }
        if (soft != null && soft <= 0) {
            throw invalid("memoryReservation", container); // invented
        }
        if (hard != null && soft != null && hard < soft) {
            throw EcsErrors.client("Invalid setting for container '" + container.name()
                    + "'. 'memory' must be greater than or equal to 'memoryReservation'."); // invented
        }
        if (draft.memory() == null) {
            if (hard == null && soft == null) {
                throw EcsErrors.client("Invalid setting for container '" + container.name()
                        + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }
            return;
        }
        if (hard != null && hard > draft.memory()) {
            throw EcsErrors.client("The 'memory' setting for container '" + container.name()
                    + "' is greater than for the task.");
        }
        if (soft != null && soft > draft.memory()) {
            throw EcsErrors.client("The 'memoryReservation' setting for container '" + container.name()
                    + "' is greater than for the task."); // invented, mirrors the 'memory' message
        }
    }

    private static void cpuTotal(TaskDefinitionDraft draft) {
        long total = draft.containers().stream().mapToLong(c -> c.cpu() == null ? 0 : c.cpu()).sum();
        if (draft.cpu() != null && total > draft.cpu()) {
            throw EcsErrors.client("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
        }
    }

    private static void ports(ContainerDefinition container, TaskDefinitionDraft draft) {
        if (TaskDefinitionDraft.NONE.equals(draft.networkMode()) && !orEmpty(container.portMappings()).isEmpty()) {
            throw EcsErrors.client("Port mappings are not supported when networkMode=none."); // invented
        }
        for (PortMapping mapping : orEmpty(container.portMappings())) {
            if (mapping.containerPortRange() != null) {
                portRange(mapping, container, draft);
            } else {
                port(mapping, container, draft);
            }
            if (mapping.protocol() != null && !oneOf(PROTOCOLS, mapping.protocol())) {
                throw invalid("protocol", container); // invented
            }
            if (mapping.appProtocol() != null && !oneOf(APP_PROTOCOLS, mapping.appProtocol())) {
                throw invalid("appProtocol", container); // invented
            }
        }
    }

    private static void port(PortMapping mapping, ContainerDefinition container, TaskDefinitionDraft draft) {
        if (mapping.containerPort() == null || mapping.containerPort() < 1 || mapping.containerPort() > MAX_PORT) {
            throw invalid("containerPort", container);
        }
        if (mapping.hostPort() != null && (mapping.hostPort() < 0 || mapping.hostPort() > MAX_PORT)) {
            throw invalid("hostPort", container); // invented
        }
        boolean sharedStack = draft.awsvpc() || TaskDefinitionDraft.HOST.equals(draft.networkMode());
        if (sharedStack && mapping.hostPort() != null && !mapping.hostPort().equals(mapping.containerPort())) {
            // Confirmed for awsvpc; the host mode wording is the same sentence with its mode.
            throw EcsErrors.client("When networkMode=" + draft.networkMode()
                    + ", the host ports and container ports in port mappings must match.");
        }
    }

    /** Documented: a range such as "8000-8010", only with bridge or awsvpc, and never with fixed ports. */
    private static void portRange(PortMapping mapping, ContainerDefinition container, TaskDefinitionDraft draft) {
        Matcher range = PORT_RANGE.matcher(mapping.containerPortRange());
        boolean valid = range.matches()
                && Integer.parseInt(range.group(1)) >= 1
                && Integer.parseInt(range.group(1)) < Integer.parseInt(range.group(2))
                && Integer.parseInt(range.group(2)) <= MAX_PORT
                && mapping.containerPort() == null && mapping.hostPort() == null
                && (draft.awsvpc() || TaskDefinitionDraft.BRIDGE.equals(draft.networkMode()));
        if (!valid) {
            throw invalid("containerPortRange", container); // invented
        }
    }

    private static void networking(ContainerDefinition container, TaskDefinitionDraft draft) {
        if (!orEmpty(container.links()).isEmpty() && !TaskDefinitionDraft.BRIDGE.equals(draft.networkMode())) {
            // Confirmed for awsvpc; links work only in bridge mode, so the other modes get the same sentence.
            throw EcsErrors.client("Links are not supported when networkMode=" + draft.networkMode() + ".");
        }
        if (draft.awsvpc() && container.hostname() != null) {
            throw EcsErrors.client("hostname is not supported on container when networkMode=awsvpc.");
        }
        if (draft.awsvpc() && !orEmpty(container.extraHosts()).isEmpty()) {
            throw EcsErrors.client("extraHosts is not supported on container when networkMode=awsvpc."); // invented
        }
    }

    private static void logging(LogConfiguration logs, ContainerDefinition container) {
        if (logs == null) {
            return;
        }
        if (!oneOf(LOG_DRIVERS, logs.logDriver())) {
            throw invalid("logDriver", container); // invented
        }
        Map<String, String> options = logs.options() == null ? Map.of() : logs.options();
        if (logs.logDriver().equals("awslogs")
                && !(options.containsKey("awslogs-region") && options.containsKey("awslogs-group"))) {
            throw EcsErrors.client("Log driver awslogs requires options: awslogs-region, awslogs-group");
        }
    }

    private static void dependencies(ContainerDefinition container, TaskDefinitionDraft draft) {
        for (ContainerDependency dependency : orEmpty(container.dependsOn())) {
            ContainerDefinition target = otherContainer(dependency.containerName(), container, draft, "dependsOn");
            if (!oneOf(CONDITIONS, dependency.condition())) {
                throw invalid("dependsOn", container,
                        "The condition must be one of START, COMPLETE, SUCCESS or HEALTHY."); // invented
            }
            if (dependency.condition().equals("HEALTHY") && target.healthCheck() == null) {
                throw invalid("dependsOn", container, "Container '" + target.name()
                        + "' has no health check, so it cannot become HEALTHY."); // invented
            }
            boolean runsToExit = dependency.condition().equals("COMPLETE") || dependency.condition().equals("SUCCESS");
            if (runsToExit && TaskDefinitionDraft.essential(target)) {
                throw EcsErrors.client("A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
            }
        }
    }

    private static void mounts(ContainerDefinition container, TaskDefinitionDraft draft) {
        Set<String> volumes = draft.volumes().stream().map(Volume::name).collect(Collectors.toSet());
        for (MountPoint mount : orEmpty(container.mountPoints())) {
            if (mount.sourceVolume() == null || mount.sourceVolume().isEmpty()) {
                throw invalid("mountPoints", container, "sourceVolume should not be null or empty."); // invented
            }
            if (!volumes.contains(mount.sourceVolume())) {
                throw EcsErrors.client("Unknown volume '" + mount.sourceVolume() + "'.");
            }
            if (mount.containerPath() == null || mount.containerPath().isEmpty()) {
                throw invalid("mountPoints", container, "containerPath should not be null or empty."); // invented
            }
        }
        for (VolumeFrom from : orEmpty(container.volumesFrom())) {
            otherContainer(from.sourceContainer(), container, draft, "volumesFrom");
        }
    }

    private static ContainerDefinition otherContainer(String name, ContainerDefinition container,
                                                      TaskDefinitionDraft draft, String field) {
        return draft.container(name)
                .filter(target -> !target.name().equals(container.name()))
                .orElseThrow(() -> invalid(field, container, "Container '" + name
                        + "' is not another container of this task definition.")); // invented
    }

    private static void healthCheck(HealthCheck check, ContainerDefinition container) {
        if (check == null) {
            return;
        }
        if (orEmpty(check.command()).isEmpty()) {
            throw invalid("healthCheck.command", container, "The command should not be null or empty."); // invented
        }
        INTERVAL.check(check.interval(), container);
        TIMEOUT.check(check.timeout(), container);
        RETRIES.check(check.retries(), container);
        START_PERIOD.check(check.startPeriod(), container);
    }

    /** Set.of(...).contains(null) throws, and a missing enum value is as wrong as a misspelt one. */
    static boolean oneOf(Set<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    /** ECS's wording for a bad container value, confirmed for 'containerPort'. */
    private static AwsException invalid(String field, ContainerDefinition container) {
        return EcsErrors.client("Invalid '" + field + "' setting for container '" + container.name() + "'.");
    }

    private static AwsException invalid(String field, ContainerDefinition container, String reason) {
        return EcsErrors.client("Invalid '" + field + "' setting for container '" + container.name() + "'. " + reason);
    }
}
