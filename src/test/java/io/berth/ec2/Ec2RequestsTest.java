package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateTagsRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.DescribeVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.Filter;
import io.berth.ec2.Ec2Messages.GroupReference;
import io.berth.ec2.Ec2Messages.IpPermission;
import io.berth.ec2.Ec2Messages.IpRange;
import io.berth.ec2.Ec2Messages.Ipv6Range;
import io.berth.ec2.Ec2Messages.ModifySubnetAttributeRequest;
import io.berth.ec2.Ec2Messages.ModifyVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.PrefixListId;
import io.berth.ec2.Ec2Messages.SecurityGroupRulesRequest;
import io.berth.ec2.Ec2Messages.Tag;
import io.berth.ec2.Ec2Messages.TagSpecification;
import io.berth.ec2.Ec2Messages.UserIdGroupPair;
import io.berth.edge.AwsException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests read from the forms botocore and the AWS SDKs send (EC2 flattens lists: Name.N, no ".member."). */
class Ec2RequestsTest {

    private static Ec2Params form(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Ec2Params(values);
    }

    @Test
    void authorizeIngressAsBotocoreSendsIt() {
        SecurityGroupRulesRequest request = Ec2Requests.securityGroupRules(form(
                "Action", "AuthorizeSecurityGroupIngress", "Version", "2016-11-15", "GroupId", "sg-1",
                "IpPermissions.1.IpProtocol", "tcp", "IpPermissions.1.FromPort", "80", "IpPermissions.1.ToPort", "80",
                "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0", "IpPermissions.1.IpRanges.1.Description", "d",
                "IpPermissions.1.Groups.1.GroupId", "sg-2",
                "IpPermissions.2.IpProtocol", "-1", "IpPermissions.2.IpRanges.1.CidrIp", "10.0.0.0/8",
                "TagSpecification.1.ResourceType", "security-group-rule",
                "TagSpecification.1.Tag.1.Key", "k", "TagSpecification.1.Tag.1.Value", "v"));

        assertThat(request).isEqualTo(new SecurityGroupRulesRequest(new GroupReference("sg-1", null), List.of(
                new IpPermission("tcp", 80, 80, List.of(new IpRange("0.0.0.0/0", "d")),
                        List.of(new UserIdGroupPair("sg-2", null, null, null))),
                new IpPermission("-1", null, null, List.of(new IpRange("10.0.0.0/8", null)), List.of())),
                List.of(), List.of(new TagSpecification("security-group-rule", List.of(new Tag("k", "v"))))));
    }

    @Test
    void theOlderSingleRuleFormBecomesOnePermission() {
        SecurityGroupRulesRequest request = Ec2Requests.securityGroupRules(form("GroupName", "web",
                "IpProtocol", "tcp", "FromPort", "22", "ToPort", "22", "CidrIp", "203.0.113.0/24"));

        assertThat(request.group()).isEqualTo(new GroupReference(null, "web"));
        assertThat(request.ipPermissions()).containsExactly(
                new IpPermission("tcp", 22, 22, List.of(new IpRange("203.0.113.0/24", null)), List.of()));
    }

    @Test
    void revokeByRuleIds() {
        assertThat(Ec2Requests.securityGroupRules(form("GroupId", "sg-1", "SecurityGroupRuleId.1", "sgr-1",
                "SecurityGroupRuleId.2", "sgr-2")).securityGroupRuleIds()).containsExactly("sgr-1", "sgr-2");
    }

    @Test
    void ipv6RangesAndPrefixListsAreReadNotDropped() {
        IpPermission permission = Ec2Requests.securityGroupRules(form("GroupId", "sg-1",
                "IpPermissions.1.IpProtocol", "-1", "IpPermissions.1.FromPort", "0", "IpPermissions.1.ToPort", "0",
                "IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0", "IpPermissions.1.Ipv6Ranges.1.Description", "all",
                "IpPermissions.1.PrefixListIds.1.PrefixListId", "pl-1"))
                .ipPermissions().getFirst();

        assertThat(permission).isEqualTo(new IpPermission("-1", 0, 0, List.of(), List.of(),
                List.of(new Ipv6Range("::/0", "all")), List.of(new PrefixListId("pl-1", null))));
        assertThat(permission.hasIpv6OrPrefixListPeers()).isTrue();
    }

    @Test
    void vpcAndSubnetAttributesAsTheSdksSendThem() {
        assertThat(Ec2Requests.describeVpcAttribute(form("VpcId", "vpc-1", "Attribute", "enableDnsHostnames")))
                .isEqualTo(new DescribeVpcAttributeRequest("vpc-1", "enableDnsHostnames"));
        assertThat(Ec2Requests.modifyVpcAttribute(form("VpcId", "vpc-1", "EnableDnsHostnames.Value", "true")))
                .isEqualTo(new ModifyVpcAttributeRequest("vpc-1", true, null, null));
        assertThat(Ec2Requests.modifyVpcAttribute(form("VpcId", "vpc-1", "EnableDnsSupport.Value", "False",
                "EnableNetworkAddressUsageMetrics.Value", "true")))
                .isEqualTo(new ModifyVpcAttributeRequest("vpc-1", null, false, true));
        assertThat(Ec2Requests.modifySubnetAttribute(form("SubnetId", "subnet-1", "MapPublicIpOnLaunch.Value", "true")))
                .isEqualTo(new ModifySubnetAttributeRequest("subnet-1", null, true, null, null, null, null, null, null,
                        null, null));
        assertThat(Ec2Requests.modifySubnetAttribute(form("SubnetId", "subnet-1",
                "PrivateDnsHostnameTypeOnLaunch", "resource-name")).privateDnsHostnameTypeOnLaunch())
                .isEqualTo("resource-name");
        assertThat(Ec2Requests.modifySubnetAttribute(form("SubnetId", "subnet-1",
                "EnableResourceNameDnsARecordOnLaunch.Value", "true")).enableResourceNameDnsARecordOnLaunch()).isTrue();
        assertThatThrownBy(() -> Ec2Requests.modifyVpcAttribute(form("VpcId", "vpc-1", "EnableDnsSupport.Value", "yes")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).isEqualTo(
                            "Invalid value 'yes' for EnableDnsSupport.Value. Not a valid boolean.");
                });
    }

    @Test
    void describeWithIdsFiltersAndPaging() {
        DescribeRequest request = Ec2Requests.describe("NetworkInterfaceId").apply(form(
                "Filter.1.Name", "vpc-id", "Filter.1.Value.1", "a", "Filter.1.Value.2", "b",
                "Filter.2.Name", "tag:Name", "Filter.2.Value.1", "x",
                "NetworkInterfaceId.1", "eni-1", "MaxResults", "5", "NextToken", "t"));

        assertThat(request).isEqualTo(new DescribeRequest(List.of("eni-1"),
                List.of(new Filter("vpc-id", List.of("a", "b")), new Filter("tag:Name", List.of("x"))), 5, "t"));
        assertThatThrownBy(() -> Ec2Requests.describe("VpcId").apply(form("MaxResults", "many")))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void tagsWithAndWithoutValues() {
        CreateTagsRequest request = Ec2Requests.createTags(form("ResourceId.1", "vpc-1", "ResourceId.2", "sg-1",
                "Tag.1.Key", "a", "Tag.1.Value", "1", "Tag.2.Key", "b"));

        assertThat(request).isEqualTo(new CreateTagsRequest(List.of("vpc-1", "sg-1"),
                List.of(new Tag("a", "1"), new Tag("b", null))));
        assertThat(Ec2Requests.deleteTags(form("ResourceId.1", "vpc-1")).tags()).isEmpty();
    }

    @Test
    void createSecurityGroupReadsGroupDescription() {
        assertThat(Ec2Requests.createSecurityGroup(form("GroupName", "n", "GroupDescription", "d", "VpcId", "vpc-1")))
                .isEqualTo(new Ec2Messages.CreateSecurityGroupRequest("n", "d", "vpc-1", List.of()));
    }
}
