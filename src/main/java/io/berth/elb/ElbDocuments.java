package io.berth.elb;

import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Optional;

/** One transaction's view of the ELBv2 state of an account and region. */
final class ElbDocuments {

    /** A kind of stored resource, each document keyed by the resource's ARN. */
    record Kind<T extends Stored.Tagged>(String name, Class<T> type) {
    }

    static final Kind<Stored.LoadBalancer> LOAD_BALANCER = new Kind<>("elb.loadbalancer", Stored.LoadBalancer.class);
    static final Kind<Stored.TargetGroup> TARGET_GROUP = new Kind<>("elb.targetgroup", Stored.TargetGroup.class);
    static final Kind<Stored.Listener> LISTENER = new Kind<>("elb.listener", Stored.Listener.class);
    static final Kind<Stored.Rule> RULE = new Kind<>("elb.rule", Stored.Rule.class);

    private final Documents documents;
    private final String scope;

    ElbDocuments(Documents documents, Scope scope) {
        this.documents = documents;
        this.scope = scope.key();
    }

    <T extends Stored.Tagged> Optional<T> find(Kind<T> kind, String arn) {
        return arn == null ? Optional.empty()
                : documents.get(kind.name(), scope, arn).map(json -> StoredJson.read(json, kind.type()));
    }

    /** Every resource of a kind, in ARN order. */
    <T extends Stored.Tagged> List<T> all(Kind<T> kind) {
        return documents.list(Documents.Query.all(kind.name(), scope)).stream()
                .map(d -> StoredJson.read(d.body(), kind.type())).toList();
    }

    <T extends Stored.Tagged> void save(Kind<T> kind, T value) {
        documents.put(kind.name(), scope, value.arn(), StoredJson.write(value));
    }

    <T extends Stored.Tagged> void delete(Kind<T> kind, String arn) {
        documents.delete(kind.name(), scope, arn);
    }

    /** The listeners of a load balancer. */
    List<Stored.Listener> listenersOf(String loadBalancerArn) {
        return all(LISTENER).stream().filter(l -> l.loadBalancerArn().equals(loadBalancerArn)).toList();
    }

    List<Stored.Rule> rulesOf(String listenerArn) {
        return all(RULE).stream().filter(r -> r.listenerArn().equals(listenerArn)).toList();
    }
}
