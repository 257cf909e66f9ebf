package io.berth.ec2;

import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.GroupIdentifier;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.edge.RequestContext;


/** DescribeNetworkInterfaces: the interfaces {@link Networks} allocates for tasks. */
final class NetworkInterfaces {

    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "networkInterfaceIds");
    private static final Filters<StoredInterface> FILTERS = Filters.<StoredInterface>builder()
            .field("network-interface-id", StoredInterface::networkInterfaceId)
            .field("subnet-id", StoredInterface::subnetId)
            .field("vpc-id", StoredInterface::vpcId)
            .fields("group-id", StoredInterface::groupIds)
            .fields("group-name", i -> i.groups().stream().map(GroupIdentifier::groupName).toList())
            .field("description", StoredInterface::description)
            .field("status", i -> StoredInterface.STATUS)
            .field("availability-zone", StoredInterface::availabilityZone)
            .field("private-ip-address", StoredInterface::privateIpAddress)
            .field("addresses.private-ip-address", StoredInterface::privateIpAddress)
            .field("private-dns-name", StoredInterface::privateDnsName)
            .field("mac-address", StoredInterface::macAddress)
            .field("interface-type", i -> StoredInterface.INTERFACE_TYPE)
            .flag("requester-managed", i -> true)
            .field("owner-id", StoredInterface::ownerId)
            .field("attachment.attachment-id", StoredInterface::attachmentId)
            .field("attachment.status", i -> StoredInterface.ATTACHMENT_STATUS)
            .field("attachment.instance-owner-id", i -> StoredInterface.INSTANCE_OWNER)
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
