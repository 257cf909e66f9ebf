package io.berth.ecs;

import com.fasterxml.jackson.core.type.TypeReference;
import io.berth.ecs.model.Attachment;
import io.berth.ecs.model.CapacityProviderStrategyItem;
import io.berth.ecs.model.Cluster;
import io.berth.ecs.model.ClusterConfiguration;
import io.berth.ecs.model.ClusterServiceConnectDefaults;
import io.berth.ecs.model.ClusterSetting;
import io.berth.ecs.model.KeyValuePair;
import io.berth.ecs.model.Tag;
import io.berth.store.Documents;
import io.berth.store.EmbeddedJson;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Optional;

/**
 * Clusters in the store, as {@link ClusterDocument}s, one per cluster name within an account and
 * region.
 */
final class ClusterRepository {

    private static final String KIND = "ecs.cluster";

    private ClusterRepository() {
    }

    static Optional<Cluster> find(Documents documents, String scope, String name) {
        return documents.get(KIND, scope, name).map(ClusterRepository::read);
    }

    static void save(Documents documents, String scope, Cluster cluster) {
        documents.put(KIND, scope, cluster.clusterName(), StoredJson.write(document(cluster)));
    }

    static List<Cluster> page(Documents documents, String scope, String after, int limit) {
        return documents.list(new Documents.Query(KIND, scope, "", after, limit, false)).stream()
                .map(d -> read(d.body())).toList();
    }

    static Cluster read(String json) {
        ClusterDocument d = StoredJson.read(json, ClusterDocument.class);
        return new Cluster(d.clusterArn(), d.clusterName(),
                EmbeddedJson.read(d.configuration(), ClusterConfiguration.class), d.status(),
                d.registeredContainerInstancesCount(), d.runningTasksCount(), d.pendingTasksCount(),
                d.activeServicesCount(), EmbeddedJson.read(d.statistics(), new TypeReference<List<KeyValuePair>>() { }),
                d.tags() == null ? null : d.tags().stream().map(t -> new Tag(t.key(), t.value())).toList(),
                d.settings() == null ? null
                        : d.settings().stream().map(s -> new ClusterSetting(s.name(), s.value())).toList(),
                d.capacityProviders(),
                EmbeddedJson.read(d.defaultCapacityProviderStrategy(),
                        new TypeReference<List<CapacityProviderStrategyItem>>() { }),
                EmbeddedJson.read(d.attachments(), new TypeReference<List<Attachment>>() { }),
                d.attachmentsStatus(),
                EmbeddedJson.read(d.serviceConnectDefaults(), ClusterServiceConnectDefaults.class));
    }

    static ClusterDocument document(Cluster c) {
        return new ClusterDocument(ClusterDocument.SCHEMA, c.clusterArn(), c.clusterName(),
                EmbeddedJson.of(c.configuration()), c.status(), c.registeredContainerInstancesCount(),
                c.runningTasksCount(), c.pendingTasksCount(), c.activeServicesCount(), EmbeddedJson.of(c.statistics()),
                c.tags() == null ? null : c.tags().stream().map(t -> new TagDocument(t.key(), t.value())).toList(),
                c.settings() == null ? null
                        : c.settings().stream().map(s -> new ClusterDocument.Setting(s.name(), s.value())).toList(),
                c.capacityProviders(), EmbeddedJson.of(c.defaultCapacityProviderStrategy()),
                EmbeddedJson.of(c.attachments()), c.attachmentsStatus(), EmbeddedJson.of(c.serviceConnectDefaults()));
    }
}
