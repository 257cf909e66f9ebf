package io.berth.ecs;

import io.berth.ecs.model.Attribute;
import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.LogConfiguration;
import io.berth.ecs.model.Secret;
import io.berth.ecs.model.Volume;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.berth.ecs.TaskDefinitionDraft.orEmpty;

/**
 * The container instance capabilities ECS lists in {@code requiresAttributes}: what an EC2 instance's
 * agent must offer to place the task. ECS derives them from the features the definition uses; the
 * mapping here is read off real RegisterTaskDefinition and DescribeTaskDefinition outputs (log
 * driver, execution role, ECR, task role, memoryReservation, health check, dependsOn, SSM secrets,
 * awsvpc) and, for the rest, off the Docker Remote API versions the API reference names per field.
 */
final class TaskDefinitionAttributes {

    private static final String CAPABILITY = "com.amazonaws.ecs.capability.";
    private static final String ECS_CAPABILITY = "ecs.capability.";

    private TaskDefinitionAttributes() {
    }

    static List<Attribute> of(TaskDefinitionDraft draft) {
        Set<String> names = new LinkedHashSet<>();
        for (ContainerDefinition container : draft.containers()) {
            container(container, draft, names);
        }
        if (draft.request().taskRoleArn() != null) {
            names.add(CAPABILITY + "task-iam-role");
        }
        for (Volume volume : draft.volumes()) {
            if (volume.efsVolumeConfiguration() != null) {
                names.add(ECS_CAPABILITY + "efs");
                if (volume.efsVolumeConfiguration().authorizationConfig() != null) {
                    names.add(ECS_CAPABILITY + "efsAuth");
                }
            }
        }
        if (draft.awsvpc()) {
            names.add(dockerApi("1.18"));
            names.add(ECS_CAPABILITY + "task-eni");
        }
        return names.stream().map(name -> new Attribute(name, null, null, null)).toList();
    }

    private static void container(ContainerDefinition container, TaskDefinitionDraft draft, Set<String> names) {
        logging(container.logConfiguration(), draft, names);
        if (TaskDefinitionFargateRules.isPrivateEcrImage(container.image())) {
            names.add(CAPABILITY + "ecr-auth");
            if (draft.hasExecutionRole()) {
                names.add(ECS_CAPABILITY + "execution-role-ecr-pull");
            }
        }
        if (container.memoryReservation() != null) {
            names.add(dockerApi("1.21"));
        }
        if (container.dockerLabels() != null || container.ulimits() != null) {
            names.add(dockerApi("1.18"));
        }
        if (container.linuxParameters() != null && Boolean.TRUE.equals(container.linuxParameters().initProcessEnabled())) {
            names.add(dockerApi("1.25"));
        }
        if (container.healthCheck() != null) {
            names.add(ECS_CAPABILITY + "container-health-check");
            names.add(dockerApi("1.24"));
        }
        if (!orEmpty(container.dependsOn()).isEmpty()) {
            names.add(ECS_CAPABILITY + "container-ordering");
        }
        if (Boolean.TRUE.equals(container.privileged())) {
            names.add(CAPABILITY + "privileged-container");
        }
        if (container.repositoryCredentials() != null) {
            names.add(CAPABILITY + "private-registry-authentication.secretsmanager");
        }
        if (!orEmpty(container.environmentFiles()).isEmpty()) {
            names.add(ECS_CAPABILITY + "env-files.s3");
        }
        if (container.firelensConfiguration() != null && container.firelensConfiguration().type() != null) {
            names.add(ECS_CAPABILITY + "firelens." + container.firelensConfiguration().type());
        }
        for (Secret secret : orEmpty(container.secrets())) {
            names.add(ECS_CAPABILITY + "secrets." + secretStore(secret) + ".environment-variables");
        }
    }

    private static void logging(LogConfiguration logs, TaskDefinitionDraft draft, Set<String> names) {
        if (logs == null) {
            return;
        }
        names.add(CAPABILITY + "logging-driver." + logs.logDriver());
        if (logs.logDriver().equals("awslogs") && draft.hasExecutionRole()) {
            names.add(ECS_CAPABILITY + "execution-role-awslogs");
        }
        names.add(dockerApi("1.19"));
    }

    /** A secret is read from Secrets Manager when its ARN says so; anything else is an SSM parameter. */
    private static String secretStore(Secret secret) {
        return secret.valueFrom() != null && secret.valueFrom().contains(":secretsmanager:") ? "asm" : "ssm";
    }

    private static String dockerApi(String version) {
        return CAPABILITY + "docker-remote-api." + version;
    }
}
