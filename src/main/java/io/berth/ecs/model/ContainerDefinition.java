package io.berth.ecs.model;

import java.util.List;
import java.util.Map;

public record ContainerDefinition(String name, String image, RepositoryCredentials repositoryCredentials, Integer cpu, Integer memory, Integer memoryReservation, List<String> links, List<PortMapping> portMappings, Boolean essential, ContainerRestartPolicy restartPolicy, List<String> entryPoint, List<String> command, List<KeyValuePair> environment, List<EnvironmentFile> environmentFiles, List<MountPoint> mountPoints, List<VolumeFrom> volumesFrom, LinuxParameters linuxParameters, List<Secret> secrets, List<ContainerDependency> dependsOn, Integer startTimeout, Integer stopTimeout, String versionConsistency, String hostname, String user, String workingDirectory, Boolean disableNetworking, Boolean privileged, Boolean readonlyRootFilesystem, List<String> dnsServers, List<String> dnsSearchDomains, List<HostEntry> extraHosts, List<String> dockerSecurityOptions, Boolean interactive, Boolean pseudoTerminal, Map<String, String> dockerLabels, List<Ulimit> ulimits, LogConfiguration logConfiguration, HealthCheck healthCheck, List<SystemControl> systemControls, List<ResourceRequirement> resourceRequirements, FirelensConfiguration firelensConfiguration, List<String> credentialSpecs) {
}
