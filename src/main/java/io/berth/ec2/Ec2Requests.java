package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateNetworkInterfaceRequest;
import io.berth.ec2.Ec2Messages.CreateSecurityGroupRequest;
import io.berth.ec2.Ec2Messages.CreateSubnetRequest;
import io.berth.ec2.Ec2Messages.CreateTagsRequest;
import io.berth.ec2.Ec2Messages.CreateVpcRequest;
import io.berth.ec2.Ec2Messages.DeleteSecurityGroupRequest;
import io.berth.ec2.Ec2Messages.DeleteTagsRequest;
import io.berth.ec2.Ec2Messages.DescribeAvailabilityZonesRequest;
import io.berth.ec2.Ec2Messages.DescribeRegionsRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.DescribeSecurityGroupsRequest;
import io.berth.ec2.Ec2Messages.DescribeVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.GroupReference;
import io.berth.ec2.Ec2Messages.IpPermission;
import io.berth.ec2.Ec2Messages.IpRange;
import io.berth.ec2.Ec2Messages.Ipv6Range;
import io.berth.ec2.Ec2Messages.ModifyNetworkInterfaceAttributeRequest;
import io.berth.ec2.Ec2Messages.ModifySecurityGroupRulesRequest;
import io.berth.ec2.Ec2Messages.ModifySubnetAttributeRequest;
import io.berth.ec2.Ec2Messages.ModifyVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.PrefixListId;
import io.berth.ec2.Ec2Messages.SecurityGroupRuleRequest;
import io.berth.ec2.Ec2Messages.SecurityGroupRuleUpdate;
import io.berth.ec2.Ec2Messages.SecurityGroupRulesRequest;
import io.berth.ec2.Ec2Messages.UserIdGroupPair;

import java.util.List;
import java.util.function.Function;

/** Each EC2 operation's request, read from its form parameters as the AWS SDKs and CLI send them. */
final class Ec2Requests {

    private Ec2Requests() {
    }

    /** A Describe operation naming its resources {@code idName.N}. */
    static Function<Ec2Params, DescribeRequest> describe(String idName) {
        return p -> new DescribeRequest(p.strings(idName), p.filters(), p.integer("MaxResults"), p.string("NextToken"));
    }

    static DescribeRequest describeTags(Ec2Params p) {
        return new DescribeRequest(List.of(), p.filters(), p.integer("MaxResults"), p.string("NextToken"));
    }

    static DescribeRegionsRequest describeRegions(Ec2Params p) {
        return new DescribeRegionsRequest(p.strings("RegionName"), p.filters());
    }

    static DescribeAvailabilityZonesRequest describeAvailabilityZones(Ec2Params p) {
        return new DescribeAvailabilityZonesRequest(p.strings("ZoneName"), p.strings("ZoneId"), p.filters());
    }

    static CreateVpcRequest createVpc(Ec2Params p) {
        return new CreateVpcRequest(p.string("CidrBlock"), p.string("InstanceTenancy"), p.tagSpecifications());
    }

    static DescribeVpcAttributeRequest describeVpcAttribute(Ec2Params p) {
        return new DescribeVpcAttributeRequest(p.string("VpcId"), p.string("Attribute"));
    }

    static ModifyVpcAttributeRequest modifyVpcAttribute(Ec2Params p) {
        return new ModifyVpcAttributeRequest(p.string("VpcId"), p.bool("EnableDnsHostnames.Value"),
                p.bool("EnableDnsSupport.Value"), p.bool("EnableNetworkAddressUsageMetrics.Value"));
    }

    static ModifySubnetAttributeRequest modifySubnetAttribute(Ec2Params p) {
        return new ModifySubnetAttributeRequest(p.string("SubnetId"), p.bool("AssignIpv6AddressOnCreation.Value"),
                p.bool("MapPublicIpOnLaunch.Value"), p.bool("MapCustomerOwnedIpOnLaunch.Value"),
                p.string("CustomerOwnedIpv4Pool"), p.bool("EnableDns64.Value"),
                p.string("PrivateDnsHostnameTypeOnLaunch"), p.bool("EnableResourceNameDnsARecordOnLaunch.Value"),
                p.bool("EnableResourceNameDnsAAAARecordOnLaunch.Value"), p.integer("EnableLniAtDeviceIndex"),
                p.bool("DisableLniAtDeviceIndex.Value"));
    }

    static CreateSubnetRequest createSubnet(Ec2Params p) {
        return new CreateSubnetRequest(p.string("VpcId"), p.string("CidrBlock"), p.string("AvailabilityZone"),
                p.string("AvailabilityZoneId"), p.tagSpecifications());
    }

    static CreateSecurityGroupRequest createSecurityGroup(Ec2Params p) {
        return new CreateSecurityGroupRequest(p.string("GroupName"), p.string("GroupDescription"), p.string("VpcId"),
                p.tagSpecifications());
    }

    static DescribeSecurityGroupsRequest describeSecurityGroups(Ec2Params p) {
        return new DescribeSecurityGroupsRequest(p.strings("GroupId"), p.strings("GroupName"), p.filters(),
                p.integer("MaxResults"), p.string("NextToken"));
    }

    static DeleteSecurityGroupRequest deleteSecurityGroup(Ec2Params p) {
        return new DeleteSecurityGroupRequest(new GroupReference(p.string("GroupId"), p.string("GroupName")));
    }

    static SecurityGroupRulesRequest securityGroupRules(Ec2Params p) {
        return new SecurityGroupRulesRequest(new GroupReference(p.string("GroupId"), p.string("GroupName")),
                ipPermissions(p), p.strings("SecurityGroupRuleId"), p.tagSpecifications());
    }

    static ModifySecurityGroupRulesRequest modifySecurityGroupRules(Ec2Params p) {
        return new ModifySecurityGroupRulesRequest(p.string("GroupId"), p.structures("SecurityGroupRule").stream()
                .map(u -> new SecurityGroupRuleUpdate(u.string("SecurityGroupRuleId"), securityGroupRule(u)))
                .toList());
    }

    private static SecurityGroupRuleRequest securityGroupRule(Ec2Params u) {
        String r = "SecurityGroupRule.";
        return new SecurityGroupRuleRequest(u.string(r + "IpProtocol"), u.integer(r + "FromPort"),
                u.integer(r + "ToPort"), u.string(r + "CidrIpv4"), u.string(r + "CidrIpv6"),
                u.string(r + "PrefixListId"), u.string(r + "ReferencedGroupId"), u.string(r + "Description"));
    }

    /**
     * {@code IpPermissions.N}; or, as older clients send one CIDR rule, the top-level
     * {@code IpProtocol}, {@code FromPort}, {@code ToPort} and {@code CidrIp}.
     */
    private static List<IpPermission> ipPermissions(Ec2Params p) {
        List<Ec2Params> permissions = p.structures("IpPermissions");
        if (permissions.isEmpty() && (p.has("IpProtocol") || p.has("CidrIp"))) {
            return List.of(new IpPermission(p.string("IpProtocol"), p.integer("FromPort"), p.integer("ToPort"),
                    p.has("CidrIp") ? List.of(new IpRange(p.string("CidrIp"), null)) : List.of(), List.of()));
        }
        return permissions.stream().map(Ec2Requests::ipPermission).toList();
    }

    private static IpPermission ipPermission(Ec2Params p) {
        return new IpPermission(p.string("IpProtocol"), p.integer("FromPort"), p.integer("ToPort"),
                p.structures("IpRanges").stream().map(r -> new IpRange(r.string("CidrIp"), r.string("Description")))
                        .toList(),
                p.structures("Groups").stream().map(g -> new UserIdGroupPair(g.string("GroupId"),
                        g.string("GroupName"), g.string("UserId"), g.string("Description"))).toList(),
                p.structures("Ipv6Ranges").stream()
                        .map(r -> new Ipv6Range(r.string("CidrIpv6"), r.string("Description"))).toList(),
                p.structures("PrefixListIds").stream()
                        .map(r -> new PrefixListId(r.string("PrefixListId"), r.string("Description"))).toList());
    }

    static CreateNetworkInterfaceRequest createNetworkInterface(Ec2Params p) {
        return new CreateNetworkInterfaceRequest(p.string("SubnetId"), p.strings("SecurityGroupId"),
                p.string("Description"), p.string("PrivateIpAddress"),
                p.structures("PrivateIpAddresses").stream().map(a -> a.string("PrivateIpAddress")).toList(),
                p.integer("SecondaryPrivateIpAddressCount"), p.integer("Ipv6AddressCount"), p.string("InterfaceType"),
                p.tagSpecifications(), p.string("ClientToken"));
    }

    static ModifyNetworkInterfaceAttributeRequest modifyNetworkInterfaceAttribute(Ec2Params p) {
        return new ModifyNetworkInterfaceAttributeRequest(p.string("NetworkInterfaceId"), p.string("Description.Value"),
                p.bool("SourceDestCheck.Value"), p.strings("SecurityGroupId"), p.string("Attachment.AttachmentId"),
                p.bool("Attachment.DeleteOnTermination"));
    }

    static CreateTagsRequest createTags(Ec2Params p) {
        return new CreateTagsRequest(p.strings("ResourceId"), p.tags("Tag"));
    }

    static DeleteTagsRequest deleteTags(Ec2Params p) {
        return new DeleteTagsRequest(p.strings("ResourceId"), p.tags("Tag"));
    }
}
