package io.berth.ecs;

import io.berth.ec2.Networks;
import io.berth.ecs.model.CreateCapacityProviderRequest;
import io.berth.ecs.model.CreateClusterRequest;
import io.berth.ecs.model.CreateServiceRequest;
import io.berth.ecs.model.DeleteServiceRequest;
import io.berth.ecs.model.DescribeServicesRequest;
import io.berth.ecs.model.ListServicesByNamespaceRequest;
import io.berth.ecs.model.ListServicesRequest;
import io.berth.ecs.model.UpdateServiceRequest;
import io.berth.ecs.model.GetTaskProtectionRequest;
import io.berth.ecs.model.UpdateTaskProtectionRequest;
import io.berth.ecs.model.DeleteAccountSettingRequest;
import io.berth.ecs.model.DeleteCapacityProviderRequest;
import io.berth.ecs.model.DescribeCapacityProvidersRequest;
import io.berth.ecs.model.DescribeContainerInstancesRequest;
import io.berth.ecs.model.ListAccountSettingsRequest;
import io.berth.ecs.model.ListContainerInstancesRequest;
import io.berth.ecs.model.PutAccountSettingDefaultRequest;
import io.berth.ecs.model.PutAccountSettingRequest;
import io.berth.ecs.model.PutClusterCapacityProvidersRequest;
import io.berth.ecs.model.UpdateCapacityProviderRequest;
import io.berth.ecs.model.DescribeTasksRequest;
import io.berth.ecs.model.ListTasksRequest;
import io.berth.ecs.model.RunTaskRequest;
import io.berth.ecs.model.StartTaskRequest;
import io.berth.ecs.model.StopTaskRequest;
import io.berth.ecs.model.DeleteClusterRequest;
import io.berth.ecs.model.DeleteTaskDefinitionsRequest;
import io.berth.ecs.model.DeregisterTaskDefinitionRequest;
import io.berth.ecs.model.DescribeClustersRequest;
import io.berth.ecs.model.DescribeTaskDefinitionRequest;
import io.berth.ecs.model.ListClustersRequest;
import io.berth.ecs.model.ListTagsForResourceRequest;
import io.berth.ecs.model.ListTaskDefinitionFamiliesRequest;
import io.berth.ecs.model.ListTaskDefinitionsRequest;
import io.berth.ecs.model.RegisterTaskDefinitionRequest;
import io.berth.ecs.model.TagResourceRequest;
import io.berth.ecs.model.UntagResourceRequest;
import io.berth.ecs.model.UpdateClusterRequest;
import io.berth.ecs.model.UpdateClusterSettingsRequest;
import io.berth.edge.Operation;
import io.berth.edge.RequestContext;
import io.berth.edge.ResourceResolver;
import io.berth.edge.Route;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceModule;
import io.berth.store.Store;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Amazon ECS as the edge serves it: AWS JSON 1.1, every operation declared once. */
public final class EcsApi {

    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

    private EcsApi() {
    }

    /**
     * The ECS API, whose clusters', task definitions' and tasks' tags policies read as
     * aws:ResourceTag/… keys, with the endpoints tasks call (credentials, metadata).
     *
     * @param capacityAvailable whether a container runtime is there to run tasks on
     * @param signal            wakes the task controller when desired state changes
     * @param servicesChanged   wakes the service scheduler when a service changes
     * @param networks          where tasks' awsvpc configurations are checked
     * @param agentRoutes       the endpoints code inside tasks calls
     */
    public static ServiceModule module(Store store, IdGenerator ids, BooleanSupplier capacityAvailable,
                                       TaskSignal signal, Runnable servicesChanged, Networks networks,
                                       List<Route> agentRoutes) {
        ResourceTags tags = new ResourceTags(store);
        return ServiceModule.of(definition(store, ids, capacityAvailable, signal, servicesChanged, networks, tags), "ecs")
                .withRoutes(agentRoutes).withTags(tags);
    }

    private static ServiceDefinition definition(Store store, IdGenerator ids, BooleanSupplier capacityAvailable,
                                                TaskSignal signal, Runnable servicesChanged, Networks networks,
                                                ResourceTags tags) {
        Clusters clusters = new Clusters(store);
        Tasks tasks = new Tasks(store, ids, capacityAvailable, signal, networks);
        TaskDefinitions taskDefinitions = new TaskDefinitions(store);
        CapacityProviders capacityProviders = new CapacityProviders(store);
        AccountSettings accountSettings = new AccountSettings(store);
        ContainerInstances containerInstances = new ContainerInstances(store);
        Services services = new Services(store, networks, servicesChanged);
        TaskProtections protections = new TaskProtections(store, servicesChanged);
        return new ServiceDefinition.Json("ecs", TARGET_PREFIX, List.of(
                Operation.named("ecs", "CreateCluster", CreateClusterRequest.class)
                        .on((c, r) -> List.of(clusterArn(c, r.clusterName())))
                        .conditionKeys(r -> RequestTags.keys(r.tags())).handledBy(clusters::createCluster),
                Operation.named("ecs", "DescribeClusters", DescribeClustersRequest.class)
                        .on((c, r) -> each(r.clusters(), ref -> clusterArn(c, ref), clusterArn(c, null)))
                        .handledBy(clusters::describeClusters),
                Operation.named("ecs", "ListClusters", ListClustersRequest.class).on(ResourceResolver.any())
                        .handledBy(clusters::listClusters),
                Operation.named("ecs", "UpdateCluster", UpdateClusterRequest.class)
                        .on((c, r) -> List.of(clusterArn(c, r.cluster()))).handledBy(clusters::updateCluster),
                Operation.named("ecs", "UpdateClusterSettings", UpdateClusterSettingsRequest.class)
                        .on((c, r) -> List.of(clusterArn(c, r.cluster()))).handledBy(clusters::updateClusterSettings),
                Operation.named("ecs", "DeleteCluster", DeleteClusterRequest.class)
                        .on((c, r) -> List.of(clusterArn(c, r.cluster()))).handledBy(clusters::deleteCluster),
                Operation.named("ecs", "PutClusterCapacityProviders", PutClusterCapacityProvidersRequest.class)
                        .on((c, r) -> List.of(clusterArn(c, r.cluster())))
                        .handledBy(clusters::putClusterCapacityProviders),
                Operation.named("ecs", "DescribeCapacityProviders", DescribeCapacityProvidersRequest.class)
                        .on((c, r) -> each(r.capacityProviders(), ref -> capacityProviderArn(c, ref), "*"))
                        .handledBy(capacityProviders::describeCapacityProviders),
                Operation.named("ecs", "CreateCapacityProvider", CreateCapacityProviderRequest.class)
                        .on((c, r) -> List.of(capacityProviderArn(c, r.name())))
                        .conditionKeys(r -> RequestTags.keys(r.tags()))
                        .handledBy(capacityProviders::createCapacityProvider),
                Operation.named("ecs", "UpdateCapacityProvider", UpdateCapacityProviderRequest.class)
                        .on((c, r) -> List.of(capacityProviderArn(c, r.name())))
                        .handledBy(capacityProviders::updateCapacityProvider),
                Operation.named("ecs", "DeleteCapacityProvider", DeleteCapacityProviderRequest.class)
                        .on((c, r) -> List.of(capacityProviderArn(c, r.capacityProvider())))
                        .handledBy(capacityProviders::deleteCapacityProvider),
                Operation.named("ecs", "ListAccountSettings", ListAccountSettingsRequest.class)
                        .on(ResourceResolver.any()).handledBy(accountSettings::listAccountSettings),
                Operation.named("ecs", "PutAccountSetting", PutAccountSettingRequest.class).on(ResourceResolver.any())
                        .handledBy(accountSettings::putAccountSetting),
                Operation.named("ecs", "PutAccountSettingDefault", PutAccountSettingDefaultRequest.class)
                        .on(ResourceResolver.any()).handledBy(accountSettings::putAccountSettingDefault),
                Operation.named("ecs", "DeleteAccountSetting", DeleteAccountSettingRequest.class)
                        .on(ResourceResolver.any()).handledBy(accountSettings::deleteAccountSetting),
                Operation.named("ecs", "ListContainerInstances", ListContainerInstancesRequest.class)
                        .on((c, r) -> List.of(clusterArn(c, r.cluster())))
                        .handledBy(containerInstances::listContainerInstances),
                Operation.named("ecs", "DescribeContainerInstances", DescribeContainerInstancesRequest.class)
                        .on((c, r) -> each(r.containerInstances(), ref -> containerInstanceArn(c, r.cluster(), ref),
                                "*"))
                        .handledBy(containerInstances::describeContainerInstances),
                Operation.named("ecs", "RegisterTaskDefinition", RegisterTaskDefinitionRequest.class)
                        .on(ResourceResolver.any())
                        .passingRoles((c, r) -> roles(r.taskRoleArn(), r.executionRoleArn()))
                        .conditionKeys(r -> RequestTags.keys(r.tags()))
                        .handledBy(taskDefinitions::registerTaskDefinition),
                Operation.named("ecs", "DescribeTaskDefinition", DescribeTaskDefinitionRequest.class)
                        .on(ResourceResolver.any()).handledBy(taskDefinitions::describeTaskDefinition),
                Operation.named("ecs", "ListTaskDefinitions", ListTaskDefinitionsRequest.class)
                        .on(ResourceResolver.any()).handledBy(taskDefinitions::listTaskDefinitions),
                Operation.named("ecs", "ListTaskDefinitionFamilies", ListTaskDefinitionFamiliesRequest.class)
                        .on(ResourceResolver.any()).handledBy(taskDefinitions::listTaskDefinitionFamilies),
                Operation.named("ecs", "DeregisterTaskDefinition", DeregisterTaskDefinitionRequest.class)
                        .on(ResourceResolver.any()).handledBy(taskDefinitions::deregisterTaskDefinition),
                Operation.named("ecs", "DeleteTaskDefinitions", DeleteTaskDefinitionsRequest.class)
                        .on((c, r) -> each(r.taskDefinitions(), Function.identity(), "*"))
                        .handledBy(taskDefinitions::deleteTaskDefinitions),
                Operation.named("ecs", "TagResource", TagResourceRequest.class)
                        .on((c, r) -> List.of(String.valueOf(r.resourceArn())))
                        .conditionKeys(r -> RequestTags.keys(r.tags())).handledBy(tags::tagResource),
                Operation.named("ecs", "UntagResource", UntagResourceRequest.class)
                        .on((c, r) -> List.of(String.valueOf(r.resourceArn()))).handledBy(tags::untagResource),
                Operation.named("ecs", "ListTagsForResource", ListTagsForResourceRequest.class)
                        .on((c, r) -> List.of(String.valueOf(r.resourceArn()))).handledBy(tags::listTagsForResource),
                Operation.named("ecs", "RunTask", RunTaskRequest.class)
                        .on((c, r) -> List.of(taskDefinitionArn(c, r.taskDefinition())))
                        .passingRoles((c, r) -> launchRoles(taskDefinitions, c, r))
                        .conditionKeys(r -> RequestTags.keys(r.tags())).handledBy(tasks::runTask),
                Operation.named("ecs", "StartTask", StartTaskRequest.class)
                        .on((c, r) -> List.of(taskDefinitionArn(c, r.taskDefinition()))).handledBy(tasks::startTask),
                Operation.named("ecs", "StopTask", StopTaskRequest.class)
                        .on((c, r) -> List.of(taskArn(c, r.cluster(), r.task()))).handledBy(tasks::stopTask),
                Operation.named("ecs", "DescribeTasks", DescribeTasksRequest.class)
                        .on((c, r) -> each(r.tasks(), ref -> taskArn(c, r.cluster(), ref), "*"))
                        .handledBy(tasks::describeTasks),
                Operation.named("ecs", "ListTasks", ListTasksRequest.class)
                        .on((c, r) -> List.of(clusterArn(c, r.cluster()))).handledBy(tasks::listTasks),
                Operation.named("ecs", "CreateService", CreateServiceRequest.class)
                        .on((c, r) -> List.of(serviceArn(c, r.cluster(), r.serviceName())))
                        .conditionKeys(r -> RequestTags.keys(r.tags())).handledBy(services::createService),
                Operation.named("ecs", "UpdateService", UpdateServiceRequest.class)
                        .on((c, r) -> List.of(serviceArn(c, r.cluster(), r.service()))).handledBy(services::updateService),
                Operation.named("ecs", "DeleteService", DeleteServiceRequest.class)
                        .on((c, r) -> List.of(serviceArn(c, r.cluster(), r.service()))).handledBy(services::deleteService),
                Operation.named("ecs", "DescribeServices", DescribeServicesRequest.class)
                        .on((c, r) -> each(r.services(), ref -> serviceArn(c, r.cluster(), ref), "*"))
                        .handledBy(services::describeServices),
                Operation.named("ecs", "ListServices", ListServicesRequest.class).on(ResourceResolver.any())
                        .handledBy(services::listServices),
                Operation.named("ecs", "ListServicesByNamespace", ListServicesByNamespaceRequest.class)
                        .on(ResourceResolver.any()).handledBy(services::listServicesByNamespace),
                Operation.named("ecs", "UpdateTaskProtection", UpdateTaskProtectionRequest.class)
                        .on((c, r) -> each(r.tasks(), ref -> taskArn(c, r.cluster(), ref), "*"))
                        .handledBy(protections::updateTaskProtection),
                Operation.named("ecs", "GetTaskProtection", GetTaskProtectionRequest.class)
                        .on((c, r) -> each(r.tasks(), ref -> taskArn(c, r.cluster(), ref), "*"))
                        .handledBy(protections::getTaskProtection)));
    }

    /** The roles a launch hands to ECS: the task definition's, unless overridden. */
    private static List<String> launchRoles(TaskDefinitions taskDefinitions, RequestContext context, RunTaskRequest request) {
        var overrides = request.overrides();
        List<String> defined = taskDefinitions.rolesOf(context, request.taskDefinition());
        String taskRole = overrides != null && overrides.taskRoleArn() != null ? overrides.taskRoleArn()
                : defined.get(0);
        String executionRole = overrides != null && overrides.executionRoleArn() != null ? overrides.executionRoleArn()
                : defined.get(1);
        return roles(taskRole, executionRole);
    }

    private static List<String> roles(String... arns) {
        return java.util.Arrays.stream(arns).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /**
     * The ARN IAM sees for each resource a request lists; {@code whenNone} when it lists none, so
     * that a request naming nothing is still authorized on something (and then refused by its handler).
     */
    private static List<String> each(List<String> refs, Function<String, String> arn, String whenNone) {
        return refs == null || refs.isEmpty() ? List.of(whenNone) : refs.stream().map(arn).toList();
    }

    private static String taskDefinitionArn(RequestContext context, String ref) {
        if (ref == null || ref.startsWith("arn:")) {
            return String.valueOf(ref);
        }
        return EcsArns.of(context, "task-definition/" + ref + (ref.contains(":") ? "" : ":*"));
    }

    private static String taskArn(RequestContext context, String cluster, String ref) {
        if (ref == null || ref.startsWith("arn:")) {
            return String.valueOf(ref);
        }
        String clusterName = cluster == null || cluster.isEmpty() ? Clusters.DEFAULT
                : cluster.substring(cluster.lastIndexOf('/') + 1);
        return EcsArns.of(context, "task/" + clusterName + "/" + ref);
    }

    /** The ARN IAM sees for a service reference (a name or an ARN) in a cluster. */
    private static String serviceArn(RequestContext context, String cluster, String ref) {
        if (ref == null || ref.startsWith("arn:")) {
            return String.valueOf(ref);
        }
        String clusterName = cluster == null || cluster.isEmpty() ? Clusters.DEFAULT
                : cluster.substring(cluster.lastIndexOf('/') + 1);
        return EcsArns.of(context, "service/" + clusterName + "/" + ref);
    }

    /** The ARN IAM sees for a capacity provider reference (a name or an ARN). */
    private static String capacityProviderArn(RequestContext context, String ref) {
        if (ref == null || ref.startsWith("arn:")) {
            return String.valueOf(ref);
        }
        return CapacityProviders.arn(context, ref);
    }

    private static String containerInstanceArn(RequestContext context, String cluster, String ref) {
        if (ref == null || ref.startsWith("arn:")) {
            return String.valueOf(ref);
        }
        String clusterName = cluster == null || cluster.isEmpty() ? Clusters.DEFAULT
                : cluster.substring(cluster.lastIndexOf('/') + 1);
        return ContainerInstances.arn(context, clusterName, ref);
    }

    /** The ARN IAM sees for a cluster reference (a name, an ARN, or none for {@code default}). */
    private static String clusterArn(RequestContext context, String ref) {
        if (ref == null || ref.isEmpty()) {
            return EcsArns.cluster(context, Clusters.DEFAULT);
        }
        return ref.startsWith("arn:") ? ref : EcsArns.cluster(context, ref);
    }
}
