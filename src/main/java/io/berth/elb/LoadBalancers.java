package io.berth.elb;

import io.berth.ec2.Networks;
import io.berth.ec2.ResolvedNetwork;
import io.berth.ec2.SecurityGroupView;
import io.berth.kit.PageTokens;
import io.berth.edge.RequestContext;
import io.berth.elb.ElbMessages.CreateLoadBalancerRequest;
import io.berth.elb.ElbMessages.DescribeLoadBalancersRequest;
import io.berth.elb.ElbMessages.DescribeLoadBalancersResult;
import io.berth.elb.ElbMessages.Empty;
import io.berth.elb.ElbMessages.LoadBalancer;
import io.berth.elb.ElbMessages.LoadBalancerArnRequest;
import io.berth.elb.ElbMessages.LoadBalancerAttribute;
import io.berth.elb.ElbMessages.LoadBalancerAttributesResult;
import io.berth.elb.ElbMessages.ModifyLoadBalancerAttributesRequest;
import io.berth.elb.ElbMessages.LoadBalancerState;
import io.berth.elb.ElbMessages.LoadBalancersResult;
import io.berth.elb.ElbMessages.SetSecurityGroupsRequest;
import io.berth.elb.ElbMessages.SetSecurityGroupsResult;
import io.berth.elb.ElbMessages.SetSubnetsRequest;
import io.berth.elb.ElbMessages.SetSubnetsResult;
import io.berth.elb.ElbMessages.SubnetMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer, SetSecurityGroups and SetSubnets. */
final class LoadBalancers {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]+");
    private static final int MAX_NAME = 32;

    private final ElbRuntime elb;
    private final Networks networks;
    private final DataPlaneHandOff plane;

    LoadBalancers(ElbRuntime elb, Networks networks, DataPlaneHandOff plane) {
        this.elb = elb;
        this.networks = networks;
        this.plane = plane;
    }

    /** Where the load balancer goes: its VPC and one subnet per zone, in the order given. */
    private record Placement(String vpcId, List<Stored.Zone> zones) {
    }

    LoadBalancersResult createLoadBalancer(RequestContext context, CreateLoadBalancerRequest request) {
        String name = validName(request.name());
        String type = oneOf(request.type(), "application", "type", List.of("application", "network", "gateway"));
        if (type.equals("gateway")) {
            throw ElbErrors.invalidConfiguration("Gateway Load Balancers are not supported by Berth");
        }
        String scheme = oneOf(request.scheme(), "internet-facing", "scheme", List.of("internet-facing", "internal"));
        String ipAddressType = oneOf(request.ipAddressType(), "ipv4", "ipAddressType",
                List.of("ipv4", "dualstack", "dualstack-without-public-ipv4"));
        if (!ipAddressType.equals("ipv4")) {
            throw ElbErrors.invalidConfiguration("IP address type '" + ipAddressType + "' is not supported by Berth");
        }
        if (request.customerOwnedIpv4Pool() != null) {
            throw ElbErrors.invalidConfiguration("Customer-owned IPv4 pools are only supported on Outposts");
        }
        List<Stored.Tag> tags = ElbTags.validate(request.tags());
        Placement placement = place(context, type, request.subnets(), request.subnetMappings());
        List<String> groups = request.securityGroups() != null && !request.securityGroups().isEmpty()
                ? securityGroups(context, request.securityGroups(), placement.vpcId())
                : type.equals("application") ? defaultGroup(context, placement) : List.of();
        return elb.write(context, documents -> {
            var same = documents.all(ElbDocuments.LOAD_BALANCER).stream().filter(lb -> lb.name().equals(name)).findFirst();
            if (same.isPresent()) {
                Stored.LoadBalancer existing = same.get();
                if (existing.type().equals(type) && existing.scheme().equals(scheme)
                        && existing.availabilityZones().equals(placement.zones())
                        && existing.securityGroups().equals(groups)) {
                    // ELB answers a repeated identical creation with the load balancer it made.
                    return new LoadBalancersResult(List.of(view(existing, plane.loadBalancerState(existing))));
                }
                throw ElbErrors.error("DuplicateLoadBalancerName",
                        "A load balancer with the same name '" + name + "' exists, but with different settings");
            }
            String id = elb.newId();
            String zone = HostedZones.of(context.region(), type).orElseThrow(() -> ElbErrors.invalidConfiguration(
                    "Elastic Load Balancing has no hosted zone for region '" + context.region() + "'"));
            Stored.LoadBalancer lb = new Stored.LoadBalancer(ElbArns.loadBalancer(context, type, name, id), name, type,
                    scheme, placement.vpcId(), placement.zones(), groups, ipAddressType,
                    dnsName(context.region(), type, scheme, name, id), zone, elb.clock().instant(),
                    LoadBalancerAttributes.defaults(type), tags);
            documents.save(ElbDocuments.LOAD_BALANCER, lb);
            return new LoadBalancersResult(List.of(view(lb, "provisioning")));
        });
    }

    DescribeLoadBalancersResult describeLoadBalancers(RequestContext context, DescribeLoadBalancersRequest request) {
        List<String> arns = request.loadBalancerArns() == null ? List.of() : request.loadBalancerArns();
        List<String> names = request.names() == null ? List.of() : request.names();
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw ElbErrors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        arns.forEach(arn -> requireArn(context, arn));
        List<Stored.LoadBalancer> all = elb.read(context, documents -> documents.all(ElbDocuments.LOAD_BALANCER));
        List<Stored.LoadBalancer> chosen = all;
        if (!arns.isEmpty()) {
            chosen = all.stream().filter(lb -> arns.contains(lb.arn())).toList();
            if (chosen.size() < new HashSet<>(arns).size()) {
                throw ElbErrors.loadBalancerNotFound();
            }
        } else if (!names.isEmpty()) {
            chosen = all.stream().filter(lb -> names.contains(lb.name())).toList();
            Set<String> found = new HashSet<>(chosen.stream().map(Stored.LoadBalancer::name).toList());
            List<String> missing = names.stream().filter(n -> !found.contains(n)).distinct().toList();
            if (!missing.isEmpty()) {
                throw ElbErrors.error("LoadBalancerNotFound", "Load balancers '" + missing + "' not found");
            }
        }
        List<Stored.LoadBalancer> sorted = chosen.stream().sorted(Comparator.comparing(Stored.LoadBalancer::arn)).toList();
        PageTokens.Page<Stored.LoadBalancer> page = ElbPaging.page(sorted, Stored.LoadBalancer::arn, request.marker(),
                request.pageSize());
        return new DescribeLoadBalancersResult(page.items().stream()
                .map(lb -> view(lb, plane.loadBalancerState(lb))).toList(), page.nextToken());
    }

    /**
     * Deletes the load balancer with its listeners and their rules, unless deletion protection is
     * on; one that does not exist is no error, as in ELB.
     */
    Empty deleteLoadBalancer(RequestContext context, LoadBalancerArnRequest request) {
        String arn = requireArn(context, request.loadBalancerArn());
        return elb.write(context, documents -> {
            var lb = documents.find(ElbDocuments.LOAD_BALANCER, arn);
            if (lb.isPresent()) {
                if ("true".equals(lb.get().attributes().get(LoadBalancerAttributes.DELETION_PROTECTION))) {
                    throw ElbErrors.error("OperationNotPermitted", "Load balancer '" + arn
                            + "' cannot be deleted because deletion protection is enabled");
                }
                for (Stored.Listener listener : documents.listenersOf(arn)) {
                    documents.rulesOf(listener.arn()).forEach(rule -> documents.delete(ElbDocuments.RULE, rule.arn()));
                    documents.delete(ElbDocuments.LISTENER, listener.arn());
                }
                documents.delete(ElbDocuments.LOAD_BALANCER, arn);
            }
            return new Empty();
        });
    }

    LoadBalancerAttributesResult describeLoadBalancerAttributes(RequestContext context, LoadBalancerArnRequest request) {
        return attributes(find(context, requireArn(context, request.loadBalancerArn())));
    }

    LoadBalancerAttributesResult modifyLoadBalancerAttributes(RequestContext context,
                                                              ModifyLoadBalancerAttributesRequest request) {
        String arn = requireArn(context, request.loadBalancerArn());
        if (request.attributes() == null) {
            throw ElbErrors.required("attributes");
        }
        return elb.write(context, documents -> {
            Stored.LoadBalancer lb = documents.find(ElbDocuments.LOAD_BALANCER, arn).orElseThrow(ElbErrors::loadBalancerNotFound);
            Stored.LoadBalancer changed = lb.withAttributes(LoadBalancerAttributes.modify(lb.attributes(), request.attributes()));
            documents.save(ElbDocuments.LOAD_BALANCER, changed);
            return attributes(changed);
        });
    }

    private static LoadBalancerAttributesResult attributes(Stored.LoadBalancer lb) {
        return new LoadBalancerAttributesResult(lb.attributes().entrySet().stream()
                .map(e -> new LoadBalancerAttribute(e.getKey(), e.getValue())).toList());
    }

    SetSecurityGroupsResult setSecurityGroups(RequestContext context, SetSecurityGroupsRequest request) {
        String arn = requireArn(context, request.loadBalancerArn());
        if (request.securityGroups() == null) {
            throw ElbErrors.required("securityGroups");
        }
        Stored.LoadBalancer lb = find(context, arn);
        if (lb.type().equals("network") && lb.securityGroups().isEmpty()) {
            throw ElbErrors.invalidConfiguration("You cannot set security groups on a Network Load Balancer which was "
                    + "created without any security groups.");
        }
        if (lb.type().equals("application") && request.securityGroups().isEmpty()) {
            throw ElbErrors.invalidConfiguration("At least one security group must be specified for an Application Load Balancer");
        }
        List<String> groups = securityGroups(context, request.securityGroups(), lb.vpcId());
        return elb.write(context, documents -> {
            Stored.LoadBalancer current = documents.find(ElbDocuments.LOAD_BALANCER, arn)
                    .orElseThrow(ElbErrors::loadBalancerNotFound);
            documents.save(ElbDocuments.LOAD_BALANCER, current.withNetwork(current.availabilityZones(), groups));
            return new SetSecurityGroupsResult(groups);
        });
    }

    SetSubnetsResult setSubnets(RequestContext context, SetSubnetsRequest request) {
        String arn = requireArn(context, request.loadBalancerArn());
        Stored.LoadBalancer lb = find(context, arn);
        if (request.ipAddressType() != null && !request.ipAddressType().equals("ipv4")) {
            throw ElbErrors.invalidConfiguration("IP address type '" + request.ipAddressType() + "' is not supported by Berth");
        }
        Placement placement = place(context, lb.type(), request.subnets(), request.subnetMappings());
        if (!placement.vpcId().equals(lb.vpcId())) {
            throw ElbErrors.invalidConfiguration("The subnets must be in the load balancer's VPC '" + lb.vpcId() + "'");
        }
        return elb.write(context, documents -> {
            Stored.LoadBalancer current = documents.find(ElbDocuments.LOAD_BALANCER, arn)
                    .orElseThrow(ElbErrors::loadBalancerNotFound);
            documents.save(ElbDocuments.LOAD_BALANCER, current.withNetwork(placement.zones(), current.securityGroups()));
            return new SetSubnetsResult(StoredShapes.zones(placement.zones()), current.ipAddressType());
        });
    }

    Stored.LoadBalancer find(RequestContext context, String arn) {
        return elb.read(context, documents -> documents.find(ElbDocuments.LOAD_BALANCER, arn))
                .orElseThrow(ElbErrors::loadBalancerNotFound);
    }

    /** A load balancer ARN the request must name, well formed. */
    static String requireArn(RequestContext context, String arn) {
        if (arn == null) {
            throw ElbErrors.required("loadBalancerArn");
        }
        if (ElbArns.kindOf(context, arn).filter(k -> k == ElbArns.Kind.LOAD_BALANCER).isEmpty()) {
            throw ElbErrors.invalidArn(arn, "load balancer");
        }
        return arn;
    }

    static String validName(String name) {
        if (name == null) {
            throw ElbErrors.required("name");
        }
        if (name.length() > MAX_NAME) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot be longer than '" + MAX_NAME + "' characters");
        }
        if (name.isEmpty() || !NAME.matcher(name).matches()) {
            throw ElbErrors.validation("Load balancer name '" + name
                    + "' can only contain characters that are alphanumeric characters or hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin or end with a hyphen");
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("internal-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
        }
        return name;
    }

    static String oneOf(String value, String byDefault, String member, List<String> allowed) {
        if (value == null) {
            return byDefault;
        }
        if (!allowed.contains(value)) {
            throw ElbErrors.constraint(value, member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /**
     * The subnets, each existing in EC2, all in one VPC, at most one per zone; an application load
     * balancer needs two zones or more.
     */
    private Placement place(RequestContext context, String type, List<String> subnets, List<SubnetMapping> mappings) {
        boolean bySubnets = subnets != null && !subnets.isEmpty();
        boolean byMappings = mappings != null && !mappings.isEmpty();
        if (bySubnets && byMappings) {
            throw ElbErrors.validation("You can specify subnets or subnet mappings, not both");
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(bySubnets ? subnets
                : byMappings ? mappings.stream().map(SubnetMapping::subnetId).toList() : List.of()));
        if (byMappings && mappings.stream().anyMatch(m -> m.allocationId() != null || m.privateIPv4Address() != null
                || m.iPv6Address() != null)) {
            throw ElbErrors.invalidConfiguration("Elastic IP addresses and chosen private addresses are not supported by Berth");
        }
        if (ids.isEmpty() || ids.contains(null)) {
            throw ElbErrors.validation("At least one subnet must be specified");
        }
        List<ResolvedNetwork> resolved = new ArrayList<>();
        for (String id : ids) {
            resolved.add(networks.subnet(context.accountId(), context.region(), id).orElseThrow(() ->
                    ElbErrors.error("SubnetNotFound", "The subnet ID '" + id + "' is not valid")));
        }
        if (resolved.stream().map(ResolvedNetwork::vpcId).distinct().count() > 1) {
            throw ElbErrors.invalidConfiguration("The subnets must all be in the same VPC");
        }
        Set<String> zones = new HashSet<>();
        for (ResolvedNetwork subnet : resolved) {
            if (!zones.add(subnet.availabilityZone())) {
                throw ElbErrors.invalidConfiguration(
                        "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
            }
        }
        if (type.equals("application") && zones.size() < 2) {
            throw ElbErrors.validation("At least two subnets in two different Availability Zones must be specified");
        }
        return new Placement(resolved.getFirst().vpcId(), resolved.stream()
                .map(s -> new Stored.Zone(s.availabilityZone(), s.subnetId()))
                .sorted(Comparator.comparing(Stored.Zone::zoneName)).toList());
    }

    private List<String> securityGroups(RequestContext context, List<String> ids, String vpcId) {
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(ids));
        for (String id : groups) {
            SecurityGroupView group = networks.group(context.accountId(), context.region(), id).orElseThrow(() ->
                    ElbErrors.error("InvalidSecurityGroup", "Security group '" + id + "' does not exist"));
            if (!group.vpcId().equals(vpcId)) {
                throw ElbErrors.error("InvalidSecurityGroup",
                        "Security group '" + id + "' does not belong to VPC '" + vpcId + "'");
            }
        }
        return List.copyOf(groups);
    }

    private List<String> defaultGroup(RequestContext context, Placement placement) {
        return networks.subnet(context.accountId(), context.region(), placement.zones().getFirst().subnetId())
                .orElseThrow(() -> ElbErrors.error("SubnetNotFound", "The subnet ID '"
                        + placement.zones().getFirst().subnetId() + "' is not valid"))
                .securityGroupIds();
    }

    /**
     * ELB's DNS names: {@code NAME-NUMBER.REGION.elb.amazonaws.com} for an application load
     * balancer, {@code NAME-HEX.elb.REGION.amazonaws.com} for a network one, with
     * {@code internal-} in front for an internal scheme.
     */
    static String dnsName(String region, String type, String scheme, String name, String id) {
        String prefix = scheme.equals("internal") ? "internal-" + name : name;
        if (type.equals("network")) {
            return prefix + "-" + id + ".elb." + region + ".amazonaws.com";
        }
        return prefix + "-" + Long.parseLong(id.substring(0, 8), 16) + "." + region + ".elb.amazonaws.com";
    }

    static LoadBalancer view(Stored.LoadBalancer lb, String state) {
        return new LoadBalancer(lb.arn(), lb.dnsName(), lb.canonicalHostedZoneId(), lb.createdTime(), lb.name(),
                lb.scheme(), lb.vpcId(), new LoadBalancerState(state, null), lb.type(), StoredShapes.zones(lb.availabilityZones()),
                lb.securityGroups().isEmpty() ? null : lb.securityGroups(), lb.ipAddressType());
    }
}
