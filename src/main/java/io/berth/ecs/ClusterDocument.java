package io.berth.ecs;

import io.berth.store.EmbeddedJson;
import io.berth.store.StoredDocument;

import java.util.List;

/**
 * A cluster as the store keeps it (kind {@code ecs.cluster}); {@link ClusterRepository} maps it
 * from and to the {@code Cluster} ECS describes. Members are named as in AWS's Cluster, so the
 * clusters stored before documents carried a schema read as schema 1. What Berth acts on is typed
 * here; what the user sent and Berth only gives back (the configuration, the default capacity
 * provider strategy, Service Connect defaults) and what AWS reports as lists of its own shapes
 * (statistics, attachments) are kept whole in AWS's JSON (API 2014-11-13), to which AWS only adds.
 */
record ClusterDocument(int schema, String clusterArn, String clusterName, EmbeddedJson configuration, String status,
                       Integer registeredContainerInstancesCount, Integer runningTasksCount,
                       Integer pendingTasksCount, Integer activeServicesCount, EmbeddedJson statistics,
                       List<TagDocument> tags, List<Setting> settings, List<String> capacityProviders,
                       EmbeddedJson defaultCapacityProviderStrategy, EmbeddedJson attachments, String attachmentsStatus,
                       EmbeddedJson serviceConnectDefaults) implements StoredDocument {

    static final int SCHEMA = 1;

    ClusterDocument {
        schema = schema == 0 ? 1 : schema;
    }

    /** A cluster setting (Container Insights): its name and value. */
    record Setting(String name, String value) {
    }
}
