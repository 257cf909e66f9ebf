package io.berth.ec2;

import io.berth.store.Documents;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Optional;

/** One kind of EC2 document in the store, addressed by its EC2 id within an account and region. */
record Ec2Kind<T extends Tagged<T>>(String name, Class<T> type, String resourceType) {

    static final Ec2Kind<StoredVpc> VPC = new Ec2Kind<>("ec2.vpc", StoredVpc.class, "vpc");
    static final Ec2Kind<StoredSubnet> SUBNET = new Ec2Kind<>("ec2.subnet", StoredSubnet.class, "subnet");
    static final Ec2Kind<StoredSecurityGroup> SECURITY_GROUP =
            new Ec2Kind<>("ec2.security-group", StoredSecurityGroup.class, "security-group");
    static final Ec2Kind<StoredInterface> NETWORK_INTERFACE =
            new Ec2Kind<>("ec2.network-interface", StoredInterface.class, "network-interface");
    static final Ec2Kind<StoredRouteTable> ROUTE_TABLE =
            new Ec2Kind<>("ec2.route-table", StoredRouteTable.class, "route-table");
    static final Ec2Kind<StoredNetworkAcl> NETWORK_ACL =
            new Ec2Kind<>("ec2.network-acl", StoredNetworkAcl.class, "network-acl");

    Optional<T> find(Documents documents, String scope, String id) {
        return documents.get(name, scope, id).map(json -> StoredJson.read(json, type));
    }

    void save(Documents documents, String scope, T value) {
        documents.put(name, scope, value.id(), StoredJson.write(value));
    }

    void delete(Documents documents, String scope, String id) {
        documents.delete(name, scope, id);
    }

    /** Every document of this kind in the scope, in id order. */
    List<T> all(Documents documents, String scope) {
        return page(documents, scope, null, Integer.MAX_VALUE);
    }

    List<T> page(Documents documents, String scope, String after, int limit) {
        return documents.list(new Documents.Query(name, scope, "", after, limit, false)).stream()
                .map(d -> StoredJson.read(d.body(), type)).toList();
    }
}
