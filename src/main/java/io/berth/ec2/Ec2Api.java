package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateNetworkInterfaceRequest;
import io.berth.ec2.Ec2Messages.CreateSecurityGroupRequest;
import io.berth.ec2.Ec2Messages.CreateSubnetRequest;
import io.berth.ec2.Ec2Messages.CreateTagsRequest;
import io.berth.ec2.Ec2Messages.CreateVpcRequest;
import io.berth.ec2.Ec2Messages.DeleteNetworkInterfaceRequest;
import io.berth.ec2.Ec2Messages.DeleteSecurityGroupRequest;
import io.berth.ec2.Ec2Messages.DeleteSubnetRequest;
import io.berth.ec2.Ec2Messages.DeleteTagsRequest;
import io.berth.ec2.Ec2Messages.DeleteVpcRequest;
import io.berth.ec2.Ec2Messages.DescribeAvailabilityZonesRequest;
import io.berth.ec2.Ec2Messages.DescribeNetworkInterfaceAttributeRequest;
import io.berth.ec2.Ec2Messages.DescribeRegionsRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.DescribeSecurityGroupsRequest;
import io.berth.ec2.Ec2Messages.DescribeVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.ModifyNetworkInterfaceAttributeRequest;
import io.berth.ec2.Ec2Messages.ModifySecurityGroupRulesRequest;
import io.berth.ec2.Ec2Messages.ModifySubnetAttributeRequest;
import io.berth.ec2.Ec2Messages.ModifyVpcAttributeRequest;
import io.berth.ec2.Ec2Messages.SecurityGroupRulesRequest;
import io.berth.edge.Operation;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.RequestContext;
import io.berth.edge.ResourceResolver;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceModule;
import io.berth.edge.query.QueryRecords;
import io.berth.kit.ServiceContext;
import io.berth.store.Store;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The EC2 API (Query protocol, version 2016-11-15) as far as awsvpc networking needs it: regions
 * and zones, VPCs and their attributes, subnets and theirs, each VPC's main route table and
 * default network ACL, security groups and their rules, network interfaces, tags. Every
 * operation is declared once with its IAM action and resources; a {@code DryRun} is answered by
 * the edge's EC2 dialect once the call is authorized. Requests named as on the wire are read by the
 * edge's record codec; the others, and every response, by this package's own readers and writers.
 * State is per account and region, and each region starts with the default VPC a new AWS account has.
 */
public final class Ec2Api {

    public static final String VERSION = "2016-11-15";
    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static final Map<String, String> RESOURCE_TYPES = Map.of("vpc", "vpc", "subnet", "subnet",
            "sg", "security-group", "sgr", "security-group-rule", "eni", "network-interface", "rtb", "route-table",
            "acl", "network-acl");

    private Ec2Api() {
    }

    /** {@code firewallListener} runs after every committed change of a security group's rules or members. */
    public static ServiceDefinition.Query definition(Store store, InstantSource clock, Runnable firewallListener) {
        return (ServiceDefinition.Query) module(store, clock, firewallListener).api();
    }

    /** The EC2 API, whose resources' tags policies read as aws:ResourceTag/… keys. */
    public static ServiceModule module(Store store, InstantSource clock, Runnable firewallListener) {
        Ec2State state = new Ec2State(ServiceContext.of(store, clock, Ec2Ids.random()), firewallListener);
        Vpcs vpcs = new Vpcs(state);
        Subnets subnets = new Subnets(state);
        SecurityGroups groups = new SecurityGroups(state);
        SecurityGroupRules rules = new SecurityGroupRules(state);
        NetworkInterfaces interfaces = new NetworkInterfaces(state);
        Tags tags = new Tags(state);
        RouteTables routeTables = new RouteTables(state);
        NetworkAcls networkAcls = new NetworkAcls(state);
        List<Operation<?, ?>> operations = new ArrayList<>();
        operations.add(Operation.named("ec2", "DescribeRegions", DescribeRegionsRequest.class)
                .on(any())
                .handledBy(Regions::describeRegions)
                .withCodec(form(Ec2Requests::describeRegions, (regions, xml) -> Ec2Xml.set(xml, "regionInfo", regions,
                        Ec2Responses::region))));
        operations.add(Operation.named("ec2", "DescribeAvailabilityZones", DescribeAvailabilityZonesRequest.class)
                .on(any())
                .handledBy(Regions::describeAvailabilityZones)
                .withCodec(form(Ec2Requests::describeAvailabilityZones, (zones, xml) -> Ec2Xml.set(xml,
                        "availabilityZoneInfo", zones, Ec2Responses::zone))));
        operations.add(Operation.named("ec2", "CreateVpc", CreateVpcRequest.class)
                .on((c, r) -> List.of(arn(c, "vpc", null)))
                .handledBy(vpcs::createVpc)
                .withCodec(form(Ec2Requests::createVpc, (vpc, xml) -> Ec2Xml.structure(xml, "vpc", vpc,
                        Ec2Responses::vpc))));
        operations.add(Operation.named("ec2", "DescribeVpcs", DescribeRequest.class)
                .on(any())
                .handledBy(vpcs::describeVpcs)
                .withCodec(form(Ec2Requests.describe("VpcId"), Ec2Responses.page("vpcSet", Ec2Responses::vpc))));
        operations.add(Operation.named("ec2", "DeleteVpc", DeleteVpcRequest.class)
                .on((c, r) -> List.of(arn(c, "vpc", r.vpcId())))
                .handledBy(vpcs::deleteVpc)
                .withCodec(records(DeleteVpcRequest.class, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "DescribeVpcAttribute", DescribeVpcAttributeRequest.class)
                .on(any())
                .handledBy(vpcs::describeVpcAttribute)
                .withCodec(form(Ec2Requests::describeVpcAttribute, Ec2Responses::vpcAttribute)));
        operations.add(Operation.named("ec2", "ModifyVpcAttribute", ModifyVpcAttributeRequest.class)
                .on((c, r) -> List.of(arn(c, "vpc", r.vpcId())))
                .handledBy(vpcs::modifyVpcAttribute)
                .withCodec(form(Ec2Requests::modifyVpcAttribute, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "CreateSubnet", CreateSubnetRequest.class)
                .on((c, r) -> List.of(arn(c, "subnet", null), arn(c, "vpc", r.vpcId())))
                .handledBy(subnets::createSubnet)
                .withCodec(form(Ec2Requests::createSubnet, (subnet, xml) -> Ec2Xml.structure(xml, "subnet", subnet,
                        Ec2Responses::subnet))));
        operations.add(Operation.named("ec2", "DescribeSubnets", DescribeRequest.class)
                .on(any())
                .handledBy(subnets::describeSubnets)
                .withCodec(form(Ec2Requests.describe("SubnetId"), Ec2Responses.page("subnetSet",
                        Ec2Responses::subnet))));
        operations.add(Operation.named("ec2", "DeleteSubnet", DeleteSubnetRequest.class)
                .on((c, r) -> List.of(arn(c, "subnet", r.subnetId())))
                .handledBy(subnets::deleteSubnet)
                .withCodec(records(DeleteSubnetRequest.class, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "ModifySubnetAttribute", ModifySubnetAttributeRequest.class)
                .on((c, r) -> List.of(arn(c, "subnet", r.subnetId())))
                .handledBy(subnets::modifySubnetAttribute)
                .withCodec(form(Ec2Requests::modifySubnetAttribute, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "DescribeRouteTables", DescribeRequest.class)
                .on(any())
                .handledBy(routeTables::describeRouteTables)
                .withCodec(form(Ec2Requests.describe("RouteTableId"), Ec2Responses.page("routeTableSet",
                        Ec2Responses::routeTable))));
        operations.add(Operation.named("ec2", "DescribeNetworkAcls", DescribeRequest.class)
                .on(any())
                .handledBy(networkAcls::describeNetworkAcls)
                .withCodec(form(Ec2Requests.describe("NetworkAclId"), Ec2Responses.page("networkAclSet",
                        Ec2Responses::networkAcl))));
        operations.add(Operation.named("ec2", "CreateSecurityGroup", CreateSecurityGroupRequest.class)
                .on((c, r) -> List.of(arn(c, "security-group", null), arn(c, "vpc", r.vpcId())))
                .handledBy(groups::createSecurityGroup)
                .withCodec(form(Ec2Requests::createSecurityGroup, Ec2Responses::createSecurityGroup)));
        operations.add(Operation.named("ec2", "DescribeSecurityGroups", DescribeSecurityGroupsRequest.class)
                .on(any())
                .handledBy(groups::describeSecurityGroups)
                .withCodec(form(Ec2Requests::describeSecurityGroups, Ec2Responses.page("securityGroupInfo",
                        Ec2Responses::securityGroup))));
        operations.add(Operation.named("ec2", "DeleteSecurityGroup", DeleteSecurityGroupRequest.class)
                .on((c, r) -> List.of(arn(c, "security-group", r.group().groupId())))
                .handledBy(groups::deleteSecurityGroup)
                .withCodec(form(Ec2Requests::deleteSecurityGroup, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "AuthorizeSecurityGroupIngress", SecurityGroupRulesRequest.class)
                .on((c, r) -> List.of(arn(c, "security-group", r.group().groupId())))
                .handledBy((c, r) -> rules.authorize(c, r, false))
                .withCodec(form(Ec2Requests::securityGroupRules, Ec2Responses::authorized)));
        operations.add(Operation.named("ec2", "AuthorizeSecurityGroupEgress", SecurityGroupRulesRequest.class)
                .on((c, r) -> List.of(arn(c, "security-group", r.group().groupId())))
                .handledBy((c, r) -> rules.authorize(c, r, true))
                .withCodec(form(Ec2Requests::securityGroupRules, Ec2Responses::authorized)));
        operations.add(Operation.named("ec2", "RevokeSecurityGroupIngress", SecurityGroupRulesRequest.class)
                .on((c, r) -> List.of(arn(c, "security-group", r.group().groupId())))
                .handledBy((c, r) -> rules.revoke(c, r, false))
                .withCodec(form(Ec2Requests::securityGroupRules, Ec2Responses::revoked)));
        operations.add(Operation.named("ec2", "RevokeSecurityGroupEgress", SecurityGroupRulesRequest.class)
                .on((c, r) -> List.of(arn(c, "security-group", r.group().groupId())))
                .handledBy((c, r) -> rules.revoke(c, r, true))
                .withCodec(form(Ec2Requests::securityGroupRules, Ec2Responses::revoked)));
        operations.add(Operation.named("ec2", "ModifySecurityGroupRules", ModifySecurityGroupRulesRequest.class)
                .on((c, r) -> List.of(arn(c, "security-group", r.groupId())))
                .handledBy(rules::modifySecurityGroupRules)
                .withCodec(form(Ec2Requests::modifySecurityGroupRules, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "DescribeSecurityGroupRules", DescribeRequest.class)
                .on(any())
                .handledBy(rules::describeSecurityGroupRules)
                .withCodec(form(Ec2Requests.describe("SecurityGroupRuleId"), Ec2Responses.page("securityGroupRuleSet",
                        Ec2Responses::securityGroupRule))));
        operations.add(Operation.named("ec2", "CreateNetworkInterface", CreateNetworkInterfaceRequest.class)
                .on((c, r) -> withGroups(c, r.groupIds(), arn(c, "network-interface", null), arn(c, "subnet",
                        r.subnetId())))
                .handledBy(interfaces::createNetworkInterface)
                .withCodec(form(Ec2Requests::createNetworkInterface, Ec2Responses::createNetworkInterface)));
        operations.add(Operation.named("ec2", "DescribeNetworkInterfaces", DescribeRequest.class)
                .on(any())
                .handledBy(interfaces::describeNetworkInterfaces)
                .withCodec(form(Ec2Requests.describe("NetworkInterfaceId"), Ec2Responses.page("networkInterfaceSet",
                        Ec2Responses::networkInterface))));
        operations.add(Operation.named("ec2", "DeleteNetworkInterface", DeleteNetworkInterfaceRequest.class)
                .on((c, r) -> List.of(arn(c, "network-interface", r.networkInterfaceId())))
                .handledBy(interfaces::deleteNetworkInterface)
                .withCodec(records(DeleteNetworkInterfaceRequest.class, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "ModifyNetworkInterfaceAttribute",
                ModifyNetworkInterfaceAttributeRequest.class)
                .on((c, r) -> withGroups(c, r.groupIds(), arn(c, "network-interface", r.networkInterfaceId())))
                .handledBy(interfaces::modifyNetworkInterfaceAttribute)
                .withCodec(form(Ec2Requests::modifyNetworkInterfaceAttribute, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "DescribeNetworkInterfaceAttribute",
                DescribeNetworkInterfaceAttributeRequest.class)
                .on(any())
                .handledBy(interfaces::describeNetworkInterfaceAttribute)
                .withCodec(records(DescribeNetworkInterfaceAttributeRequest.class,
                        Ec2Responses::networkInterfaceAttribute)));
        operations.add(Operation.named("ec2", "CreateTags", CreateTagsRequest.class)
                .on((c, r) -> arns(c, r.resources()))
                .handledBy(tags::createTags)
                .withCodec(form(Ec2Requests::createTags, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "DeleteTags", DeleteTagsRequest.class)
                .on((c, r) -> arns(c, r.resources()))
                .handledBy(tags::deleteTags)
                .withCodec(form(Ec2Requests::deleteTags, Ec2Responses::returned)));
        operations.add(Operation.named("ec2", "DescribeTags", DescribeRequest.class)
                .on(any())
                .handledBy(tags::describeTags)
                .withCodec(form(Ec2Requests::describeTags, Ec2Responses.page("tagSet", Ec2Responses::tagDescription))));
        return ServiceModule.of(new ServiceDefinition.Query("ec2", VERSION, NAMESPACE, ServiceDefinition.Dialect.EC2,
                operations), "ec2").withTags(tags::of);
    }

    /** An operation's own codec: its request read from the form, its response members written by hand. */
    private record Codec<Q, R>(Function<QueryParameters, Q> decoder, Ec2Xml.Writer<R> writer)
            implements QueryCodec<Q, R> {
        @Override
        public Q decode(QueryParameters parameters) {
            return decoder.apply(parameters);
        }

        /** Writes the children of {@code <OperationResponse>} that follow its {@code <requestId>}. */
        @Override
        public void encodeResult(R response, XMLStreamWriter xml) throws XMLStreamException {
            writer.write(response, xml);
        }
    }

    /** A request read as EC2 flattens it, by {@link Ec2Requests}, for shapes whose names are not the wire's. */
    private static <Q, R> Codec<Q, R> form(Function<Ec2Params, Q> decoder, Ec2Xml.Writer<R> writer) {
        return new Codec<>(parameters -> decoder.apply(new Ec2Params(parameters.values())), writer);
    }

    /** A request record named as on the wire, read by the edge's EC2 record codec. */
    private static <Q, R> Codec<Q, R> records(Class<Q> requestType, Ec2Xml.Writer<R> writer) {
        QueryCodec<Q, R> records = QueryRecords.codec(requestType, ServiceDefinition.Dialect.EC2);
        return new Codec<>(records::decode, writer);
    }

    private static <Q> ResourceResolver<Q> any() {
        return ResourceResolver.any();
    }

    /** An EC2 resource ARN; a null id (a resource yet to be made, or named otherwise) is every one of its type. */
    private static String arn(RequestContext context, String type, String id) {
        return "arn:aws:ec2:" + context.region() + ":" + context.accountId() + ":" + type + "/"
                + (id == null ? "*" : id);
    }

    /** The ARNs of resources named by id; every resource ("*") when none is named, which the handler refuses. */
    /** An ENI's resources and those of the security groups it is given. */
    private static List<String> withGroups(RequestContext context, List<String> groupIds, String... resources) {
        List<String> all = new ArrayList<>(List.of(resources));
        groupIds.forEach(id -> all.add(arn(context, "security-group", id)));
        return all;
    }

    private static List<String> arns(RequestContext context, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of("*");
        }
        return ids.stream().map(id -> {
            String type = RESOURCE_TYPES.get(id.contains("-") ? id.substring(0, id.indexOf('-')) : "");
            return type == null ? "*" : arn(context, type, id);
        }).toList();
    }
}
