package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.EphemeralStorage;
import io.berth.ecs.model.RegisterTaskDefinitionRequest;
import io.berth.ecs.model.TaskDefinition;
import io.berth.ecs.model.TaskDefinitionPlacementConstraint;
import io.berth.ecs.model.Volume;
import io.berth.edge.AwsException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.berth.ecs.TaskDefinitionContainerRules.oneOf;
import static io.berth.ecs.TaskDefinitionDraft.orEmpty;

/**
 * RegisterTaskDefinition as ECS performs it: validates the request and builds the task definition
 * ECS would store and return. Pure; the caller supplies the ARN, revision, caller and clock.
 *
 * <p>Every refusal is a {@code ClientException} (HTTP 400), as ECS answers; tag problems keep the
 * codes {@link TagRules} gives them. Messages seen in real ECS error reports are used verbatim;
 * the rest are marked "invented" where they are written.
 */
public final class TaskDefinitionRules {

    private static final String FARGATE = "FARGATE";
    private static final String STATUS_ACTIVE = "ACTIVE";

    private static final int MAX_CONTAINERS = 10;
    private static final int MAX_PLACEMENT_CONSTRAINTS = 10;
    /** Task cpu range the API reference gives for EC2 and external instances: 0.125 to 192 vCPU. */
    private static final int MIN_TASK_CPU = 128;
    private static final int MAX_TASK_CPU = 196608;

    private static final Set<String> COMPATIBILITIES = Set.of("EC2", FARGATE, "EXTERNAL", "MANAGED_INSTANCES");
    private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
    private static final Set<String> PID_MODES = Set.of("host", "task");
    private static final Set<String> IPC_MODES = Set.of("host", "task", "none");

    private TaskDefinitionRules() {
    }

    public static TaskDefinition register(RegisterTaskDefinitionRequest request, String taskDefinitionArn,
                                          int revision, String registeredBy, Instant registeredAt) {
        family(request.family());
        containerCount(request.containerDefinitions());
        TaskDefinitionDraft draft = draft(request);
        TagRules.POLICY.validate(request.tags());
        TaskDefinitionContainerRules.identities(draft);
        volumes(draft.volumes());
        placementConstraints(orEmpty(request.placementConstraints()));

        Optional<AwsException> notFargate = TaskDefinitionFargateRules.violation(draft);
        if (!draft.requires(FARGATE)) {
            nonFargateTask(draft);
        } else if (notFargate.isPresent()) {
            throw notFargate.get();
        }
        if (draft.requires("EXTERNAL") && draft.awsvpc()) {
            // Invented wording; ECS Anywhere documents bridge, host and none only.
            throw EcsErrors.client("Tasks using the EXTERNAL launch type do not support network mode 'awsvpc'.");
        }
        TaskDefinitionContainerRules.validate(draft);

        return new TaskDefinition(taskDefinitionArn, TaskDefinitionDefaults.containers(draft), request.family(),
                request.taskRoleArn(), request.executionRoleArn(), request.networkMode(), revision,
                orEmpty(request.volumes()), STATUS_ACTIVE, TaskDefinitionAttributes.of(draft),
                orEmpty(request.placementConstraints()), compatibilities(draft, notFargate.isEmpty()),
                request.runtimePlatform(), request.requiresCompatibilities(), unitString(draft.cpu()),
                unitString(draft.memory()), request.inferenceAccelerators(), request.pidMode(), request.ipcMode(),
                request.proxyConfiguration(), registeredAt, null, null, registeredBy, request.ephemeralStorage(),
                request.enableFaultInjection());
    }

    private static void family(String family) {
        if (family == null || family.isBlank()) {
            throw EcsErrors.client("Family can not be blank.");
        }
        if (family.length() > TaskDefinitionContainerRules.MAX_NAME_LENGTH) {
            // Invented: the 255-character limit is documented, its message is not.
            throw EcsErrors.client("Family cannot be longer than 255 characters.");
        }
        if (!TaskDefinitionContainerRules.NAME.matcher(family).matches()) {
            throw EcsErrors.client("Family contains invalid characters.");
        }
    }

    private static void containerCount(List<ContainerDefinition> containers) {
        if (containers == null || containers.isEmpty()) {
            throw EcsErrors.client("Container list cannot be empty.");
        }
        if (containers.size() > MAX_CONTAINERS) {
            throw EcsErrors.client("Too many containers.");
        }
    }

    private static TaskDefinitionDraft draft(RegisterTaskDefinitionRequest request) {
        for (String compatibility : orEmpty(request.requiresCompatibilities())) {
            requireOneOf(COMPATIBILITIES, compatibility, "requiresCompatibilities");
        }
        if (request.networkMode() != null) {
            requireOneOf(NETWORK_MODES, request.networkMode(), "networkMode");
        }
        if (request.pidMode() != null) {
            requireOneOf(PID_MODES, request.pidMode(), "pidMode");
        }
        if (request.ipcMode() != null) {
            requireOneOf(IPC_MODES, request.ipcMode(), "ipcMode");
        }
        String networkMode = request.networkMode() == null ? TaskDefinitionDraft.BRIDGE : request.networkMode();
        Integer cpu = request.cpu() == null ? null : Integer.valueOf(FargateSizes.normalizeCpu(request.cpu()));
        Integer memory = request.memory() == null ? null : Integer.valueOf(FargateSizes.normalizeMemory(request.memory()));
        return new TaskDefinitionDraft(request, networkMode, cpu, memory);
    }

    // Invented wording for values outside an API enum, after ECS's "Invalid 'cpu' setting for task."
    private static void requireOneOf(Set<String> allowed, String value, String field) {
        if (!oneOf(allowed, value)) {
            throw EcsErrors.client("Invalid '" + field + "' setting for task.");
        }
    }

    private static void volumes(List<Volume> volumes) {
        Set<String> names = new HashSet<>();
        for (Volume volume : volumes) {
            if (volume.name() == null || volume.name().isEmpty()) {
                throw EcsErrors.client("Volume.name should not be null or empty."); // invented
            }
            if (volume.name().length() > TaskDefinitionContainerRules.MAX_NAME_LENGTH
                    || !TaskDefinitionContainerRules.NAME.matcher(volume.name()).matches()) {
                throw EcsErrors.client("Volume.name contains invalid characters."); // invented
            }
            if (!names.add(volume.name())) {
                throw EcsErrors.client("Volume names must be unique within a Task Definition."); // invented
            }
        }
        if (volumes.stream().filter(volume -> Boolean.TRUE.equals(volume.configuredAtLaunch())).count() > 1) {
            // Invented wording; the one-volume limit is the API reference's.
            throw EcsErrors.client("A task definition can have only one volume configured at launch.");
        }
    }

    private static void placementConstraints(List<TaskDefinitionPlacementConstraint> constraints) {
        if (constraints.size() > MAX_PLACEMENT_CONSTRAINTS) {
            throw EcsErrors.client("Too many placement constraints."); // invented
        }
        for (TaskDefinitionPlacementConstraint constraint : constraints) {
            if (!"memberOf".equals(constraint.type())) {
                throw EcsErrors.client("Invalid 'placementConstraints' setting for task."); // invented
            }
        }
    }

    /** What stays of the task-level rules when Fargate's size table does not apply. */
    private static void nonFargateTask(TaskDefinitionDraft draft) {
        if (draft.cpu() != null && (draft.cpu() < MIN_TASK_CPU || draft.cpu() > MAX_TASK_CPU)) {
            throw FargateSizes.invalidCpu();
        }
        EphemeralStorage storage = draft.request().ephemeralStorage();
        if (storage != null) {
            // Quoted by two independent tools from ECS; no primary report seen.
            throw EcsErrors.client("Tasks using the EC2 launch type do not support EphemeralStorage");
        }
    }

    /**
     * EC2 can run anything that passed validation; FARGATE is added whenever the definition meets
     * Fargate's rules, asked for or not; EXTERNAL and MANAGED_INSTANCES only when asked for.
     */
    private static List<String> compatibilities(TaskDefinitionDraft draft, boolean fargateCompatible) {
        List<String> compatibilities = new ArrayList<>(List.of("EC2"));
        if (fargateCompatible) {
            compatibilities.add(FARGATE);
        }
        for (String requested : List.of("EXTERNAL", "MANAGED_INSTANCES")) {
            if (draft.requires(requested)) {
                compatibilities.add(requested);
            }
        }
        return List.copyOf(compatibilities);
    }

    private static String unitString(Integer units) {
        return units == null ? null : units.toString();
    }
}
