package io.berth.ec2;

import java.util.List;

/**
 * The typed requests and responses of Berth's EC2 operations, named as in the EC2 model. Lists a
 * request leaves out are empty, never null.
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

    /** One permission as requested and as DescribeSecurityGroups answers: a protocol and port range, and its peers. */
    record IpPermission(String ipProtocol, Integer fromPort, Integer toPort, List<IpRange> ipRanges,
                        List<UserIdGroupPair> groups) {
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

    record DeleteVpcRequest(String vpcId) {
    }

    record CreateSubnetRequest(String vpcId, String cidrBlock, String availabilityZone, String availabilityZoneId,
                               List<TagSpecification> tagSpecifications) {
    }

    record DeleteSubnetRequest(String subnetId) {
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

    record CreateTagsRequest(List<String> resources, List<Tag> tags) {
    }

    /** Tags to delete: a null value deletes the key whatever its value. */
    record DeleteTagsRequest(List<String> resources, List<Tag> tags) {
    }

    record TagDescription(String resourceId, String resourceType, String key, String value) {
    }
}
