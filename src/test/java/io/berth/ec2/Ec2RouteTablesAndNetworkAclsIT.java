package io.berth.ec2;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.berth.ec2.Ec2ItSupport.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * DescribeRouteTables and DescribeNetworkAcls through the AWS SDK: each VPC's main route table
 * and default network ACL, made and deleted with it, found as Terraform finds them.
 */
class Ec2RouteTablesAndNetworkAclsIT {

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

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    /** As the AWS provider for Terraform reads a VPC's main_route_table_id. */
    private static List<RouteTable> mainRouteTables(String vpcId) {
        return ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"), filter("vpc-id", vpcId)))
                .routeTables();
    }

    /** As the AWS provider for Terraform reads a VPC's default_network_acl_id. */
    private static List<NetworkAcl> defaultAcls(String vpcId) {
        return ec2.describeNetworkAcls(r -> r.filters(filter("default", "true"), filter("vpc-id", vpcId)))
                .networkAcls();
    }

    @Test
    void aNewVpcHasAMainRouteTableWithItsLocalRoute() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.141.0.0/16")).vpc().vpcId();

        RouteTable table = mainRouteTables(vpcId).getFirst();
        assertThat(mainRouteTables(vpcId)).hasSize(1);
        assertThat(table.routeTableId()).matches("rtb-[0-9a-f]{17}");
        assertThat(table.vpcId()).isEqualTo(vpcId);
        assertThat(table.ownerId()).isEqualTo(TestBerth.ACCOUNT);
        assertThat(table.routes()).singleElement().satisfies(route -> {
            assertThat(route.destinationCidrBlock()).isEqualTo("10.141.0.0/16");
            assertThat(route.gatewayId()).isEqualTo("local");
            assertThat(route.originAsString()).isEqualTo("CreateRouteTable");
            assertThat(route.stateAsString()).isEqualTo("active");
        });
        assertThat(table.associations()).singleElement().satisfies(association -> {
            assertThat(association.main()).isTrue();
            assertThat(association.routeTableAssociationId()).matches("rtbassoc-[0-9a-f]{17}");
            assertThat(association.routeTableId()).isEqualTo(table.routeTableId());
            assertThat(association.subnetId()).isNull();
            assertThat(association.associationState().stateAsString()).isEqualTo("associated");
        });
        assertThat(table.propagatingVgws()).isEmpty();

        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(table.routeTableId())).routeTables())
                .containsExactly(table);
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.destination-cidr-block", "10.141.0.0/16"),
                filter("route.gateway-id", "local"))).routeTables()).containsExactly(table);
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.main", "false"),
                filter("vpc-id", vpcId))).routeTables()).isEmpty();
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.nat-gateway-id", "nat-*"))).routeTables())
                .isEmpty();
    }

    @Test
    void aNewVpcHasADefaultNetworkAclAllowingAllTrafficAndItsSubnetsAreAssociated() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.142.0.0/16")).vpc().vpcId();
        NetworkAcl created = defaultAcls(vpcId).getFirst();
        assertThat(created.networkAclId()).matches("acl-[0-9a-f]{17}");
        assertThat(created.isDefault()).isTrue();
        assertThat(created.vpcId()).isEqualTo(vpcId);
        assertThat(created.ownerId()).isEqualTo(TestBerth.ACCOUNT);
        assertThat(created.associations()).isEmpty();
        assertThat(created.entries()).extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::protocol,
                        NetworkAclEntry::ruleActionAsString, NetworkAclEntry::egress, NetworkAclEntry::cidrBlock)
                .containsExactly(
                        tuple(100, "-1", "allow", true, "0.0.0.0/0"),
                        tuple(32767, "-1", "deny", true, "0.0.0.0/0"),
                        tuple(100, "-1", "allow", false, "0.0.0.0/0"),
                        tuple(32767, "-1", "deny", false, "0.0.0.0/0"));
        assertThat(created.entries()).allSatisfy(e -> assertThat(e.portRange()).isNull());

        String a = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.142.1.0/24")).subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.142.2.0/24")).subnet().subnetId();

        NetworkAcl acl = defaultAcls(vpcId).getFirst();
        assertThat(acl.networkAclId()).isEqualTo(created.networkAclId());
        assertThat(acl.associations()).extracting(NetworkAclAssociation::subnetId).containsExactly(a, b);
        assertThat(acl.associations()).allSatisfy(association -> {
            assertThat(association.networkAclAssociationId()).matches("aclassoc-[0-9a-f]{17}");
            assertThat(association.networkAclId()).isEqualTo(acl.networkAclId());
        });
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("association.subnet-id", b))).networkAcls())
                .containsExactly(acl);
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("entry.rule-number", "32767"),
                filter("entry.rule-action", "deny"), filter("vpc-id", vpcId))).networkAcls()).containsExactly(acl);
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("default", "false"))).networkAcls()).isEmpty();

        ec2.deleteSubnet(r -> r.subnetId(a));
        assertThat(defaultAcls(vpcId).getFirst().associations()).extracting(NetworkAclAssociation::subnetId)
                .containsExactly(b);
    }

    @Test
    void theDefaultVpcHasThemTooWithEveryDefaultSubnetAssociated() {
        String vpcId = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().getFirst().vpcId();
        List<String> subnets = ec2.describeSubnets(r -> r.filters(filter("default-for-az", "true"))).subnets()
                .stream().map(s -> s.subnetId()).toList();

        assertThat(mainRouteTables(vpcId)).singleElement().satisfies(t -> assertThat(t.routes())
                .extracting(route -> route.destinationCidrBlock() + " " + route.gatewayId())
                .containsExactly("172.31.0.0/16 local"));
        assertThat(defaultAcls(vpcId)).singleElement().satisfies(acl -> assertThat(acl.associations())
                .extracting(NetworkAclAssociation::subnetId).containsExactlyInAnyOrderElementsOf(subnets));
    }

    @Test
    void theyGoWithTheirVpc() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.143.0.0/16")).vpc().vpcId();
        String tableId = mainRouteTables(vpcId).getFirst().routeTableId();
        String aclId = defaultAcls(vpcId).getFirst().networkAclId();

        ec2.deleteVpc(r -> r.vpcId(vpcId));

        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId))).routeTables()).isEmpty();
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpcId))).networkAcls()).isEmpty();
        assertEc2Error(() -> ec2.describeRouteTables(r -> r.routeTableIds(tableId)), "InvalidRouteTableID.NotFound",
                "The routeTable ID '" + tableId + "' does not exist");
        assertEc2Error(() -> ec2.describeNetworkAcls(r -> r.networkAclIds(aclId)), "InvalidNetworkAclID.NotFound",
                "The networkAcl ID '" + aclId + "' does not exist");
    }

    @Test
    void theyAreTaggedAndDescribedByTag() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.144.0.0/16")).vpc().vpcId();
        String tableId = mainRouteTables(vpcId).getFirst().routeTableId();
        String aclId = defaultAcls(vpcId).getFirst().networkAclId();

        ec2.createTags(r -> r.resources(tableId, aclId).tags(Tag.builder().key("Name").value("main").build()));

        assertThat(ec2.describeRouteTables(r -> r.filters(filter("tag:Name", "main"))).routeTables())
                .singleElement().satisfies(t -> assertThat(t.tags()).containsExactly(
                        Tag.builder().key("Name").value("main").build()));
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("tag-key", "Name"))).networkAcls())
                .extracting(NetworkAcl::networkAclId).containsExactly(aclId);
        assertThat(ec2.describeTags(r -> r.filters(filter("key", "Name"))).tags())
                .extracting(TagDescription::resourceId, TagDescription::resourceType)
                .containsExactlyInAnyOrder(tuple(tableId, ResourceType.ROUTE_TABLE),
                        tuple(aclId, ResourceType.NETWORK_ACL));

        ec2.deleteTags(r -> r.resources(tableId).tags(Tag.builder().key("Name").build()));
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().getFirst().tags()).isEmpty();
        assertEc2Error(() -> ec2.createTags(r -> r.resources("rtb-0000000000000000f")
                        .tags(Tag.builder().key("a").value("b").build())), "InvalidRouteTableID.NotFound",
                "The routeTable ID 'rtb-0000000000000000f' does not exist");
    }

    @Test
    void describeCallsPageAndCheckTheirFilters() {
        for (int i = 0; i < 6; i++) {
            int octet = 150 + i;
            ec2.createVpc(r -> r.cidrBlock("10." + octet + ".0.0/16"));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeNetworkAclsResponse page = ec2.describeNetworkAcls(r -> r.maxResults(5).nextToken(next));
            assertThat(page.networkAcls()).hasSizeLessThanOrEqualTo(5);
            page.networkAcls().forEach(acl -> seen.add(acl.networkAclId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).doesNotHaveDuplicates()
                .hasSize(ec2.describeVpcs().vpcs().size());
        assertThat(ec2.describeRouteTablesPaginator(r -> r.maxResults(5)).routeTables())
                .hasSize(ec2.describeVpcs().vpcs().size());

        assertEc2Error(() -> ec2.describeRouteTables(r -> r.maxResults(101)), "InvalidParameterValue",
                "Value ( 101 ) for parameter maxResults is invalid. Parameter must be between 5 and 100.");
        assertEc2Error(() -> ec2.describeRouteTables(r -> r.filters(filter("colour", "red"))),
                "InvalidParameterValue", "The filter 'colour' is invalid");
        assertEc2Error(() -> ec2.describeNetworkAcls(r -> r.filters(filter("colour", "red"))),
                "InvalidParameterValue", "The filter 'colour' is invalid");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", "subnet-1")))
                .routeTables()).isEmpty();
        assertThat(ec2.describeRouteTables().routeTables()).flatExtracting(RouteTable::associations)
                .extracting(RouteTableAssociation::main).containsOnly(true);
    }
}
