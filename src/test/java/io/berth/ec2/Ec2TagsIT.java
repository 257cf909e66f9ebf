package io.berth.ec2;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

import java.nio.file.Path;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** CreateTags, DeleteTags and DescribeTags through the AWS SDK. */
class Ec2TagsIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static Ec2Client ec2;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        ec2 = Ec2ItSupport.ec2(berth, "us-east-2");
    }

    @AfterAll
    static void stop() {
        ec2.close();
        berth.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void tagsOnEveryKindOfResource() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.40.0.0/24")).subnet().subnetId();
        String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("tagged").description("t")).groupId();
        String rule = ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build())
                        .build())
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP_RULE)
                        .tags(tag("rule", "ssh")).build())).securityGroupRules().getFirst().securityGroupRuleId();

        ec2.createTags(r -> r.resources(vpc, subnet, group).tags(tag("env", "test"), tag("team", "")));

        assertThat(ec2.describeTags(r -> r.filters(filter("key", "env"))).tags())
                .extracting(TagDescription::resourceId, TagDescription::resourceTypeAsString, TagDescription::value)
                .containsExactlyInAnyOrder(tuple(vpc, "vpc", "test"), tuple(subnet, "subnet", "test"),
                        tuple(group, "security-group", "test"));
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", rule))).tags())
                .extracting(TagDescription::key, TagDescription::value, TagDescription::resourceTypeAsString)
                .containsExactly(tuple("rule", "ssh", "security-group-rule"));
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().getFirst().tags())
                .containsExactly(tag("env", "test"), tag("team", ""));
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("tag:env", "test"))).securityGroups())
                .singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(group));

        ec2.createTags(r -> r.resources(vpc).tags(tag("env", "prod")));
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", vpc), filter("key", "env"))).tags())
                .extracting(TagDescription::value).containsExactly("prod");

        ec2.deleteTags(r -> r.resources(vpc).tags(tag("env", "test")));
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", vpc))).tags()).hasSize(2);
        ec2.deleteTags(r -> r.resources(vpc).tags(Tag.builder().key("env").build()));
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-id", vpc))).tags())
                .extracting(TagDescription::key).containsExactly("team");
        ec2.deleteTags(r -> r.resources(subnet, group));
        assertThat(ec2.describeTags(r -> r.filters(filter("resource-type", "subnet", "security-group"))).tags())
                .isEmpty();
    }

    @Test
    void unknownAndInvalidResourcesAreRefused() {
        assertEc2Error(() -> ec2.createTags(r -> r.resources("i-0123456789abcdef0").tags(tag("a", "b"))),
                "InvalidID", "The ID 'i-0123456789abcdef0' is not valid");
        assertEc2Error(() -> ec2.createTags(r -> r.resources("vpc-0123456789abcdef0").tags(tag("a", "b"))),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.createTags(r -> r.resources("subnet-0123456789abcdef0").tags(tag("a", "b"))),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.createTags(r -> r.resources("sg-0123456789abcdef0").tags(tag("a", "b"))),
                "InvalidGroup.NotFound", "The security group 'sg-0123456789abcdef0' does not exist");
        assertEc2Error(() -> ec2.createTags(r -> r.resources("eni-0123456789abcdef0").tags(tag("a", "b"))),
                "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID 'eni-0123456789abcdef0' does not exist");
        String vpc = ec2.describeVpcs().vpcs().getFirst().vpcId();
        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpc).tags(tag("aws:owner", "me"))),
                "InvalidParameterValue", "Tag keys starting with 'aws:' are reserved for internal use");
    }

    @Test
    void aResourceHoldsAtMostFiftyTags() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.41.0.0/16")).vpc().vpcId();
        Tag[] fifty = new Tag[50];
        for (int i = 0; i < 50; i++) {
            fifty[i] = tag("k" + i, "v");
        }
        ec2.createTags(r -> r.resources(vpc).tags(fifty));

        assertEc2Error(() -> ec2.createTags(r -> r.resources(vpc).tags(tag("one-more", "v"))), "TagLimitExceeded",
                "The maximum number of Tags for a resource has been reached.");
    }
}
