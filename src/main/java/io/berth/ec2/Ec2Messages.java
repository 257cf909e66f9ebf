package io.berth.ec2;

import java.util.List;

/**
 * The typed requests and responses of Berth's EC2 operations, named as in the EC2 model. Lists a
 * request leaves out are empty, never null. The requests the edge's record codec reads are
 * public, so it may build them.
 */
final class Ec2Messages {

    private Ec2Messages() {
    }

    record Tag(String key, String value) {
    }

    /** {@code Filter.N.Name} and its {@code Filter.N.Value.M}. */
    record Filter(String name, List<String> values) {
    }

    record TagSpecification(String resourceType, List<Tag> tags) {
    }

    record IpRange(String cidrIp, String description) {
    }

    record UserIdGroupPair(String groupId, String groupName, String userId, String description) {
    }

    record GroupIdentifier(String groupId, String groupName) {
    }

    record Ipv6Range(String cidrIpv6, String description) {
    }

    record PrefixListId(String prefixListId, String description) {
    }

    /**
     * One permission as requested and as DescribeSecurityGroups answers: a protocol and port
     * range, and its peers. Berth's rules have IPv4 and security group peers only: IPv6 ranges and
     * prefix lists appear in requests (which may name them to revoke them) but match no rule.
     */
    record IpPermission(String ipProtocol, Integer fromPort, Integer toPort, List<IpRange> ipRanges,
                        List<UserIdGroupPair> groups, List<Ipv6Range> ipv6Ranges, List<PrefixListId> prefixListIds) {

        /** A permission with IPv4 and security group peers only. */
        IpPermission(String ipProtocol, Integer fromPort, Integer toPort, List<IpRange> ipRanges,
                     List<UserIdGroupPair> groups) {
            this(ipProtocol, fromPort, toPort, ipRanges, groups, List.of(), List.of());
        }

        /** Whether the permission names a peer of a kind Berth's rules cannot have. */
        boolean hasIpv6OrPrefixListPeers() {
            return !ipv6Ranges.isEmpty() || !prefixListIds.isEmpty();
        }
    }

    /** The shape shared by the Describe operations: ids, filters and paging. */
    record DescribeRequest(List<String> ids, List<Filter> filters, Integer maxResults, String nextToken) {
    }

    /** One page of results and the token for the next, null on the last. */
    record Page<T>(List<T> items, String nextToken) {
    }

    /** EC2's {@code <return>true</return>}. */
    record Return(boolean value) {
    }

    record DescribeRegionsRequest(List<String> regionNames, List<Filter> filters) {
    }

    record DescribeAvailabilityZonesRequest(List<String> zoneNames, List<String> zoneIds, List<Filter> filters) {
    }

    record CreateVpcRequest(String cidrBlock, String instanceTenancy, List<TagSpecification> tagSpecifications) {
    }

    public record DeleteVpcRequest(String vpcId) {
    }

    /** {@code Attribute}: enableDnsSupport, enableDnsHostnames or enableNetworkAddressUsageMetrics. */
    record DescribeVpcAttributeRequest(String vpcId, String attribute) {
    }

    /** Each attribute's {@code Name.Value}, null when not named; EC2 takes exactly one. */
    record ModifyVpcAttributeRequest(String vpcId, Boolean enableDnsHostnames, Boolean enableDnsSupport,
                                     Boolean enableNetworkAddressUsageMetrics) {
    }

    record VpcAttributeResult(String vpcId, String attribute, boolean value) {
    }

    /**
     * Each attribute, null when not named; EC2 takes one at a time (the customer-owned pool goes
     * with MapCustomerOwnedIpOnLaunch).
     */
    record ModifySubnetAttributeRequest(String subnetId, Boolean assignIpv6AddressOnCreation,
                                        Boolean mapPublicIpOnLaunch, Boolean mapCustomerOwnedIpOnLaunch,
                                        String customerOwnedIpv4Pool, Boolean enableDns64,
                                        String privateDnsHostnameTypeOnLaunch,
                                        Boolean enableResourceNameDnsARecordOnLaunch,
                                        Boolean enableResourceNameDnsAAAARecordOnLaunch,
                                        Integer enableLniAtDeviceIndex, Boolean disableLniAtDeviceIndex) {
    }

    record CreateSubnetRequest(String vpcId, String cidrBlock, String availabilityZone, String availabilityZoneId,
                               List<TagSpecification> tagSpecifications) {
    }

    public record DeleteSubnetRequest(String subnetId) {
    }

    /** A subnet with what changes as addresses are taken. */
    record SubnetView(StoredSubnet subnet, long availableIpAddressCount) {
    }

    record CreateSecurityGroupRequest(String groupName, String description, String vpcId,
                                      List<TagSpecification> tagSpecifications) {
    }

    record CreateSecurityGroupResult(String groupId, List<Tag> tags) {
    }

    record DescribeSecurityGroupsRequest(List<String> groupIds, List<String> groupNames, List<Filter> filters,
                                         Integer maxResults, String nextToken) {
    }

    /** A group named by id, or (in the default VPC) by name. */
    record GroupReference(String groupId, String groupName) {
    }

    record DeleteSecurityGroupRequest(GroupReference group) {
    }

    /** Authorize and Revoke, ingress and egress: the group, the permissions or rule ids, and tags for new rules. */
    record SecurityGroupRulesRequest(GroupReference group, List<IpPermission> ipPermissions,
                                     List<String> securityGroupRuleIds, List<TagSpecification> tagSpecifications) {
    }

    /** A rule as DescribeSecurityGroupRules answers, with the group it belongs to. */
    record SecurityGroupRule(String groupId, String groupOwnerId, StoredRule rule) {
    }

    record AuthorizeResult(List<SecurityGroupRule> rules) {
    }

    record RevokeResult(List<IpPermission> unknownIpPermissions) {
    }

    /** {@code SecurityGroupId.N} empty means the VPC's default group; a null address, the lowest free one. */
    record CreateNetworkInterfaceRequest(String subnetId, List<String> groupIds, String description,
                                         String privateIpAddress, List<String> privateIpAddresses,
                                         Integer secondaryPrivateIpAddressCount, Integer ipv6AddressCount,
                                         String interfaceType, List<TagSpecification> tagSpecifications,
                                         String clientToken) {
    }

    record CreateNetworkInterfaceResult(StoredInterface networkInterface, String clientToken) {
    }

    public record DeleteNetworkInterfaceRequest(String networkInterfaceId) {
    }

    /**
     * Each attribute, null (empty for the groups) when not named; EC2 takes one at a time. The
     * attachment's change is its {@code Attachment.AttachmentId} and {@code DeleteOnTermination}.
     */
    record ModifyNetworkInterfaceAttributeRequest(String networkInterfaceId, String description,
                                                  Boolean sourceDestCheck, List<String> groupIds,
                                                  String attachmentId, Boolean deleteOnTermination) {
    }

    /** {@code Attribute}: description, groupSet, sourceDestCheck, attachment or associatePublicIpAddress. */
    public record DescribeNetworkInterfaceAttributeRequest(String networkInterfaceId, String attribute) {
    }

    record NetworkInterfaceAttributeResult(StoredInterface networkInterface, String attribute) {
    }

    /** ModifySecurityGroupRules: each rule, by id, with all it is to be from now on. */
    record ModifySecurityGroupRulesRequest(String groupId, List<SecurityGroupRuleUpdate> rules) {
    }

    record SecurityGroupRuleUpdate(String securityGroupRuleId, SecurityGroupRuleRequest rule) {
    }

    /** A rule on its own: a protocol, ports, and one peer. */
    record SecurityGroupRuleRequest(String ipProtocol, Integer fromPort, Integer toPort, String cidrIpv4,
                                    String cidrIpv6, String prefixListId, String referencedGroupId,
                                    String description) {
    }

    record CreateTagsRequest(List<String> resources, List<Tag> tags) {
    }

    /** Tags to delete: a null value deletes the key whatever its value. */
    record DeleteTagsRequest(List<String> resources, List<Tag> tags) {
    }

    record TagDescription(String resourceId, String resourceType, String key, String value) {
    }
}
