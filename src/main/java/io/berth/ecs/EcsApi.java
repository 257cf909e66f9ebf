package io.berth.ecs;

import io.berth.ec2.Networks;
import io.berth.ecs.model.CreateCapacityProviderRequest;
import io.berth.ecs.model.CreateClusterRequest;
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
import io.berth.edge.ServiceDefinition;
import io.berth.store.Store;

import java.util.List;
import java.util.function.BooleanSupplier;

/** Amazon ECS as the edge serves it: AWS JSON 1.1, every operation declared once. */
public final class EcsApi {

    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";

    private EcsApi() {
    }

    /**
     * @param capacityAvailable whether a container runtime is there to run tasks on
     * @param signal            wakes the task controller when desired state changes
     * @param networks          where tasks' awsvpc configurations are checked
     */
    public static ServiceDefinition definition(Store store, IdGenerator ids, BooleanSupplier capacityAvailable,
                                               TaskSignal signal, Networks networks) {
        Clusters clusters = new Clusters(store);
        Tasks tasks = new Tasks(store, ids, capacityAvailable, signal, networks);
        TaskDefinitions taskDefinitions = new TaskDefinitions(store);
        ResourceTags tags = new ResourceTags(store);
        CapacityProviders capacityProviders = new CapacityProviders(store);
        AccountSettings accountSettings = new AccountSettings(store);
        ContainerInstances containerInstances = new ContainerInstances(store);
        return new ServiceDefinition.Json("ecs", TARGET_PREFIX, List.of(
                op("CreateCluster", CreateClusterRequest.class,
                        (c, r) -> List.of(clusterArn(c, r.clusterName())), clusters::createCluster)
                        .withConditionKeys(r -> RequestTags.keys(r.tags())),
                op("DescribeClusters", DescribeClustersRequest.class,
                        (c, r) -> r.clusters() == null || r.clusters().isEmpty() ? List.of(clusterArn(c, null))
                                : r.clusters().stream().map(ref -> clusterArn(c, ref)).toList(),
                        clusters::describeClusters),
                op("ListClusters", ListClustersRequest.class, ResourceResolver.any(), clusters::listClusters),
                op("UpdateCluster", UpdateClusterRequest.class,
                        (c, r) -> List.of(clusterArn(c, r.cluster())), clusters::updateCluster),
                op("UpdateClusterSettings", UpdateClusterSettingsRequest.class,
                        (c, r) -> List.of(clusterArn(c, r.cluster())), clusters::updateClusterSettings),
                op("DeleteCluster", DeleteClusterRequest.class,
                        (c, r) -> List.of(clusterArn(c, r.cluster())), clusters::deleteCluster),
                op("PutClusterCapacityProviders", PutClusterCapacityProvidersRequest.class,
                        (c, r) -> List.of(clusterArn(c, r.cluster())), clusters::putClusterCapacityProviders),
                op("DescribeCapacityProviders", DescribeCapacityProvidersRequest.class,
                        (c, r) -> r.capacityProviders() == null || r.capacityProviders().isEmpty() ? List.of("*")
                                : r.capacityProviders().stream().map(ref -> capacityProviderArn(c, ref)).toList(),
                        capacityProviders::describeCapacityProviders),
                op("CreateCapacityProvider", CreateCapacityProviderRequest.class,
                        (c, r) -> List.of(capacityProviderArn(c, r.name())), capacityProviders::createCapacityProvider)
                        .withConditionKeys(r -> RequestTags.keys(r.tags())),
                op("UpdateCapacityProvider", UpdateCapacityProviderRequest.class,
                        (c, r) -> List.of(capacityProviderArn(c, r.name())), capacityProviders::updateCapacityProvider),
                op("DeleteCapacityProvider", DeleteCapacityProviderRequest.class,
                        (c, r) -> List.of(capacityProviderArn(c, r.capacityProvider())),
                        capacityProviders::deleteCapacityProvider),
                op("ListAccountSettings", ListAccountSettingsRequest.class, ResourceResolver.any(),
                        accountSettings::listAccountSettings),
                op("PutAccountSetting", PutAccountSettingRequest.class, ResourceResolver.any(),
                        accountSettings::putAccountSetting),
                op("PutAccountSettingDefault", PutAccountSettingDefaultRequest.class, ResourceResolver.any(),
                        accountSettings::putAccountSettingDefault),
                op("DeleteAccountSetting", DeleteAccountSettingRequest.class, ResourceResolver.any(),
                        accountSettings::deleteAccountSetting),
                op("ListContainerInstances", ListContainerInstancesRequest.class,
                        (c, r) -> List.of(clusterArn(c, r.cluster())), containerInstances::listContainerInstances),
                op("DescribeContainerInstances", DescribeContainerInstancesRequest.class,
                        (c, r) -> r.containerInstances() == null || r.containerInstances().isEmpty() ? List.of("*")
                                : r.containerInstances().stream().map(ref -> containerInstanceArn(c, r.cluster(), ref)).toList(),
                        containerInstances::describeContainerInstances),
                op("RegisterTaskDefinition", RegisterTaskDefinitionRequest.class, ResourceResolver.any(),
                        taskDefinitions::registerTaskDefinition)
                        .passingRoles((c, r) -> roles(r.taskRoleArn(), r.executionRoleArn()))
                        .withConditionKeys(r -> RequestTags.keys(r.tags())),
                op("DescribeTaskDefinition", DescribeTaskDefinitionRequest.class, ResourceResolver.any(),
                        taskDefinitions::describeTaskDefinition),
                op("ListTaskDefinitions", ListTaskDefinitionsRequest.class, ResourceResolver.any(),
                        taskDefinitions::listTaskDefinitions),
                op("ListTaskDefinitionFamilies", ListTaskDefinitionFamiliesRequest.class, ResourceResolver.any(),
                        taskDefinitions::listTaskDefinitionFamilies),
                op("DeregisterTaskDefinition", DeregisterTaskDefinitionRequest.class, ResourceResolver.any(),
                        taskDefinitions::deregisterTaskDefinition),
                op("DeleteTaskDefinitions", DeleteTaskDefinitionsRequest.class,
                        (c, r) -> r.taskDefinitions() == null ? List.of("*") : r.taskDefinitions(),
                        taskDefinitions::deleteTaskDefinitions),
                op("TagResource", TagResourceRequest.class, (c, r) -> List.of(String.valueOf(r.resourceArn())),
                        tags::tagResource).withConditionKeys(r -> RequestTags.keys(r.tags())),
                op("UntagResource", UntagResourceRequest.class, (c, r) -> List.of(String.valueOf(r.resourceArn())),
                        tags::untagResource),
                op("ListTagsForResource", ListTagsForResourceRequest.class,
                        (c, r) -> List.of(String.valueOf(r.resourceArn())), tags::listTagsForResource),
                op("RunTask", RunTaskRequest.class,
                        (c, r) -> List.of(taskDefinitionArn(c, r.taskDefinition())), tasks::runTask)
                        .passingRoles((c, r) -> launchRoles(taskDefinitions, c, r))
                        .withConditionKeys(r -> RequestTags.keys(r.tags())),
                op("StartTask", StartTaskRequest.class,
                        (c, r) -> List.of(taskDefinitionArn(c, r.taskDefinition())), tasks::startTask),
                op("StopTask", StopTaskRequest.class, (c, r) -> List.of(taskArn(c, r.cluster(), r.task())), tasks::stopTask),
                op("DescribeTasks", DescribeTasksRequest.class,
                        (c, r) -> r.tasks() == null ? List.of("*") : r.tasks().stream().map(t -> taskArn(c, r.cluster(), t)).toList(),
                        tasks::describeTasks),
                op("ListTasks", ListTasksRequest.class, (c, r) -> List.of(clusterArn(c, r.cluster())), tasks::listTasks)));
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

    private static <Q, R> Operation<Q, R> op(String name, Class<Q> type, ResourceResolver<Q> resources,
                                             io.berth.edge.Handler<Q, R> handler) {
        return Operation.of("ecs", name, type, resources, handler);
    }

    private static String taskDefinitionArn(RequestContext context, String ref) {
        if (ref == null || ref.startsWith("arn:")) {
            return String.valueOf(ref);
        }
        return EcsArns.prefix(context) + "task-definition/" + ref + (ref.contains(":") ? "" : ":*");
    }

    private static String taskArn(RequestContext context, String cluster, String ref) {
        if (ref == null || ref.startsWith("arn:")) {
            return String.valueOf(ref);
        }
        String clusterName = cluster == null || cluster.isEmpty() ? Clusters.DEFAULT
                : cluster.substring(cluster.lastIndexOf('/') + 1);
        return EcsArns.prefix(context) + "task/" + clusterName + "/" + ref;
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
