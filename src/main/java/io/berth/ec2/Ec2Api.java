package io.berth.ec2;

import io.berth.edge.AwsException;
import io.berth.edge.Handler;
import io.berth.edge.Operation;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.RequestContext;
import io.berth.edge.ResourceResolver;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceDefinition.QueryBinding;
import io.berth.edge.ServiceModule;
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
 * operation is declared once with its IAM action and resources. State is per account and region,
 * and each region starts with the default VPC a new AWS account has.
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
        Ec2State state = new Ec2State(store, Ec2Ids.random(), clock, firewallListener);
        Vpcs vpcs = new Vpcs(state);
        Subnets subnets = new Subnets(state);
        SecurityGroups groups = new SecurityGroups(state);
        SecurityGroupRules rules = new SecurityGroupRules(state);
        NetworkInterfaces interfaces = new NetworkInterfaces(state);
        Tags tags = new Tags(state);
        RouteTables routeTables = new RouteTables(state);
        NetworkAcls networkAcls = new NetworkAcls(state);
        List<QueryBinding<?, ?>> operations = new ArrayList<>();
        operations.add(op("DescribeRegions", Ec2Requests::describeRegions, any(), Regions::describeRegions,
                (regions, xml) -> Ec2Xml.set(xml, "regionInfo", regions, Ec2Responses::region)));
        operations.add(op("DescribeAvailabilityZones", Ec2Requests::describeAvailabilityZones, any(),
                Regions::describeAvailabilityZones,
                (zones, xml) -> Ec2Xml.set(xml, "availabilityZoneInfo", zones, Ec2Responses::zone)));
        operations.add(op("CreateVpc", Ec2Requests::createVpc, (c, r) -> List.of(arn(c, "vpc", null)),
                vpcs::createVpc, (vpc, xml) -> Ec2Xml.structure(xml, "vpc", vpc, Ec2Responses::vpc)));
        operations.add(op("DescribeVpcs", Ec2Requests.describe("VpcId"), any(), vpcs::describeVpcs,
                Ec2Responses.page("vpcSet", Ec2Responses::vpc)));
        operations.add(op("DeleteVpc", Ec2Requests::deleteVpc, (c, r) -> List.of(arn(c, "vpc", r.vpcId())),
                vpcs::deleteVpc, Ec2Responses::returned));
        operations.add(op("DescribeVpcAttribute", Ec2Requests::describeVpcAttribute, any(),
                vpcs::describeVpcAttribute, Ec2Responses::vpcAttribute));
        operations.add(op("ModifyVpcAttribute", Ec2Requests::modifyVpcAttribute,
                (c, r) -> List.of(arn(c, "vpc", r.vpcId())), vpcs::modifyVpcAttribute, Ec2Responses::returned));
        operations.add(op("CreateSubnet", Ec2Requests::createSubnet,
                (c, r) -> List.of(arn(c, "subnet", null), arn(c, "vpc", r.vpcId())), subnets::createSubnet,
                (subnet, xml) -> Ec2Xml.structure(xml, "subnet", subnet, Ec2Responses::subnet)));
        operations.add(op("DescribeSubnets", Ec2Requests.describe("SubnetId"), any(), subnets::describeSubnets,
                Ec2Responses.page("subnetSet", Ec2Responses::subnet)));
        operations.add(op("DeleteSubnet", Ec2Requests::deleteSubnet,
                (c, r) -> List.of(arn(c, "subnet", r.subnetId())), subnets::deleteSubnet, Ec2Responses::returned));
        operations.add(op("ModifySubnetAttribute", Ec2Requests::modifySubnetAttribute,
                (c, r) -> List.of(arn(c, "subnet", r.subnetId())), subnets::modifySubnetAttribute,
                Ec2Responses::returned));
        operations.add(op("DescribeRouteTables", Ec2Requests.describe("RouteTableId"), any(),
                routeTables::describeRouteTables, Ec2Responses.page("routeTableSet", Ec2Responses::routeTable)));
        operations.add(op("DescribeNetworkAcls", Ec2Requests.describe("NetworkAclId"), any(),
                networkAcls::describeNetworkAcls, Ec2Responses.page("networkAclSet", Ec2Responses::networkAcl)));
        operations.add(op("CreateSecurityGroup", Ec2Requests::createSecurityGroup,
                (c, r) -> List.of(arn(c, "security-group", null), arn(c, "vpc", r.vpcId())),
                groups::createSecurityGroup, Ec2Responses::createSecurityGroup));
        operations.add(op("DescribeSecurityGroups", Ec2Requests::describeSecurityGroups, any(),
                groups::describeSecurityGroups, Ec2Responses.page("securityGroupInfo", Ec2Responses::securityGroup)));
        operations.add(op("DeleteSecurityGroup", Ec2Requests::deleteSecurityGroup,
                (c, r) -> List.of(arn(c, "security-group", r.group().groupId())), groups::deleteSecurityGroup,
                Ec2Responses::returned));
        operations.add(op("AuthorizeSecurityGroupIngress", Ec2Requests::securityGroupRules,
                (c, r) -> List.of(arn(c, "security-group", r.group().groupId())),
                (c, r) -> rules.authorize(c, r, false), Ec2Responses::authorized));
        operations.add(op("AuthorizeSecurityGroupEgress", Ec2Requests::securityGroupRules,
                (c, r) -> List.of(arn(c, "security-group", r.group().groupId())),
                (c, r) -> rules.authorize(c, r, true), Ec2Responses::authorized));
        operations.add(op("RevokeSecurityGroupIngress", Ec2Requests::securityGroupRules,
                (c, r) -> List.of(arn(c, "security-group", r.group().groupId())),
                (c, r) -> rules.revoke(c, r, false), Ec2Responses::revoked));
        operations.add(op("RevokeSecurityGroupEgress", Ec2Requests::securityGroupRules,
                (c, r) -> List.of(arn(c, "security-group", r.group().groupId())),
                (c, r) -> rules.revoke(c, r, true), Ec2Responses::revoked));
        operations.add(op("ModifySecurityGroupRules", Ec2Requests::modifySecurityGroupRules,
                (c, r) -> List.of(arn(c, "security-group", r.groupId())), rules::modifySecurityGroupRules,
                Ec2Responses::returned));
        operations.add(op("DescribeSecurityGroupRules", Ec2Requests.describe("SecurityGroupRuleId"), any(),
                rules::describeSecurityGroupRules,
                Ec2Responses.page("securityGroupRuleSet", Ec2Responses::securityGroupRule)));
        operations.add(op("CreateNetworkInterface", Ec2Requests::createNetworkInterface, (c, r) -> {
            List<String> resources = new ArrayList<>(List.of(arn(c, "network-interface", null),
                    arn(c, "subnet", r.subnetId())));
            r.groupIds().forEach(id -> resources.add(arn(c, "security-group", id)));
            return resources;
        }, interfaces::createNetworkInterface, Ec2Responses::createNetworkInterface));
        operations.add(op("DescribeNetworkInterfaces", Ec2Requests.describe("NetworkInterfaceId"), any(),
                interfaces::describeNetworkInterfaces,
                Ec2Responses.page("networkInterfaceSet", Ec2Responses::networkInterface)));
        operations.add(op("DeleteNetworkInterface", Ec2Requests::deleteNetworkInterface,
                (c, r) -> List.of(arn(c, "network-interface", r.networkInterfaceId())),
                interfaces::deleteNetworkInterface, Ec2Responses::returned));
        operations.add(op("ModifyNetworkInterfaceAttribute", Ec2Requests::modifyNetworkInterfaceAttribute, (c, r) -> {
            List<String> resources = new ArrayList<>(List.of(arn(c, "network-interface", r.networkInterfaceId())));
            r.groupIds().forEach(id -> resources.add(arn(c, "security-group", id)));
            return resources;
        }, interfaces::modifyNetworkInterfaceAttribute, Ec2Responses::returned));
        operations.add(op("DescribeNetworkInterfaceAttribute", Ec2Requests::describeNetworkInterfaceAttribute, any(),
                interfaces::describeNetworkInterfaceAttribute, Ec2Responses::networkInterfaceAttribute));
        operations.add(op("CreateTags", Ec2Requests::createTags, (c, r) -> arns(c, r.resources()), tags::createTags,
                Ec2Responses::returned));
        operations.add(op("DeleteTags", Ec2Requests::deleteTags, (c, r) -> arns(c, r.resources()), tags::deleteTags,
                Ec2Responses::returned));
        operations.add(op("DescribeTags", Ec2Requests::describeTags, any(), tags::describeTags,
                Ec2Responses.page("tagSet", Ec2Responses::tagDescription)));
        return ServiceModule.of(new ServiceDefinition.Query("ec2", VERSION, NAMESPACE, ServiceDefinition.Dialect.EC2,
                operations), "ec2").withTags(tags::of);
    }

    /**
     * A decoded request and its {@code DryRun} flag. A dry run is answered by the handler, after
     * authorization, so it tells the caller what EC2 would: whether the call was allowed.
     */
    record Ec2Request<Q>(Q input, boolean dryRun) {
    }

    @SuppressWarnings("unchecked")
    private static <Q, R> QueryBinding<Ec2Request<Q>, R> op(String name, Function<Ec2Params, Q> decoder,
                                                           ResourceResolver<Q> resources, Handler<Q, R> handler,
                                                           Ec2Xml.Writer<R> writer) {
        Class<Ec2Request<Q>> type = (Class<Ec2Request<Q>>) (Class<?>) Ec2Request.class;
        Operation<Ec2Request<Q>, R> operation = Operation.of("ec2", name, type,
                (c, r) -> resources.resources(c, r.input()),
                (c, r) -> {
                    if (r.dryRun()) {
                        throw new AwsException("DryRunOperation", 412,
                                "Request would have succeeded, but DryRun flag is set.");
                    }
                    return handler.handle(c, r.input());
                });
        return new QueryBinding<>(operation, new Codec<>(decoder, writer));
    }

    /** Reads an operation's request from the form and writes its response members. */
    private record Codec<Q, R>(Function<Ec2Params, Q> decoder, Ec2Xml.Writer<R> writer)
            implements QueryCodec<Ec2Request<Q>, R> {
        @Override
        public Ec2Request<Q> decode(QueryParameters parameters) {
            Ec2Params params = new Ec2Params(parameters.values());
            return new Ec2Request<>(decoder.apply(params), params.flag("DryRun"));
        }

        /** Writes the children of {@code <OperationResponse>} that follow its {@code <requestId>}. */
        @Override
        public void encodeResult(R response, XMLStreamWriter xml) throws XMLStreamException {
            writer.write(response, xml);
        }
    }

    private static <Q> ResourceResolver<Q> any() {
        return ResourceResolver.any();
    }

    /** An EC2 resource ARN; a null id (a resource yet to be made, or named otherwise) is every one of its type. */
    private static String arn(RequestContext context, String type, String id) {
        return "arn:aws:ec2:" + context.region() + ":" + context.accountId() + ":" + type + "/"
                + (id == null ? "*" : id);
    }

    private static List<String> arns(RequestContext context, List<String> ids) {
        return ids.stream().map(id -> {
            String type = RESOURCE_TYPES.get(id.contains("-") ? id.substring(0, id.indexOf('-')) : "");
            return type == null ? "*" : arn(context, type, id);
        }).toList();
    }
}
