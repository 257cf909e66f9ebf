package io.berth.ecs;

import io.berth.store.Documents;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Optional;

/** Services in the store. Ids are "cluster serviceName", so one cluster's services list by prefix, by name. */
final class ServiceRepository {

    static final String KIND = "ecs.service";

    private ServiceRepository() {
    }

    static Optional<StoredService> find(Documents documents, String scope, String cluster, String name) {
        return documents.get(KIND, scope, cluster + " " + name).map(json -> StoredJson.read(json, StoredService.class));
    }

    /** Stores the service as its next revision, and returns what was stored. */
    static StoredService save(Documents documents, String scope, StoredService service) {
        StoredService next = service.nextRevision();
        documents.put(KIND, scope, next.clusterName() + " " + next.serviceName(), StoredJson.write(next));
        return next;
    }

    static List<StoredService> page(Documents documents, String scope, String cluster, String afterName, int limit) {
        String after = afterName == null ? null : cluster + " " + afterName;
        return documents.list(new Documents.Query(KIND, scope, cluster + " ", after, limit, false)).stream()
                .map(d -> StoredJson.read(d.body(), StoredService.class)).toList();
    }

    /** The services of a cluster not yet INACTIVE: those that keep it from being deleted. */
    static long activeIn(Documents documents, String scope, String cluster) {
        return page(documents, scope, cluster, null, Integer.MAX_VALUE).stream()
                .filter(s -> !"INACTIVE".equals(s.status())).count();
    }
}
