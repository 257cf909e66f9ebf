package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateNetworkInterfaceRequest;
import io.berth.ec2.Ec2Messages.CreateNetworkInterfaceResult;
import io.berth.ec2.Ec2Messages.DeleteNetworkInterfaceRequest;
import io.berth.ec2.Ec2Messages.DescribeNetworkInterfaceAttributeRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.ModifyNetworkInterfaceAttributeRequest;
import io.berth.ec2.Ec2Messages.NetworkInterfaceAttributeResult;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.ec2.StoredInterface.ClientToken;
import io.berth.edge.RequestContext;
import io.berth.store.StoredTag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateNetworkInterface, DescribeNetworkInterfaces, DeleteNetworkInterface,
 * ModifyNetworkInterfaceAttribute and DescribeNetworkInterfaceAttribute. Interfaces users create
 * take their address from the subnet as tasks' do ({@link SubnetAddresses}), and join their
 * groups' members; they stay available, as Berth has no instances to attach them to. Tasks'
 * interfaces ({@link Networks} makes them) are requester-managed: EC2 lets no user change or
 * delete them.
 */
final class NetworkInterfaces {

    /** EC2's default quota of security groups per interface. */
    static final int GROUPS_PER_INTERFACE = 5;
    private static final Set<String> ATTRIBUTES = Set.of("description", "groupSet", "sourceDestCheck", "attachment",
            "associatePublicIpAddress");
    private static final Pattern ID = Pattern.compile("eni-([0-9a-f]{8}|[0-9a-f]{17})");
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
            .fields("group-name", i -> i.groups().stream().map(StoredInterface.Group::groupName).toList())
            .field("description", StoredInterface::description)
            .field("status", StoredInterface::status)
            .field("availability-zone", StoredInterface::availabilityZone)
            .field("availability-zone-id", i -> Regions.zoneId(i.availabilityZone()).orElse(null))
            .field("private-ip-address", StoredInterface::privateIpAddress)
            .field("addresses.private-ip-address", StoredInterface::privateIpAddress)
            .flag("addresses.primary", i -> true)
            .field("private-dns-name", StoredInterface::privateDnsName)
            .field("mac-address", StoredInterface::macAddress)
            .field("interface-type", i -> StoredInterface.INTERFACE_TYPE)
            .flag("requester-managed", StoredInterface::requesterManaged)
            .field("requester-id", StoredInterface::requesterId)
            .flag("source-dest-check", StoredInterface::sourceDestCheck)
            .flag("operator.managed", i -> false)
            .field("owner-id", StoredInterface::ownerId)
            .field("attachment.attachment-id", StoredInterface::attachmentId)
            .field("attachment.attach-time", i -> i.attachTime() == null ? null : Ec2Xml.timestamp(i.attachTime()))
            .flag("attachment.delete-on-termination", i -> false)
            .field("attachment.device-index", i -> i.requesterManaged() ? "1" : null)
            .field("attachment.status", i -> i.requesterManaged() ? StoredInterface.ATTACHMENT_STATUS : null)
            .field("attachment.instance-owner-id", i -> i.requesterManaged() ? StoredInterface.INSTANCE_OWNER : null)
            .absent("addresses.association.owner-id", "addresses.association.public-ip",
                    "association.allocation-id", "association.association-id", "association.ip-owner-id",
                    "association.public-ip", "association.public-dns-name", "attachment.instance-id",
                    "attachment.nat-gateway-id", "ipv6-addresses.ipv6-address", "operator.principal")
            .tags(StoredInterface::tags)
            .build();

    private final Ec2State state;

    NetworkInterfaces(Ec2State state) {
        this.state = state;
    }

    /**
     * A new interface with one private address, the one asked for or the lowest free one. A
     * client token already used returns the interface it made, when asked for the same again.
     */
    CreateNetworkInterfaceResult createNetworkInterface(RequestContext context, CreateNetworkInterfaceRequest request) {
        if (request.subnetId() == null) {
            throw Ec2Errors.missingParameter("subnetId");
        }
        String requestedAddress = requestedAddress(request);
        if (request.ipv6AddressCount() != null && request.ipv6AddressCount() > 0) {
            throw Ec2Errors.invalidParameterValue("You specified an IPv6 address count but subnet "
                    + request.subnetId() + " does not have an IPv6 CIDR block.");
        }
        if (request.interfaceType() != null) {
            throw Ec2Errors.invalidParameterValue("Value (" + request.interfaceType()
                    + ") for parameter interfaceType is invalid. Berth creates network interfaces of type interface.");
        }
        List<StoredTag> tags = Tags.fromSpecifications(request.tagSpecifications(),
                Ec2Kind.NETWORK_INTERFACE.resourceType());
        ClientToken token = request.clientToken() == null ? null
                : new ClientToken(request.clientToken(), fingerprint(request));
        return state.write(context.accountId(), context.region(), ec2 -> {
            List<StoredInterface> existing = ec2.all(Ec2Kind.NETWORK_INTERFACE);
            if (token != null) {
                Optional<StoredInterface> made = existing.stream()
                        .filter(i -> i.clientToken() != null && i.clientToken().token().equals(token.token()))
                        .findFirst();
                if (made.isPresent()) {
                    if (!made.get().clientToken().equals(token)) {
                        throw Ec2Errors.error("IdempotentParameterMismatch", "The client token '" + token.token()
                                + "' was used before with other parameters.");
                    }
                    return new CreateNetworkInterfaceResult(made.get(), token.token());
                }
            }
            StoredSubnet subnet = ec2.subnet(request.subnetId());
            List<StoredInterface.Group> groups = groups(ec2, request.groupIds(), subnet);
            String address;
            try {
                address = requestedAddress != null ? SubnetAddresses.requested(subnet, requestedAddress, existing)
                        : SubnetAddresses.lowestFree(subnet, existing);
            } catch (AddressesExhaustedException e) {
                throw Ec2Errors.error(AddressesExhaustedException.CODE, "The specified subnet " + subnet.subnetId()
                        + " does not have enough free addresses to satisfy the request.");
            }
            Ec2Ids ids = state.ids();
            StoredInterface created = new StoredInterface(ids.next("eni"), ec2.accountId(), subnet.subnetId(),
                    subnet.vpcId(), subnet.availabilityZone(), address,
                    SubnetAddresses.dnsName(ec2.region(), address), SubnetAddresses.newMacAddress(ids, existing),
                    groups, request.description() == null ? "" : request.description(), null, null, null, null,
                    true, token, tags);
            ec2.save(Ec2Kind.NETWORK_INTERFACE, created);
            ec2.firewallChanged();
            return new CreateNetworkInterfaceResult(created, request.clientToken());
        });
    }

    /** The one private address a request names, if any: Berth's interfaces have no secondary addresses. */
    private static String requestedAddress(CreateNetworkInterfaceRequest request) {
        List<String> addresses = new ArrayList<>();
        if (request.privateIpAddress() != null) {
            addresses.add(request.privateIpAddress());
        }
        addresses.addAll(request.privateIpAddresses());
        boolean secondary = request.secondaryPrivateIpAddressCount() != null
                && request.secondaryPrivateIpAddressCount() > 0;
        if (new LinkedHashSet<>(addresses).size() > 1 || secondary) {
            throw Ec2Errors.invalidParameterValue(
                    "Berth's network interfaces have one private IPv4 address: secondary addresses are not supported.");
        }
        return addresses.isEmpty() ? null : addresses.getFirst();
    }

    /** What makes two CreateNetworkInterface requests with one client token the same request. */
    private static String fingerprint(CreateNetworkInterfaceRequest request) {
        return new CreateNetworkInterfaceRequest(request.subnetId(), request.groupIds(), request.description(),
                request.privateIpAddress(), request.privateIpAddresses(), request.secondaryPrivateIpAddressCount(),
                request.ipv6AddressCount(), request.interfaceType(), request.tagSpecifications(), null).toString();
    }

    Page<StoredInterface> describeNetworkInterfaces(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> ec2.describe(Ec2Kind.NETWORK_INTERFACE,
                request, BOUNDS, FILTERS.matcher(request.filters()), Ec2Errors::interfaceNotFound));
    }

    /** Refused for a task's interface, which is in use as long as the task runs and goes with it. */
    Return deleteNetworkInterface(RequestContext context, DeleteNetworkInterfaceRequest request) {
        String id = checkedId(request.networkInterfaceId());
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredInterface eni = find(ec2, id);
            if (eni.requesterManaged()) {
                throw Ec2Errors.invalidParameterValue("Network interface '" + id + "' is currently in use.");
            }
            ec2.delete(Ec2Kind.NETWORK_INTERFACE, id);
            ec2.firewallChanged();
            return new Return(true);
        });
    }

    /**
     * Sets one attribute. A task's interface belongs to ECS: EC2 refuses its attachment to anyone
     * but the service that made it, and every other change to its owner's account. Interfaces users
     * create are never attached, so no attachment of theirs can be changed.
     */
    Return modifyNetworkInterfaceAttribute(RequestContext context, ModifyNetworkInterfaceAttributeRequest request) {
        String id = checkedId(request.networkInterfaceId());
        List<String> named = new ArrayList<>();
        if (request.description() != null) {
            named.add("description");
        }
        if (request.sourceDestCheck() != null) {
            named.add("sourceDestCheck");
        }
        if (!request.groupIds().isEmpty()) {
            named.add("groupSet");
        }
        boolean attachment = request.attachmentId() != null || request.deleteOnTermination() != null;
        if (attachment) {
            named.add("attachment");
        }
        Ec2Errors.oneAttribute(named);
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredInterface eni = find(ec2, id);
            if (eni.requesterManaged()) {
                throw attachment
                        ? Ec2Errors.error("OperationNotPermitted", "You are not allowed to manage '"
                                + Networks.TASK_ATTACHMENT_PREFIX + "' attachments.")
                        : Ec2Errors.error("AuthFailure", "You do not have permission to access the specified resource.");
            }
            StoredInterface changed;
            if (attachment) {
                if (request.attachmentId() == null) {
                    throw Ec2Errors.missingParameter("attachmentId");
                }
                throw Ec2Errors.error("InvalidAttachmentID.NotFound", "The attachment ID '" + request.attachmentId()
                        + "' does not exist");
            } else if (request.description() != null) {
                changed = eni.withDescription(request.description());
            } else if (request.sourceDestCheck() != null) {
                changed = eni.withSourceDestCheck(request.sourceDestCheck());
            } else {
                changed = eni.withGroups(groups(ec2, request.groupIds(), ec2.subnet(eni.subnetId())));
                ec2.firewallChanged();
            }
            ec2.save(Ec2Kind.NETWORK_INTERFACE, changed);
            return new Return(true);
        });
    }

    NetworkInterfaceAttributeResult describeNetworkInterfaceAttribute(RequestContext context,
                                                                      DescribeNetworkInterfaceAttributeRequest request) {
        String id = checkedId(request.networkInterfaceId());
        if (request.attribute() == null) {
            throw Ec2Errors.missingParameter("attribute");
        }
        if (!ATTRIBUTES.contains(request.attribute())) {
            throw Ec2Errors.invalidParameterValue("Value (" + request.attribute()
                    + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return state.read(context.accountId(), context.region(),
                ec2 -> new NetworkInterfaceAttributeResult(find(ec2, id), request.attribute()));
    }

    /** The groups an interface in {@code subnet} is to have: those named, in order, else its VPC's default group. */
    private static List<StoredInterface.Group> groups(Ec2Documents ec2, List<String> groupIds, StoredSubnet subnet) {
        List<StoredSecurityGroup> groups = new ArrayList<>();
        if (groupIds.isEmpty()) {
            ec2.all(Ec2Kind.SECURITY_GROUP).stream()
                    .filter(g -> g.vpcId().equals(subnet.vpcId()) && g.defaultGroup())
                    .findFirst().ifPresent(groups::add);
        }
        for (String groupId : new LinkedHashSet<>(groupIds)) {
            StoredSecurityGroup group = ec2.group(groupId);
            if (!group.vpcId().equals(subnet.vpcId())) {
                throw Ec2Errors.error("InvalidParameter", "Security group " + group.groupId() + " and subnet "
                        + subnet.subnetId() + " belong to different networks.");
            }
            groups.add(group);
        }
        if (groups.size() > GROUPS_PER_INTERFACE) {
            throw Ec2Errors.error("SecurityGroupsPerInterfaceLimitExceeded",
                    "The maximum number of security groups per interface has been reached.");
        }
        return groups.stream().map(StoredInterface.Group::of).toList();
    }

    private static String checkedId(String id) {
        if (id == null) {
            throw Ec2Errors.missingParameter("networkInterfaceId");
        }
        if (!ID.matcher(id).matches()) {
            throw Ec2Errors.error("InvalidNetworkInterfaceId.Malformed",
                    "Invalid id: \"" + id + "\" (expecting \"eni-...\")");
        }
        return id;
    }

    private static StoredInterface find(Ec2Documents ec2, String id) {
        return ec2.find(Ec2Kind.NETWORK_INTERFACE, id)
                .orElseThrow(() -> Ec2Errors.interfaceNotFound(List.of(id)));
    }
}
