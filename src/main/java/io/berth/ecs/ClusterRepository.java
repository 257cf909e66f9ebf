package io.berth.ecs;

import io.berth.store.StoredJson;
import io.berth.ecs.model.Cluster;
import io.berth.store.Documents;

import java.util.List;
import java.util.Optional;

/** Clusters in the store, one document per cluster name within an account and region. */
final class ClusterRepository {

    private static final String KIND = "ecs.cluster";

    private ClusterRepository() {
    }

    static Optional<Cluster> find(Documents documents, String scope, String name) {
        return documents.get(KIND, scope, name).map(json -> StoredJson.read(json, Cluster.class));
    }

    static void save(Documents documents, String scope, Cluster cluster) {
        documents.put(KIND, scope, cluster.clusterName(), StoredJson.write(cluster));
    }

    static List<Cluster> page(Documents documents, String scope, String after, int limit) {
        return documents.list(new Documents.Query(KIND, scope, "", after, limit, false)).stream()
                .map(d -> StoredJson.read(d.body(), Cluster.class)).toList();
    }
}
