package io.berth.ec2;

import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.StoredNetworkAcl.Association;
import io.berth.ec2.StoredNetworkAcl.Entry;
import io.berth.edge.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * DescribeNetworkAcls. Berth's network ACLs are the default ACL each VPC is made with: it allows
 * all traffic in and out (rules 100, then the catch-all 32767 that denies what no rule allowed),
 * every subnet of the VPC is associated with it, and it goes when the VPC goes.
 */
final class NetworkAcls {

    static final int ALLOW_ALL_RULE = 100;
    /** The rule every ACL ends with, which no request may change: deny what no other rule allowed. */
    static final int CATCH_ALL_RULE = 32767;
    private static final String EVERYWHERE = "0.0.0.0/0";
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "networkAclIds");
    private static final Filters<StoredNetworkAcl> FILTERS = Filters.<StoredNetworkAcl>builder()
            .field("network-acl-id", StoredNetworkAcl::networkAclId)
            .field("vpc-id", StoredNetworkAcl::vpcId)
            .field("owner-id", StoredNetworkAcl::ownerId)
            .flag("default", StoredNetworkAcl::defaultAcl)
            .fields("association.association-id", associations(Association::networkAclAssociationId))
            .fields("association.network-acl-id",
                    a -> a.associations().stream().map(x -> a.networkAclId()).toList())
            .fields("association.subnet-id", associations(Association::subnetId))
            .fields("entry.cidr", entries(Entry::cidrBlock))
            .fields("entry.egress", entries(e -> Boolean.toString(e.egress())))
            .fields("entry.protocol", entries(Entry::protocol))
            .fields("entry.rule-action", entries(Entry::ruleAction))
            .fields("entry.rule-number", entries(e -> Integer.toString(e.ruleNumber())))
            .absent("entry.icmp.code", "entry.icmp.type", "entry.ipv6-cidr", "entry.port-range.from",
                    "entry.port-range.to")
            .tags(StoredNetworkAcl::tags)
            .build();

    private final Ec2State state;

    NetworkAcls(Ec2State state) {
        this.state = state;
    }

    /** A VPC's default ACL, allowing all traffic both ways, egress rules listed first as EC2 lists them. */
    static StoredNetworkAcl newDefaultNetworkAcl(Ec2Documents ec2, Ec2Ids ids, StoredVpc vpc) {
        List<Entry> entries = new ArrayList<>();
        for (boolean egress : new boolean[] {true, false}) {
            entries.add(new Entry(ALLOW_ALL_RULE, Permissions.ALL_PROTOCOLS, "allow", egress, EVERYWHERE));
            entries.add(new Entry(CATCH_ALL_RULE, Permissions.ALL_PROTOCOLS, "deny", egress, EVERYWHERE));
        }
        return new StoredNetworkAcl(ids.next("acl"), ec2.accountId(), vpc.vpcId(), true, entries, List.of(),
                List.of());
    }

    /** Associates a new subnet with its VPC's default ACL, as EC2 does when the subnet is made. */
    static void associateWithDefault(Ec2Documents ec2, Ec2Ids ids, StoredSubnet subnet) {
        ec2.all(Ec2Kind.NETWORK_ACL).stream()
                .filter(acl -> acl.defaultAcl() && acl.vpcId().equals(subnet.vpcId()))
                .findFirst()
                .ifPresent(acl -> {
                    List<Association> associations = new ArrayList<>(acl.associations());
                    associations.add(new Association(ids.next("aclassoc"), subnet.subnetId()));
                    ec2.save(Ec2Kind.NETWORK_ACL, acl.withAssociations(associations));
                });
    }

    /** Ends a deleted subnet's association. */
    static void disassociate(Ec2Documents ec2, String subnetId) {
        for (StoredNetworkAcl acl : ec2.all(Ec2Kind.NETWORK_ACL)) {
            if (acl.associations().stream().anyMatch(a -> a.subnetId().equals(subnetId))) {
                ec2.save(Ec2Kind.NETWORK_ACL, acl.withAssociations(acl.associations().stream()
                        .filter(a -> !a.subnetId().equals(subnetId)).toList()));
            }
        }
    }

    Page<StoredNetworkAcl> describeNetworkAcls(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> ec2.describe(Ec2Kind.NETWORK_ACL, request, BOUNDS,
                FILTERS.matcher(request.filters()), Ec2Errors::networkAclNotFound));
    }

    private static Function<StoredNetworkAcl, List<String>> associations(Function<Association, String> value) {
        return a -> a.associations().stream().map(value).filter(Objects::nonNull).toList();
    }

    private static Function<StoredNetworkAcl, List<String>> entries(Function<Entry, String> value) {
        return a -> a.entries().stream().map(value).filter(Objects::nonNull).toList();
    }
}
