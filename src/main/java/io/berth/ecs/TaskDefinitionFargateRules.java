package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.EphemeralStorage;
import io.berth.ecs.model.LinuxParameters;
import io.berth.ecs.model.ResourceRequirement;
import io.berth.ecs.model.Volume;
import io.berth.edge.AwsException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.berth.ecs.TaskDefinitionDraft.orEmpty;

/**
 * The rules a task definition must meet to run on Fargate. ECS applies them when FARGATE is in
 * {@code requiresCompatibilities}, and also uses them to decide whether FARGATE belongs in the
 * returned {@code compatibilities} of a definition that did not ask for it, so they report the
 * first violation instead of throwing.
 */
final class TaskDefinitionFargateRules {

    /** Private ECR registries; pulling from them on Fargate needs the execution role. Public ECR does not. */
    private static final Pattern ECR_IMAGE =
            Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.*");

    private static final int MIN_EPHEMERAL_GIB = 21;
    private static final int MAX_EPHEMERAL_GIB = 200;
    private static final int MIN_TIMEOUT_SECONDS = 2;
    private static final int MAX_TIMEOUT_SECONDS = 120;

    private TaskDefinitionFargateRules() {
    }

    static Optional<AwsException> violation(TaskDefinitionDraft draft) {
        return networkAndSize(draft)
                .or(() -> taskParameters(draft))
                .or(() -> volumes(draft.volumes()))
                .or(() -> draft.containers().stream()
                        .map(container -> container(container, draft))
                        .flatMap(Optional::stream)
                        .findFirst())
                .map(EcsErrors::client);
    }

    private static Optional<String> networkAndSize(TaskDefinitionDraft draft) {
        if (!draft.awsvpc()) {
            // AWS writes this message with typographic quotes.
            return Optional.of("Fargate only supports network mode \u2018awsvpc\u2019.");
        }
        if (draft.cpu() == null) {
            return Optional.of("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (draft.memory() == null) {
            return Optional.of("Fargate requires that 'memory' be defined at the task level.");
        }
        boolean offered = draft.windows()
                ? FargateSizes.isValidForWindows(draft.cpu(), draft.memory())
                : FargateSizes.isValid(draft.cpu(), draft.memory());
        return offered ? Optional.empty()
                : Optional.of(FargateSizes.noConfigurationMessage(draft.cpu(), draft.memory()));
    }

    private static Optional<String> taskParameters(TaskDefinitionDraft draft) {
        if (draft.request().ipcMode() != null) {
            return Optional.of("Tasks using the Fargate launch type do not support ipcMode.");
        }
        String pidMode = draft.request().pidMode();
        if (pidMode != null && !pidMode.equals("task")) {
            return Optional.of("Tasks using the Fargate launch type do not support pidMode '" + pidMode
                    + "'. The supported value for pidMode is 'task'.");
        }
        if (!orEmpty(draft.request().placementConstraints()).isEmpty()) {
            return unsupported("constraints");
        }
        EphemeralStorage storage = draft.request().ephemeralStorage();
        if (storage != null && (storage.sizeInGiB() == null
                || storage.sizeInGiB() < MIN_EPHEMERAL_GIB || storage.sizeInGiB() > MAX_EPHEMERAL_GIB)) {
            // Invented wording; the 21-200 GiB range is the API reference's.
            return Optional.of("Invalid 'ephemeralStorage.sizeInGiB' setting for task. Valid values are 21 to 200 GiB.");
        }
        return Optional.empty();
    }

    private static Optional<String> volumes(List<Volume> volumes) {
        for (Volume volume : volumes) {
            if (volume.host() != null && volume.host().sourcePath() != null && !volume.host().sourcePath().isBlank()) {
                return unsupported("sourcePath");
            }
            if (volume.dockerVolumeConfiguration() != null) {
                return unsupported("dockerVolumeConfiguration");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> container(ContainerDefinition container, TaskDefinitionDraft draft) {
        return hostAccess(container)
                .or(() -> linuxParameters(container.linuxParameters()))
                .or(() -> timeouts(container))
                .or(() -> executionRole(container, draft));
    }

    /** The Fargate differences page lists these container parameters as not valid in a Fargate task. */
    private static Optional<String> hostAccess(ContainerDefinition container) {
        if (Boolean.TRUE.equals(container.privileged())) {
            return unsupported("privileged");
        }
        if (Boolean.TRUE.equals(container.disableNetworking())) {
            return unsupported("disableNetworking");
        }
        if (!orEmpty(container.dnsServers()).isEmpty()) {
            return unsupported("dnsServers");
        }
        if (!orEmpty(container.dnsSearchDomains()).isEmpty()) {
            return unsupported("dnsSearchDomains");
        }
        if (!orEmpty(container.dockerSecurityOptions()).isEmpty()) {
            return unsupported("dockerSecurityOptions");
        }
        if (orEmpty(container.resourceRequirements()).stream().map(ResourceRequirement::type).anyMatch("GPU"::equals)) {
            return unsupported("gpu");
        }
        return Optional.empty();
    }

    private static Optional<String> linuxParameters(LinuxParameters parameters) {
        if (parameters == null) {
            return Optional.empty();
        }
        if (!orEmpty(parameters.devices()).isEmpty()) {
            return unsupported("devices");
        }
        if (parameters.sharedMemorySize() != null) {
            return unsupported("sharedMemorySize");
        }
        if (parameters.maxSwap() != null) {
            return unsupported("maxSwap");
        }
        if (parameters.swappiness() != null) {
            return unsupported("swappiness");
        }
        if (parameters.capabilities() != null
                && !orEmpty(parameters.capabilities().add()).stream().allMatch("SYS_PTRACE"::equals)) {
            // Invented wording: the API reference says Fargate only supports adding SYS_PTRACE.
            return Optional.of("Fargate compatible task definitions only support adding the SYS_PTRACE capability");
        }
        return Optional.empty();
    }

    private static Optional<String> timeouts(ContainerDefinition container) {
        if (outsideFargateTimeout(container.startTimeout())) {
            return Optional.of(timeoutMessage("startTimeout", container));
        }
        if (outsideFargateTimeout(container.stopTimeout())) {
            return Optional.of(timeoutMessage("stopTimeout", container));
        }
        return Optional.empty();
    }

    private static boolean outsideFargateTimeout(Integer seconds) {
        return seconds != null && (seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS);
    }

    // Invented wording; the 2-120 second range is the API reference's.
    private static String timeoutMessage(String field, ContainerDefinition container) {
        return "Invalid '" + field + "' setting for container '" + container.name()
                + "'. The valid values for Fargate are 2-120 seconds.";
    }

    private static Optional<String> executionRole(ContainerDefinition container, TaskDefinitionDraft draft) {
        if (draft.hasExecutionRole()) {
            return Optional.empty();
        }
        if (container.logConfiguration() != null && "awslogs".equals(container.logConfiguration().logDriver())) {
            return Optional.of("Fargate requires task definition to have execution role ARN to support log driver awslogs.");
        }
        if (isPrivateEcrImage(container.image())) {
            return Optional.of("Fargate requires task definition to have execution role ARN to support ECR images.");
        }
        return Optional.empty();
    }

    static boolean isPrivateEcrImage(String image) {
        return image != null && ECR_IMAGE.matcher(image).matches();
    }

    /** The wording AWS reports for sourcePath, devices, sharedMemorySize, maxSwap and others alike. */
    private static Optional<String> unsupported(String parameter) {
        return Optional.of("Fargate compatible task definitions do not support " + parameter);
    }
}
