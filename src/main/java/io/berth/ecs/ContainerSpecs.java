package io.berth.ecs;

import io.berth.ecs.model.ContainerDefinition;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.MountPoint;
import io.berth.ecs.model.Ulimit;
import io.berth.runtime.ContainerSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How an ECS container definition runs: the runtime spec of one task container. */
public final class ContainerSpecs {

    private ContainerSpecs() {
    }

    /**
     * @param volumes  where the task's volumes live on the host, one directory per volume name
     * @param endpoint where code inside the task reaches Berth (its APIs, the credentials and metadata endpoints)
     */
    public static ContainerSpec of(StoredTask task, ContainerDefinition container, String sandboxId, String imageDigest,
                                   Path volumes, String endpoint) {
        Map<String, String> environment = new LinkedHashMap<>();
        // What Fargate gives every container; an AWS SDK inside finds Berth and its task role with no set-up.
        environment.put("AWS_REGION", task.region());
        environment.put("AWS_DEFAULT_REGION", task.region());
        environment.put("AWS_ENDPOINT_URL", endpoint);
        for (KeyValuePair pair : container.environment() == null ? List.<KeyValuePair>of() : container.environment()) {
            environment.put(pair.name(), pair.value() == null ? "" : pair.value());
        }
        environment.putAll(TaskMetadata.environment(task, container.name(), endpoint));
        if (task.definition().taskRoleArn() != null) {
            environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint + TaskCredentials.path(task));
            environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", task.credentialsToken());
        }
        List<ContainerSpec.Ulimit> ulimits = new ArrayList<>();
        for (Ulimit ulimit : container.ulimits() == null ? List.<Ulimit>of() : container.ulimits()) {
            ulimits.add(new ContainerSpec.Ulimit(ulimit.name(), ulimit.softLimit(), ulimit.hardLimit()));
        }
        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        for (MountPoint mount : container.mountPoints() == null ? List.<MountPoint>of() : container.mountPoints()) {
            mounts.add(new ContainerSpec.Mount(volumes.resolve(mount.sourceVolume()).toString(), mount.containerPath(),
                    Boolean.TRUE.equals(mount.readOnly())));
        }
        for (var from : container.volumesFrom() == null ? List.<io.berth.ecs.model.VolumeFrom>of() : container.volumesFrom()) {
            task.definition().containerDefinitions().stream().filter(c -> c.name().equals(from.sourceContainer()))
                    .flatMap(c -> c.mountPoints() == null ? java.util.stream.Stream.empty() : c.mountPoints().stream())
                    .forEach(m -> mounts.add(new ContainerSpec.Mount(volumes.resolve(m.sourceVolume()).toString(),
                            m.containerPath(), Boolean.TRUE.equals(from.readOnly()) || Boolean.TRUE.equals(m.readOnly()))));
        }
        Map<String, String> labels = TaskLifecycle.labels(task, container.name());
        labels.put(TaskLifecycle.LABEL_IMAGE_DIGEST, imageDigest);
        if (container.dockerLabels() != null) {
            container.dockerLabels().forEach(labels::putIfAbsent);
        }
        return new ContainerSpec(task.id(), sandboxId, container.name(), container.image(), container.entryPoint(),
                container.command(), environment, container.workingDirectory(), container.user(),
                container.cpu() == null || container.cpu() == 0 ? null : container.cpu(),
                container.memory(), container.memoryReservation(),
                Boolean.TRUE.equals(container.readonlyRootFilesystem()),
                container.linuxParameters() != null && Boolean.TRUE.equals(container.linuxParameters().initProcessEnabled()),
                ulimits, mounts, healthCheck(container), labels);
    }

    private static ContainerSpec.HealthCheck healthCheck(ContainerDefinition container) {
        var check = container.healthCheck();
        if (check == null) {
            return null;
        }
        return new ContainerSpec.HealthCheck(check.command(),
                Duration.ofSeconds(check.interval() == null ? 30 : check.interval()),
                Duration.ofSeconds(check.timeout() == null ? 5 : check.timeout()),
                check.retries() == null ? 3 : check.retries(),
                Duration.ofSeconds(check.startPeriod() == null ? 0 : check.startPeriod()));
    }
}
