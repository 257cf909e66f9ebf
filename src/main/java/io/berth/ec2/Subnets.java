package io.berth.ec2;

import io.berth.ec2.Ec2Messages.CreateSubnetRequest;
import io.berth.ec2.Ec2Messages.DeleteSubnetRequest;
import io.berth.ec2.Ec2Messages.DescribeRequest;
import io.berth.ec2.Ec2Messages.ModifySubnetAttributeRequest;
import io.berth.ec2.Ec2Messages.Page;
import io.berth.ec2.Ec2Messages.Return;
import io.berth.ec2.Ec2Messages.SubnetView;
import io.berth.ec2.Ec2Messages.Tag;
import io.berth.ec2.StoredSubnet.PrivateDnsNameOptions;
import io.berth.edge.AwsException;
import io.berth.edge.RequestContext;
import io.berth.kit.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * CreateSubnet, DescribeSubnets, DeleteSubnet and ModifySubnetAttribute. A subnet is associated
 * with its VPC's default network ACL while it exists.
 */
final class Subnets {

    private static final Set<String> HOSTNAME_TYPES = Set.of("ip-name", "resource-name");
    private static final Ec2Paging.Bounds BOUNDS = new Ec2Paging.Bounds(5, 1000, "subnetIds");
    /**
     * DescribeSubnets' filters and the lowerCamel names EC2 also takes for some. Berth's subnets
     * are IPv4-only, not on an Outpost, and place no local network interfaces.
     */
    private static final Filters<SubnetView> FILTERS = Filters.<SubnetView>builder()
            .field("subnet-id", v -> v.subnet().subnetId())
            .field("vpc-id", v -> v.subnet().vpcId())
            .field("availability-zone", v -> v.subnet().availabilityZone())
            .alias("availabilityZone", "availability-zone")
            .field("availability-zone-id", v -> v.subnet().availabilityZoneId())
            .alias("availabilityZoneId", "availability-zone-id")
            .field("available-ip-address-count", v -> Long.toString(v.availableIpAddressCount()))
            .field("cidr-block", v -> v.subnet().cidrBlock())
            .alias("cidr", "cidr-block")
            .alias("cidrBlock", "cidr-block")
            .flag("default-for-az", v -> v.subnet().defaultForAz())
            .alias("defaultForAz", "default-for-az")
            .flag("enable-dns64", v -> v.subnet().enableDns64())
            .flag("ipv6-native", v -> false)
            .flag("map-customer-owned-ip-on-launch", v -> false)
            .flag("map-public-ip-on-launch", v -> v.subnet().mapPublicIpOnLaunch())
            .field("owner-id", v -> v.subnet().ownerId())
            .field("private-dns-name-options-on-launch.hostname-type",
                    v -> v.subnet().privateDnsNameOptionsOnLaunch().hostnameType())
            .flag("private-dns-name-options-on-launch.enable-resource-name-dns-a-record",
                    v -> v.subnet().privateDnsNameOptionsOnLaunch().enableResourceNameDnsARecord())
            .flag("private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record",
                    v -> v.subnet().privateDnsNameOptionsOnLaunch().enableResourceNameDnsAAAARecord())
            .field("state", v -> "available")
            .field("subnet-arn", v -> v.subnet().subnetArn())
            .absent("customer-owned-ipv4-pool", "enable-lni-at-device-index", "outpost-arn",
                    "ipv6-cidr-block-association.ipv6-cidr-block", "ipv6-cidr-block-association.association-id",
                    "ipv6-cidr-block-association.state")
            .tags(v -> v.subnet().tags())
            .build();

    private final Ec2State state;

    Subnets(Ec2State state) {
        this.state = state;
    }

    /** A subnet of {@code vpc}; default subnets give instances public addresses. */
    static StoredSubnet newSubnet(Ec2Documents ec2, Ec2Ids ids, StoredVpc vpc, Cidr cidr, Regions.Zone zone,
                                  boolean defaultForAz, List<Tag> tags) {
        String id = ids.next("subnet");
        return new StoredSubnet(id, new Scope(ec2.accountId(), ec2.region()).arn("ec2", "subnet/" + id).toString(),
                ec2.accountId(), vpc.vpcId(), cidr.toString(), zone.zoneName(), zone.zoneId(), defaultForAz,
                defaultForAz, false, PrivateDnsNameOptions.DEFAULT, tags);
    }

    SubnetView createSubnet(RequestContext context, CreateSubnetRequest request) {
        if (request.vpcId() == null) {
            throw Ec2Errors.missingParameter("VpcId");
        }
        if (request.cidrBlock() == null) {
            throw Ec2Errors.missingParameter("CidrBlock");
        }
        Cidr cidr = Cidr.parse(request.cidrBlock())
                .orElseThrow(() -> Ec2Errors.invalidCidr("cidrBlock", request.cidrBlock()));
        Regions.Zone zone = zone(context.region(), request);
        List<Tag> tags = Tags.fromSpecifications(request.tagSpecifications(), Ec2Kind.SUBNET.resourceType());
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredVpc vpc = ec2.vpc(request.vpcId());
            if (cidr.prefixLength() < Vpcs.MIN_PREFIX || cidr.prefixLength() > Vpcs.MAX_PREFIX
                    || !vpc.cidr().contains(cidr)) {
                throw Ec2Errors.error("InvalidSubnet.Range", "The CIDR '" + request.cidrBlock() + "' is invalid.");
            }
            boolean conflict = ec2.all(Ec2Kind.SUBNET).stream()
                    .anyMatch(s -> s.vpcId().equals(vpc.vpcId()) && s.cidr().overlaps(cidr));
            if (conflict) {
                throw Ec2Errors.error("InvalidSubnet.Conflict", "The CIDR '" + request.cidrBlock()
                        + "' conflicts with another subnet");
            }
            StoredSubnet subnet = newSubnet(ec2, state.ids(), vpc, cidr, zone, false, tags);
            ec2.save(Ec2Kind.SUBNET, subnet);
            NetworkAcls.associateWithDefault(ec2, state.ids(), subnet);
            return new SubnetView(subnet, subnet.usableAddresses());
        });
    }

    /** The zone named by name or id; EC2 picks one when neither is given, Berth the region's first. */
    private static Regions.Zone zone(String region, CreateSubnetRequest request) {
        List<Regions.Zone> zones = Regions.zones(region);
        String valid = zones.stream().map(Regions.Zone::zoneName).collect(Collectors.joining(", "));
        if (request.availabilityZone() != null) {
            return Regions.zoneNamed(region, request.availabilityZone()).orElseThrow(() ->
                    Ec2Errors.invalidParameterValue("Value (" + request.availabilityZone()
                            + ") for parameter availabilityZone is invalid. Subnets can currently only be created in "
                            + "the following availability zones: " + valid + "."));
        }
        if (request.availabilityZoneId() != null) {
            return Regions.zoneWithId(region, request.availabilityZoneId()).orElseThrow(() ->
                    Ec2Errors.invalidParameterValue("Value (" + request.availabilityZoneId()
                            + ") for parameter availabilityZoneId is invalid. Subnets can currently only be created "
                            + "in the following availability zones: " + valid + "."));
        }
        return zones.getFirst();
    }

    Page<SubnetView> describeSubnets(RequestContext context, DescribeRequest request) {
        Ec2Paging.validate(request, BOUNDS);
        return state.read(context.accountId(), context.region(), ec2 -> {
            List<String> missing = request.ids().stream()
                    .filter(id -> ec2.find(Ec2Kind.SUBNET, id).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw Ec2Errors.subnetNotFound(missing);
            }
            Function<StoredSubnet, SubnetView> view = views(ec2);
            return Ec2Paging.page(request, BOUNDS,
                    (after, size) -> ec2.page(Ec2Kind.SUBNET, after, size).stream().map(view).toList(),
                    FILTERS.matcher(request.filters()).and(v -> request.ids().isEmpty()
                            || request.ids().contains(v.subnet().subnetId())),
                    v -> v.subnet().subnetId());
        });
    }

    /** Subnets with their free address counts: usable addresses less the interfaces using them. */
    static Function<StoredSubnet, SubnetView> views(Ec2Documents ec2) {
        Map<String, Long> used = ec2.all(Ec2Kind.NETWORK_INTERFACE).stream()
                .collect(Collectors.groupingBy(StoredInterface::subnetId, Collectors.counting()));
        return subnet -> new SubnetView(subnet, subnet.usableAddresses() - used.getOrDefault(subnet.subnetId(), 0L));
    }

    /** Refused while network interfaces use the subnet. */
    Return deleteSubnet(RequestContext context, DeleteSubnetRequest request) {
        if (request.subnetId() == null) {
            throw Ec2Errors.missingParameter("SubnetId");
        }
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredSubnet subnet = ec2.subnet(request.subnetId());
            if (ec2.all(Ec2Kind.NETWORK_INTERFACE).stream().anyMatch(i -> i.subnetId().equals(subnet.subnetId()))) {
                throw Ec2Errors.dependencyViolation("The subnet '" + subnet.subnetId()
                        + "' has dependencies and cannot be deleted.");
            }
            ec2.delete(Ec2Kind.SUBNET, subnet.subnetId());
            NetworkAcls.disassociate(ec2, subnet.subnetId());
            return new Return(true);
        });
    }

    /**
     * Sets one launch attribute of the subnet. Berth's subnets are IPv4-only and not on an
     * Outpost, so the attributes that need an IPv6 block or an Outpost are refused when turned
     * on, as EC2 refuses them for such a subnet, and accepted (changing nothing) when turned off.
     */
    Return modifySubnetAttribute(RequestContext context, ModifySubnetAttributeRequest request) {
        if (request.subnetId() == null) {
            throw Ec2Errors.missingParameter("SubnetId");
        }
        List<String> named = new ArrayList<>();
        List<UnaryOperator<StoredSubnet>> changes = new ArrayList<>();
        if (request.assignIpv6AddressOnCreation() != null) {
            named.add("assignIpv6AddressOnCreation");
            changes.add(s -> {
                if (request.assignIpv6AddressOnCreation()) {
                    throw Ec2Errors.invalidParameterValue("Invalid value 'true' for assignIpv6AddressOnCreation. "
                            + "Cannot set assignIpv6AddressOnCreation to true unless the subnet (" + s.subnetId()
                            + ") has an IPv6 CIDR block associated with it.");
                }
                return s;
            });
        }
        if (request.mapPublicIpOnLaunch() != null) {
            named.add("mapPublicIpOnLaunch");
            changes.add(s -> s.withMapPublicIpOnLaunch(request.mapPublicIpOnLaunch()));
        }
        if (request.mapCustomerOwnedIpOnLaunch() != null || request.customerOwnedIpv4Pool() != null) {
            named.add("mapCustomerOwnedIpOnLaunch");
            changes.add(s -> {
                if (Boolean.TRUE.equals(request.mapCustomerOwnedIpOnLaunch())
                        || request.customerOwnedIpv4Pool() != null) {
                    throw notOnAnOutpost(s, "mapCustomerOwnedIpOnLaunch");
                }
                return s;
            });
        }
        if (request.enableDns64() != null) {
            named.add("enableDns64");
            changes.add(s -> s.withEnableDns64(request.enableDns64()));
        }
        if (request.privateDnsHostnameTypeOnLaunch() != null) {
            named.add("privateDnsHostnameTypeOnLaunch");
            changes.add(s -> {
                if (!HOSTNAME_TYPES.contains(request.privateDnsHostnameTypeOnLaunch())) {
                    throw Ec2Errors.invalidParameterValue("Value (" + request.privateDnsHostnameTypeOnLaunch()
                            + ") for parameter privateDnsHostnameTypeOnLaunch is invalid.");
                }
                return s.withPrivateDnsNameOptionsOnLaunch(new PrivateDnsNameOptions(
                        request.privateDnsHostnameTypeOnLaunch(),
                        s.privateDnsNameOptionsOnLaunch().enableResourceNameDnsARecord(),
                        s.privateDnsNameOptionsOnLaunch().enableResourceNameDnsAAAARecord()));
            });
        }
        if (request.enableResourceNameDnsARecordOnLaunch() != null) {
            named.add("enableResourceNameDnsARecordOnLaunch");
            changes.add(s -> s.withPrivateDnsNameOptionsOnLaunch(new PrivateDnsNameOptions(
                    s.privateDnsNameOptionsOnLaunch().hostnameType(), request.enableResourceNameDnsARecordOnLaunch(),
                    s.privateDnsNameOptionsOnLaunch().enableResourceNameDnsAAAARecord())));
        }
        if (request.enableResourceNameDnsAAAARecordOnLaunch() != null) {
            named.add("enableResourceNameDnsAAAARecordOnLaunch");
            changes.add(s -> {
                if (request.enableResourceNameDnsAAAARecordOnLaunch()) {
                    throw Ec2Errors.invalidParameterValue("Invalid value 'true' for "
                            + "enableResourceNameDnsAAAARecordOnLaunch. Cannot set it to true unless the subnet ("
                            + s.subnetId() + ") has an IPv6 CIDR block associated with it.");
                }
                return s;
            });
        }
        if (request.enableLniAtDeviceIndex() != null) {
            named.add("enableLniAtDeviceIndex");
            changes.add(s -> {
                throw notOnAnOutpost(s, "enableLniAtDeviceIndex");
            });
        }
        if (request.disableLniAtDeviceIndex() != null) {
            named.add("disableLniAtDeviceIndex");
            changes.add(s -> {
                if (request.disableLniAtDeviceIndex()) {
                    throw notOnAnOutpost(s, "disableLniAtDeviceIndex");
                }
                return s;
            });
        }
        Ec2Errors.oneAttribute(named);
        return state.write(context.accountId(), context.region(), ec2 -> {
            StoredSubnet subnet = ec2.subnet(request.subnetId());
            ec2.save(Ec2Kind.SUBNET, changes.getFirst().apply(subnet));
            return new Return(true);
        });
    }

    private static AwsException notOnAnOutpost(StoredSubnet subnet, String attribute) {
        return Ec2Errors.invalidParameterValue("The subnet (" + subnet.subnetId() + ") is not on an Outpost: "
                + attribute + " can only be set on Outpost subnets.");
    }
}
