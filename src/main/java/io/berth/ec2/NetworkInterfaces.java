package io.berth.ec2;

import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.GroupIdentifier;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.edge.RequestContext;


/** DescribeNetworkInterfaces: the interfaces {@link Networks} allocates for tasks. */
final class NetworkInterfaces {

    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "networkInterfaceIds");
    /**
     * DescribeNetworkInterfaces' filters, on what the interface shows: one private IPv4 address,
     * no public address or IPv6 address, attached at device index 1 to no instance of the account.
     */
    private static final Filters<StoredInterface> FILTERS = Filters.<StoredInterface>builder()
            .field("network-interface-id", StoredInterface::networkInterfaceId)
            .field("subnet-id", StoredInterface::subnetId)
            .field("vpc-id", StoredInterface::vpcId)
            .fields("group-id", StoredInterface::groupIds)
            .fields("group-name", i -> i.groups().stream().map(GroupIdentifier::groupName).toList())
            .field("description", StoredInterface::description)
            .field("status", i -> StoredInterface.STATUS)
            .field("availability-zone", StoredInterface::availabilityZone)
            .field("availability-zone-id", i -> Regions.zoneId(i.availabilityZone()).orElse(null))
            .field("private-ip-address", StoredInterface::privateIpAddress)
            .field("addresses.private-ip-address", StoredInterface::privateIpAddress)
            .flag("addresses.primary", i -> true)
            .field("private-dns-name", StoredInterface::privateDnsName)
            .field("mac-address", StoredInterface::macAddress)
            .field("interface-type", i -> StoredInterface.INTERFACE_TYPE)
            .flag("requester-managed", i -> true)
            .flag("source-dest-check", i -> true)
            .flag("operator.managed", i -> false)
            .field("owner-id", StoredInterface::ownerId)
            .field("attachment.attachment-id", StoredInterface::attachmentId)
            .field("attachment.attach-time", i -> i.attachTime() == null ? null : Ec2Xml.timestamp(i.attachTime()))
            .flag("attachment.delete-on-termination", i -> false)
            .field("attachment.device-index", i -> "1")
            .field("attachment.status", i -> StoredInterface.ATTACHMENT_STATUS)
            .field("attachment.instance-owner-id", i -> StoredInterface.INSTANCE_OWNER)
            .absent("addresses.association.owner-id", "addresses.association.public-ip",
                    "association.allocation-id", "association.association-id", "association.ip-owner-id",
                    "association.public-ip", "association.public-dns-name", "attachment.instance-id",
                    "attachment.nat-gateway-id", "ipv6-addresses.ipv6-address", "operator.principal", "requester-id")
            .tags(StoredInterface::tags)
            .build();

    private final Ec2State state;

    NetworkInterfaces(Ec2State state) {
        this.state = state;
    }

    Page<StoredInterface> describeNetworkInterfaces(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> ec2.describe(Ec2Kind.NETWORK_INTERFACE, request, BOUNDS,
                FILTERS.matcher(request.filters()), Ec2Errors::interfaceNotFound));
    }
}
