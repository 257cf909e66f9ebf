package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateVpcRequest;
import io.berth.ec2.Ec2Messages.DeleteVpcRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.ec2.Ec2Messages.Tag;
import io.berth.edge.RequestContext;

import java.util.List;
import java.util.Set;

/** CreateVpc, DescribeVpcs and DeleteVpc. A new VPC comes with its own "default" security group. */
final class Vpcs {

    static final int MIN_PREFIX = 16;
    static final int MAX_PREFIX = 28;
    private static final Set<String> TENANCIES = Set.of("default", "dedicated");
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "vpcIds");
    private static final Filters<StoredVpc> FILTERS = Filters.<StoredVpc>builder()
            .field("vpc-id", StoredVpc::vpcId)
            .field("cidr", StoredVpc::cidrBlock)
            .field("cidr-block-association.cidr-block", StoredVpc::cidrBlock)
            .field("cidr-block-association.association-id", StoredVpc::cidrAssociationId)
            .field("cidr-block-association.state", v -> "associated")
            .field("dhcp-options-id", StoredVpc::dhcpOptionsId)
            .flag("is-default", StoredVpc::defaultVpc)
            .field("owner-id", StoredVpc::ownerId)
            .field("state", v -> "available")
            .tags(StoredVpc::tags)
            .build();

    private final Ec2State state;

    Vpcs(Ec2State state) {
        this.state = state;
    }

    /** Saves a VPC and its default security group. */
    static StoredVpc newVpc(Ec2Documents ec2, Ec2Ids ids, Cidr cidr, String tenancy, String dhcpOptionsId,
                            boolean defaultVpc, List<Tag> tags) {
        StoredVpc vpc = new StoredVpc(ids.next("vpc"), ec2.accountId(), cidr.toString(), ids.next("vpc-cidr-assoc"),
                dhcpOptionsId, tenancy, defaultVpc, tags);
        ec2.save(Ec2Kind.VPC, vpc);
        ec2.save(Ec2Kind.SECURITY_GROUP, SecurityGroups.newDefaultGroup(ec2, ids, vpc.vpcId()));
        return vpc;
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
        List<Tag> tags = Tags.fromSpecifications(request.tagSpecifications(), Ec2Kind.VPC.resourceType());
        return state.write(context.accountId(), context.region(), ec2 -> newVpc(ec2, state.ids(), cidr, tenancy,
                ec2.defaults().orElseThrow().dhcpOptionsId(), false, tags));
    }

    Page<StoredVpc> describeVpcs(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> {
            List<String> missing = request.ids().stream().filter(id -> ec2.find(Ec2Kind.VPC, id).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw Ec2Errors.vpcNotFound(missing);
            }
            return Ec2Paging.page(request, BOUNDS, (after, size) -> ec2.page(Ec2Kind.VPC, after, size),
                    FILTERS.matcher(request.filters())
                            .and(v -> request.ids().isEmpty() || request.ids().contains(v.vpcId())),
                    StoredVpc::vpcId);
        });
    }

    /** Refused while the VPC has subnets or security groups besides its default one, which goes with it. */
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
            ec2.delete(Ec2Kind.VPC, vpc.vpcId());
            ec2.firewallChanged();
            return new Return(true);
        });
    }
}
