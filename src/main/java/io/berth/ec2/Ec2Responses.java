package io.berth.ec2;

import io.berth.ec2.Ec2Messages.AuthorizeResult;
import io.berth.ec2.Ec2Messages.CreateNetworkInterfaceResult;
import io.berth.ec2.Ec2Messages.CreateSecurityGroupResult;
import io.berth.ec2.Ec2Messages.IpPermission;
import io.berth.ec2.Ec2Messages.IpRange;
import io.berth.ec2.Ec2Messages.NetworkInterfaceAttributeResult;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.ec2.Ec2Messages.RevokeResult;
import io.berth.ec2.Ec2Messages.SecurityGroupRule;
import io.berth.ec2.Ec2Messages.SubnetView;
import io.berth.ec2.Ec2Messages.TagDescription;
import io.berth.ec2.Ec2Messages.UserIdGroupPair;
import io.berth.ec2.Ec2Messages.VpcAttributeResult;
import io.berth.ec2.Ec2Xml.Writer;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import static io.berth.ec2.Ec2Xml.element;
import static io.berth.ec2.Ec2Xml.set;
import static io.berth.ec2.Ec2Xml.structure;
import static io.berth.ec2.Ec2Xml.tagSet;

/** The members of each EC2 response, the children of {@code <OperationResponse>} after its requestId. */
final class Ec2Responses {

    private Ec2Responses() {
    }

    static void returned(Return value, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "return", value.value());
    }

    /** A Describe page: its items under {@code setName}, then the token for the next page, if any. */
    static <T> Writer<Page<T>> page(String setName, Writer<T> item) {
        return (page, xml) -> {
            set(xml, setName, page.items(), item);
            element(xml, "nextToken", page.nextToken());
        };
    }

    static void region(Regions.RegionInfo region, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "regionName", region.regionName());
        element(xml, "regionEndpoint", region.endpoint());
        element(xml, "optInStatus", region.optInStatus());
    }

    static void zone(Regions.Zone zone, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "zoneName", zone.zoneName());
        element(xml, "zoneState", "available");
        element(xml, "regionName", zone.regionName());
        element(xml, "zoneId", zone.zoneId());
        element(xml, "groupName", zone.regionName());
        element(xml, "networkBorderGroup", zone.regionName());
        element(xml, "zoneType", "availability-zone");
        element(xml, "optInStatus", Regions.OPT_IN_NOT_REQUIRED);
        set(xml, "messageSet", List.of(), (m, x) -> { });
    }

    static void vpc(StoredVpc vpc, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "vpcId", vpc.vpcId());
        element(xml, "ownerId", vpc.ownerId());
        element(xml, "state", "available");
        element(xml, "cidrBlock", vpc.cidrBlock());
        set(xml, "cidrBlockAssociationSet", List.of(vpc), (v, x) -> {
            element(x, "associationId", v.cidrAssociationId());
            element(x, "cidrBlock", v.cidrBlock());
            structure(x, "cidrBlockState", v, (s, y) -> element(y, "state", "associated"));
        });
        element(xml, "dhcpOptionsId", vpc.dhcpOptionsId());
        element(xml, "instanceTenancy", vpc.instanceTenancy());
        element(xml, "isDefault", vpc.defaultVpc());
        tagSet(xml, vpc.tags());
    }

    /** DescribeVpcAttribute: the VPC and the one attribute asked for, as {@code <name><value>…</value></name>}. */
    static void vpcAttribute(VpcAttributeResult result, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "vpcId", result.vpcId());
        structure(xml, result.attribute(), result, (r, x) -> element(x, "value", r.value()));
    }

    static void routeTable(StoredRouteTable table, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "routeTableId", table.routeTableId());
        element(xml, "vpcId", table.vpcId());
        element(xml, "ownerId", table.ownerId());
        set(xml, "routeSet", table.routes(), (route, x) -> {
            element(x, "destinationCidrBlock", route.destinationCidrBlock());
            element(x, "gatewayId", route.gatewayId());
            element(x, "state", route.state());
            element(x, "origin", route.origin());
        });
        set(xml, "associationSet", table.associations(), (association, x) -> {
            element(x, "routeTableAssociationId", association.routeTableAssociationId());
            element(x, "routeTableId", table.routeTableId());
            element(x, "subnetId", association.subnetId());
            element(x, "main", association.main());
            structure(x, "associationState", association, (a, y) -> element(y, "state", "associated"));
        });
        set(xml, "propagatingVgwSet", List.of(), (v, x) -> { });
        tagSet(xml, table.tags());
    }

    static void networkAcl(StoredNetworkAcl acl, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "networkAclId", acl.networkAclId());
        element(xml, "vpcId", acl.vpcId());
        element(xml, "ownerId", acl.ownerId());
        element(xml, "default", acl.defaultAcl());
        set(xml, "entrySet", acl.entries(), (entry, x) -> {
            element(x, "ruleNumber", entry.ruleNumber());
            element(x, "protocol", entry.protocol());
            element(x, "ruleAction", entry.ruleAction());
            element(x, "egress", entry.egress());
            element(x, "cidrBlock", entry.cidrBlock());
        });
        set(xml, "associationSet", acl.associations(), (association, x) -> {
            element(x, "networkAclAssociationId", association.networkAclAssociationId());
            element(x, "networkAclId", acl.networkAclId());
            element(x, "subnetId", association.subnetId());
        });
        tagSet(xml, acl.tags());
    }

    static void subnet(SubnetView view, XMLStreamWriter xml) throws XMLStreamException {
        StoredSubnet subnet = view.subnet();
        element(xml, "subnetId", subnet.subnetId());
        element(xml, "subnetArn", subnet.subnetArn());
        element(xml, "state", "available");
        element(xml, "ownerId", subnet.ownerId());
        element(xml, "vpcId", subnet.vpcId());
        element(xml, "cidrBlock", subnet.cidrBlock());
        set(xml, "ipv6CidrBlockAssociationSet", List.of(), (a, x) -> { });
        element(xml, "availableIpAddressCount", view.availableIpAddressCount());
        element(xml, "availabilityZone", subnet.availabilityZone());
        element(xml, "availabilityZoneId", subnet.availabilityZoneId());
        element(xml, "defaultForAz", subnet.defaultForAz());
        element(xml, "mapPublicIpOnLaunch", subnet.mapPublicIpOnLaunch());
        element(xml, "mapCustomerOwnedIpOnLaunch", false);
        element(xml, "assignIpv6AddressOnCreation", false);
        element(xml, "enableDns64", subnet.enableDns64());
        element(xml, "ipv6Native", false);
        structure(xml, "privateDnsNameOptionsOnLaunch", subnet.privateDnsNameOptionsOnLaunch(), (o, x) -> {
            element(x, "hostnameType", o.hostnameType());
            element(x, "enableResourceNameDnsARecord", o.enableResourceNameDnsARecord());
            element(x, "enableResourceNameDnsAAAARecord", o.enableResourceNameDnsAAAARecord());
        });
        tagSet(xml, subnet.tags());
    }

    static void createSecurityGroup(CreateSecurityGroupResult result, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "return", true);
        element(xml, "groupId", result.groupId());
        tagSet(xml, result.tags());
    }

    static void securityGroup(StoredSecurityGroup group, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "ownerId", group.ownerId());
        element(xml, "groupId", group.groupId());
        element(xml, "groupName", group.groupName());
        element(xml, "groupDescription", group.description());
        element(xml, "vpcId", group.vpcId());
        set(xml, "ipPermissions", Permissions.permissions(group.rules(false), group.ownerId()),
                Ec2Responses::ipPermission);
        set(xml, "ipPermissionsEgress", Permissions.permissions(group.rules(true), group.ownerId()),
                Ec2Responses::ipPermission);
        tagSet(xml, group.tags());
    }

    static void ipPermission(IpPermission permission, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "ipProtocol", permission.ipProtocol());
        element(xml, "fromPort", permission.fromPort());
        element(xml, "toPort", permission.toPort());
        set(xml, "groups", permission.groups(), Ec2Responses::groupPair);
        set(xml, "ipRanges", permission.ipRanges(), Ec2Responses::ipRange);
        set(xml, "ipv6Ranges", permission.ipv6Ranges(), (r, x) -> {
            element(x, "cidrIpv6", r.cidrIpv6());
            element(x, "description", r.description());
        });
        set(xml, "prefixListIds", permission.prefixListIds(), (p, x) -> {
            element(x, "prefixListId", p.prefixListId());
            element(x, "description", p.description());
        });
    }

    private static void groupPair(UserIdGroupPair pair, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "userId", pair.userId());
        element(xml, "groupId", pair.groupId());
        element(xml, "description", pair.description());
    }

    private static void ipRange(IpRange range, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "cidrIp", range.cidrIp());
        element(xml, "description", range.description());
    }

    static void authorized(AuthorizeResult result, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "return", true);
        set(xml, "securityGroupRuleSet", result.rules(), Ec2Responses::securityGroupRule);
    }

    static void revoked(RevokeResult result, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "return", true);
        if (!result.unknownIpPermissions().isEmpty()) {
            set(xml, "unknownIpPermissionSet", result.unknownIpPermissions(), Ec2Responses::ipPermission);
        }
    }

    /** A rule on its own: a protocol without ports shows -1 for both, as DescribeSecurityGroupRules does. */
    static void securityGroupRule(SecurityGroupRule view, XMLStreamWriter xml) throws XMLStreamException {
        StoredRule rule = view.rule();
        element(xml, "securityGroupRuleId", rule.securityGroupRuleId());
        element(xml, "groupId", view.groupId());
        element(xml, "groupOwnerId", view.groupOwnerId());
        element(xml, "isEgress", rule.egress());
        element(xml, "ipProtocol", rule.ipProtocol());
        element(xml, "fromPort", rule.fromPort() == null ? -1 : rule.fromPort());
        element(xml, "toPort", rule.toPort() == null ? -1 : rule.toPort());
        element(xml, "cidrIpv4", rule.cidrIpv4());
        if (rule.referencedGroupId() != null) {
            structure(xml, "referencedGroupInfo", view, (v, x) -> {
                element(x, "groupId", v.rule().referencedGroupId());
                element(x, "userId", v.groupOwnerId());
            });
        }
        element(xml, "description", rule.description());
        tagSet(xml, rule.tags());
    }

    static void createNetworkInterface(CreateNetworkInterfaceResult result, XMLStreamWriter xml)
            throws XMLStreamException {
        structure(xml, "networkInterface", result.networkInterface(), Ec2Responses::networkInterface);
        element(xml, "clientToken", result.clientToken());
    }

    /**
     * A task's interface shows as Fargate's do on AWS: requester-managed, in use, attached by
     * ECS; an interface a user created is theirs and available.
     */
    static void networkInterface(StoredInterface eni, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "networkInterfaceId", eni.networkInterfaceId());
        element(xml, "subnetId", eni.subnetId());
        element(xml, "vpcId", eni.vpcId());
        element(xml, "availabilityZone", eni.availabilityZone());
        element(xml, "description", eni.description());
        element(xml, "ownerId", eni.ownerId());
        element(xml, "requesterId", eni.requesterId());
        element(xml, "requesterManaged", eni.requesterManaged());
        element(xml, "status", eni.status());
        element(xml, "macAddress", eni.macAddress());
        element(xml, "privateIpAddress", eni.privateIpAddress());
        element(xml, "privateDnsName", eni.privateDnsName());
        element(xml, "sourceDestCheck", eni.sourceDestCheck());
        set(xml, "groupSet", eni.groups(), Ec2Responses::group);
        if (eni.requesterManaged()) {
            structure(xml, "attachment", eni, Ec2Responses::attachment);
        }
        tagSet(xml, eni.tags());
        set(xml, "privateIpAddressesSet", List.of(eni), (e, x) -> {
            element(x, "privateIpAddress", e.privateIpAddress());
            element(x, "privateDnsName", e.privateDnsName());
            element(x, "primary", true);
        });
        set(xml, "ipv6AddressesSet", List.of(), (a, x) -> { });
        element(xml, "interfaceType", StoredInterface.INTERFACE_TYPE);
    }

    private static void attachment(StoredInterface eni, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "attachmentId", eni.attachmentId());
        element(xml, "instanceOwnerId", StoredInterface.INSTANCE_OWNER);
        element(xml, "deviceIndex", 1);
        element(xml, "networkCardIndex", 0);
        element(xml, "status", StoredInterface.ATTACHMENT_STATUS);
        element(xml, "attachTime", eni.attachTime());
        element(xml, "deleteOnTermination", false);
    }

    /** DescribeNetworkInterfaceAttribute: the interface and the one attribute asked for, in EC2's shapes. */
    static void networkInterfaceAttribute(NetworkInterfaceAttributeResult result, XMLStreamWriter xml)
            throws XMLStreamException {
        StoredInterface eni = result.networkInterface();
        element(xml, "networkInterfaceId", eni.networkInterfaceId());
        switch (result.attribute()) {
            case "description" -> structure(xml, "description", eni, (e, x) -> element(x, "value", e.description()));
            case "groupSet" -> set(xml, "groupSet", eni.groups(), Ec2Responses::group);
            case "sourceDestCheck" -> structure(xml, "sourceDestCheck", eni,
                    (e, x) -> element(x, "value", e.sourceDestCheck()));
            case "attachment" -> {
                if (eni.requesterManaged()) {
                    structure(xml, "attachment", eni, Ec2Responses::attachment);
                }
            }
            case "associatePublicIpAddress" -> element(xml, "associatePublicIpAddress", false);
            default -> throw new IllegalArgumentException("unknown attribute " + result.attribute());
        }
    }

    private static void group(StoredInterface.Group group, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "groupId", group.groupId());
        element(xml, "groupName", group.groupName());
    }

    static void tagDescription(TagDescription tag, XMLStreamWriter xml) throws XMLStreamException {
        element(xml, "resourceId", tag.resourceId());
        element(xml, "resourceType", tag.resourceType());
        element(xml, "key", tag.key());
        element(xml, "value", tag.value());
    }
}
