package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateVpcRequest;
import io.berth.ec2.Ec2Messages.DeleteVpcRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.DescribeVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.ModifyVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.ec2.Ec2Messages.VpcAttributeResult;
import io.berth.ec2.StoredVpc.Attributes;
import io.berth.edge.RequestContext;
import io.berth.store.StoredTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CreateVpc, DescribeVpcs, DeleteVpc, DescribeVpcAttribute and ModifyVpcAttribute. A new VPC
 * comes with its own "default" security group, main route table and default network ACL, which
 * go with it.
 */
final class Vpcs {

    static final int MIN_PREFIX = 16;
    static final int MAX_PREFIX = 28;
    static final String ENABLE_DNS_SUPPORT = "enableDnsSupport";
    static final String ENABLE_DNS_HOSTNAMES = "enableDnsHostnames";
    static final String ENABLE_NETWORK_ADDRESS_USAGE_METRICS = "enableNetworkAddressUsageMetrics";
    private static final Set<String> TENANCIES = Set.of("default", "dedicated");
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "vpcIds");
    /** DescribeVpcs' filters; Berth's VPCs have one IPv4 block, always associated, and no IPv6 block. */
    private static final Filters<StoredVpc> FILTERS = Filters.<StoredVpc>builder()
            .field("vpc-id", StoredVpc::vpcId)
            .field("cidr", StoredVpc::cidrBlock)
            .field("cidr-block-association.cidr-block", StoredVpc::cidrBlock)
            .field("cidr-block-association.association-id", StoredVpc::cidrAssociationId)
            .field("cidr-block-association.state", v -> "associated")
            .field("dhcp-options-id", StoredVpc::dhcpOptionsId)
            .absent("ipv6-cidr-block-association.ipv6-cidr-block", "ipv6-cidr-block-association.ipv6-pool",
                    "ipv6-cidr-block-association.association-id", "ipv6-cidr-block-association.state")
            .flag("is-default", StoredVpc::defaultVpc)
            .alias("isDefault", "is-default")
            .field("owner-id", StoredVpc::ownerId)
            .field("state", v -> "available")
            .tags(StoredVpc::tags)
            .build();

    private final Ec2State state;

    Vpcs(Ec2State state) {
        this.state = state;
    }

    /** Saves a VPC, its default security group, its main route table and its default network ACL. */
    static StoredVpc newVpc(Ec2Documents ec2, Ec2Ids ids, Cidr cidr, String tenancy, String dhcpOptionsId,
                            boolean defaultVpc, List<StoredTag> tags) {
        StoredVpc vpc = new StoredVpc(ids.next("vpc"), ec2.accountId(), cidr.toString(), ids.next("vpc-cidr-assoc"),
                dhcpOptionsId, tenancy, defaultVpc, Attributes.defaults(defaultVpc), tags);
        ec2.save(Ec2Kind.VPC, vpc);
        ec2.save(Ec2Kind.SECURITY_GROUP, SecurityGroups.newDefaultGroup(ec2, ids, vpc.vpcId()));
        ec2.save(Ec2Kind.ROUTE_TABLE, RouteTables.newMainRouteTable(ec2, ids, vpc));
        ec2.save(Ec2Kind.NETWORK_ACL, NetworkAcls.newDefaultNetworkAcl(ec2, ids, vpc));
        return vpc;
    }

    /**
     * Gives VPCs stored before Berth kept route tables and network ACLs the main route table and
     * default ACL (associated with their subnets) they would have had. Idempotent.
     */
    static void completeStoredVpcs(Ec2Documents ec2, Ec2Ids ids) {
        List<StoredRouteTable> tables = ec2.all(Ec2Kind.ROUTE_TABLE);
        List<StoredNetworkAcl> acls = ec2.all(Ec2Kind.NETWORK_ACL);
        for (StoredVpc vpc : ec2.all(Ec2Kind.VPC)) {
            if (tables.stream().noneMatch(t -> t.main() && t.vpcId().equals(vpc.vpcId()))) {
                ec2.save(Ec2Kind.ROUTE_TABLE, RouteTables.newMainRouteTable(ec2, ids, vpc));
            }
            if (acls.stream().noneMatch(a -> a.defaultAcl() && a.vpcId().equals(vpc.vpcId()))) {
                ec2.save(Ec2Kind.NETWORK_ACL, NetworkAcls.newDefaultNetworkAcl(ec2, ids, vpc));
                ec2.all(Ec2Kind.SUBNET).stream().filter(s -> s.vpcId().equals(vpc.vpcId()))
                        .forEach(s -> NetworkAcls.associateWithDefault(ec2, ids, s));
            }
        }
    }

    StoredVpc createVpc(RequestContext context, CreateVpcRequest request) {
        if (request.cidrBlock() == null) {
            throw Ec2Errors.error("MissingParameter", "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
        }
        Cidr cidr = Cidr.parse(request.cidrBlock())
                .orElseThrow(() -> Ec2Errors.invalidCidr("cidrBlock", request.cidrBlock()));
        if (cidr.prefixLength() < MIN_PREFIX || cidr.prefixLength() > MAX_PREFIX) {
            throw Ec2Errors.error("InvalidVpc.Range", "The CIDR '" + request.cidrBlock() + "' is invalid.");
        }
        String tenancy = request.instanceTenancy() == null ? "default" : request.instanceTenancy();
        if (!TENANCIES.contains(tenancy)) {
            throw Ec2Errors.invalidParameterValue("Value (" + tenancy + ") for parameter instanceTenancy is invalid.");
        }
        List<StoredTag> tags = Tags.fromSpecifications(request.tagSpecifications(), Ec2Kind.VPC.resourceType());
        return state.write(context.accountId(), context.region(), ec2 -> newVpc(ec2, state.ids(), cidr, tenancy,
                ec2.defaults().orElseThrow().dhcpOptionsId(), false, tags));
    }

    Page<StoredVpc> describeVpcs(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> ec2.describe(Ec2Kind.VPC, request, BOUNDS,
                FILTERS.matcher(request.filters()), Ec2Errors::vpcNotFound));
    }

    /**
     * Refused while the VPC has subnets or security groups besides its default one; its default
     * group, main route table and default network ACL go with it.
     */
    Return deleteVpc(RequestContext context, DeleteVpcRequest request) {
        if (request.vpcId() == null) {
            throw Ec2Errors.missingParameter("VpcId");
        }
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredVpc vpc = ec2.vpc(request.vpcId());
            List<StoredSecurityGroup> groups = ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                    .filter(g -> g.vpcId().equals(vpc.vpcId())).toList();
            boolean hasSubnets = ec2.all(Ec2Kind.SUBNET).stream().anyMatch(s -> s.vpcId().equals(vpc.vpcId()));
            if (hasSubnets || groups.stream().anyMatch(g -> !g.defaultGroup())) {
                throw Ec2Errors.dependencyViolation("The vpc '" + vpc.vpcId()
                        + "' has dependencies and cannot be deleted.");
            }
            groups.forEach(g -> ec2.delete(Ec2Kind.SECURITY_GROUP, g.groupId()));
            ec2.all(Ec2Kind.ROUTE_TABLE).stream().filter(t -> t.vpcId().equals(vpc.vpcId()))
                    .forEach(t -> ec2.delete(Ec2Kind.ROUTE_TABLE, t.routeTableId()));
            ec2.all(Ec2Kind.NETWORK_ACL).stream().filter(a -> a.vpcId().equals(vpc.vpcId()))
                    .forEach(a -> ec2.delete(Ec2Kind.NETWORK_ACL, a.networkAclId()));
            ec2.delete(Ec2Kind.VPC, vpc.vpcId());
            ec2.firewallChanged();
            return new Return(true);
        });
    }

    VpcAttributeResult describeVpcAttribute(RequestContext context, DescribeVpcAttributeRequest request) {
        if (request.vpcId() == null) {
            throw Ec2Errors.missingParameter("VpcId");
        }
        if (request.attribute() == null) {
            throw Ec2Errors.missingParameter("Attribute");
        }
        return state.read(context.accountId(), context.region(), ec2 -> {
            Attributes attributes = ec2.vpc(request.vpcId()).attributes();
            boolean value = switch (request.attribute()) {
                case ENABLE_DNS_SUPPORT -> attributes.enableDnsSupport();
                case ENABLE_DNS_HOSTNAMES -> attributes.enableDnsHostnames();
                case ENABLE_NETWORK_ADDRESS_USAGE_METRICS -> attributes.enableNetworkAddressUsageMetrics();
                default -> throw Ec2Errors.invalidParameterValue("Value (" + request.attribute()
                        + ") for parameter attribute is invalid. Unknown attribute.");
            };
            return new VpcAttributeResult(request.vpcId(), request.attribute(), value);
        });
    }

    /** Sets one attribute; EC2 refuses a request naming none, or several. */
    Return modifyVpcAttribute(RequestContext context, ModifyVpcAttributeRequest request) {
        if (request.vpcId() == null) {
            throw Ec2Errors.missingParameter("VpcId");
        }
        List<String> named = new ArrayList<>();
        if (request.enableDnsHostnames() != null) {
            named.add(ENABLE_DNS_HOSTNAMES);
        }
        if (request.enableDnsSupport() != null) {
            named.add(ENABLE_DNS_SUPPORT);
        }
        if (request.enableNetworkAddressUsageMetrics() != null) {
            named.add(ENABLE_NETWORK_ADDRESS_USAGE_METRICS);
        }
        Ec2Errors.oneAttribute(named);
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredVpc vpc = ec2.vpc(request.vpcId());
            Attributes old = vpc.attributes();
            Attributes changed = new Attributes(
                    request.enableDnsSupport() != null ? request.enableDnsSupport() : old.enableDnsSupport(),
                    request.enableDnsHostnames() != null ? request.enableDnsHostnames() : old.enableDnsHostnames(),
                    request.enableNetworkAddressUsageMetrics() != null
                            ? request.enableNetworkAddressUsageMetrics() : old.enableNetworkAddressUsageMetrics());
            ec2.save(Ec2Kind.VPC, vpc.withAttributes(changed));
            return new Return(true);
        });
    }
}
