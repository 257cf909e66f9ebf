package io.berth.elb;

import io.berth.ec2.Networks;
import io.berth.kit.PageTokens;
import io.berth.edge.RequestContext;
import io.berth.elb.ElbMessages.CreateTargetGroupRequest;
import io.berth.elb.ElbMessages.DescribeTargetGroupsRequest;
import io.berth.elb.ElbMessages.DescribeTargetGroupsResult;
import io.berth.elb.ElbMessages.DescribeTargetHealthResult;
import io.berth.elb.ElbMessages.Empty;
import io.berth.elb.ElbMessages.ModifyTargetGroupAttributesRequest;
import io.berth.elb.ElbMessages.ModifyTargetGroupRequest;
import io.berth.elb.ElbMessages.TargetDescription;
import io.berth.elb.ElbMessages.TargetGroup;
import io.berth.elb.ElbMessages.TargetGroupArnRequest;
import io.berth.elb.ElbMessages.TargetGroupAttribute;
import io.berth.elb.ElbMessages.TargetGroupAttributesResult;
import io.berth.elb.ElbMessages.TargetGroupsResult;
import io.berth.elb.ElbMessages.TargetHealth;
import io.berth.elb.ElbMessages.TargetHealthDescription;
import io.berth.elb.ElbMessages.TargetsRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Target groups: their settings, attributes and registered targets, and the targets' health. */
final class TargetGroups {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-]+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE");
    private static final List<String> SERVED = List.of("HTTP", "TCP");
    private static final TargetHealth NOT_REGISTERED = new TargetHealth("unused", "Target.NotRegistered",
            "Target is not registered to the target group");

    private final ElbRuntime elb;
    private final Networks networks;
    private final DataPlaneHandOff plane;

    TargetGroups(ElbRuntime elb, Networks networks, DataPlaneHandOff plane) {
        this.elb = elb;
        this.networks = networks;
        this.plane = plane;
    }

    TargetGroupsResult createTargetGroup(RequestContext context, CreateTargetGroupRequest request) {
        String name = validName(request.name());
        String targetType = LoadBalancers.oneOf(request.targetType(), "instance", "targetType",
                List.of("instance", "ip", "lambda", "alb"));
        boolean lambda = targetType.equals("lambda");
        if (lambda && (request.protocol() != null || request.port() != null || request.vpcId() != null)) {
            throw ElbErrors.validation("Protocol, port and VPC ID cannot be specified for target groups with target type 'lambda'");
        }
        if (!lambda) {
            if (request.protocol() == null) {
                throw ElbErrors.validation("A protocol must be specified");
            }
            if (request.port() == null) {
                throw ElbErrors.validation("A port must be specified");
            }
            if (request.vpcId() == null) {
                throw ElbErrors.validation("A VPC ID must be specified");
            }
            LoadBalancers.oneOf(request.protocol(), null, "protocol", PROTOCOLS);
            if (!SERVED.contains(request.protocol())) {
                throw ElbErrors.error("UnsupportedProtocol", "Protocol '" + request.protocol()
                        + "' is not supported by Berth yet; use HTTP or TCP");
            }
            if (request.port() < 1 || request.port() > 65535) {
                throw ElbErrors.constraint(request.port(), "port", request.port() < 1
                        ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 65535");
            }
            if (targetType.equals("alb") && !request.protocol().equals("TCP")) {
                throw ElbErrors.validation("Target groups with target type 'alb' must use the TCP protocol");
            }
            if (!networks.vpcExists(context.accountId(), context.region(), request.vpcId())) {
                throw ElbErrors.validation("The VPC ID '" + request.vpcId() + "' is not found");
            }
        }
        if (request.protocolVersion() != null && !request.protocolVersion().equals("HTTP1")) {
            throw ElbErrors.error("UnsupportedProtocol", "Protocol version '" + request.protocolVersion()
                    + "' is not supported by Berth yet; use HTTP1");
        }
        if (request.ipAddressType() != null && !request.ipAddressType().equals("ipv4")) {
            throw ElbErrors.invalidConfiguration("IP address type '" + request.ipAddressType() + "' is not supported by Berth");
        }
        List<Stored.Tag> tags = ElbTags.validate(request.tags());
        Stored.HealthCheck check = HealthChecks.apply(HealthChecks.defaults(lambda ? "" : request.protocol(), targetType),
                new HealthChecks.Given(request.healthCheckProtocol(), request.healthCheckPort(), request.healthCheckEnabled(),
                        request.healthCheckPath(), request.healthCheckIntervalSeconds(), request.healthCheckTimeoutSeconds(),
                        request.healthyThresholdCount(), request.unhealthyThresholdCount(), request.matcher()),
                request.protocol());
        String protocolVersion = TargetGroupAttributes.http(request.protocol()) ? "HTTP1" : null;
        return elb.write(context, documents -> {
            var same = documents.all(ElbDocuments.TARGET_GROUP).stream().filter(g -> g.name().equals(name)).findFirst();
            if (same.isPresent()) {
                Stored.TargetGroup existing = same.get();
                if (Objects.equals(existing.protocol(), request.protocol()) && Objects.equals(existing.port(), request.port())
                        && Objects.equals(existing.vpcId(), request.vpcId()) && existing.targetType().equals(targetType)
                        && existing.healthCheck().equals(check)) {
                    return new TargetGroupsResult(List.of(view(existing, Usage.loadBalancersByGroup(documents))));
                }
                throw ElbErrors.error("DuplicateTargetGroupName",
                        "A target group with the same name '" + name + "' exists, but with different settings");
            }
            Stored.TargetGroup group = new Stored.TargetGroup(ElbArns.targetGroup(context, name, elb.newId()), name,
                    request.protocol(), protocolVersion, request.port(), request.vpcId(), targetType,
                    lambda ? null : "ipv4", check, TargetGroupAttributes.defaults(request.protocol(), targetType),
                    List.of(), tags);
            documents.save(ElbDocuments.TARGET_GROUP, group);
            return new TargetGroupsResult(List.of(view(group, Map.of())));
        });
    }

    DescribeTargetGroupsResult describeTargetGroups(RequestContext context, DescribeTargetGroupsRequest request) {
        List<String> arns = request.targetGroupArns() == null ? List.of() : request.targetGroupArns();
        List<String> names = request.names() == null ? List.of() : request.names();
        int given = (arns.isEmpty() ? 0 : 1) + (names.isEmpty() ? 0 : 1) + (request.loadBalancerArn() == null ? 0 : 1);
        if (given > 1) {
            throw ElbErrors.validation("Target group ARNs, target group names and a load balancer ARN cannot be specified at the same time");
        }
        arns.forEach(arn -> requireArn(context, arn));
        return elb.read(context, documents -> {
            Map<String, Set<String>> usage = Usage.loadBalancersByGroup(documents);
            List<Stored.TargetGroup> chosen = documents.all(ElbDocuments.TARGET_GROUP);
            if (request.loadBalancerArn() != null) {
                LoadBalancers.requireArn(context, request.loadBalancerArn());
                documents.find(ElbDocuments.LOAD_BALANCER, request.loadBalancerArn())
                        .orElseThrow(ElbErrors::loadBalancerNotFound);
                chosen = chosen.stream().filter(g -> usage.getOrDefault(g.arn(), Set.of())
                        .contains(request.loadBalancerArn())).toList();
            } else if (!arns.isEmpty()) {
                chosen = chosen.stream().filter(g -> arns.contains(g.arn())).toList();
                if (chosen.size() < new HashSet<>(arns).size()) {
                    throw ElbErrors.targetGroupNotFound();
                }
            } else if (!names.isEmpty()) {
                chosen = chosen.stream().filter(g -> names.contains(g.name())).toList();
                if (chosen.size() < new HashSet<>(names).size()) {
                    throw ElbErrors.targetGroupNotFound();
                }
            }
            PageTokens.Page<Stored.TargetGroup> page = ElbPaging.page(chosen, Stored.TargetGroup::arn, request.marker(),
                    request.pageSize());
            return new DescribeTargetGroupsResult(page.items().stream().map(g -> view(g, usage)).toList(), page.nextToken());
        });
    }

    TargetGroupsResult modifyTargetGroup(RequestContext context, ModifyTargetGroupRequest request) {
        String arn = requireArn(context, request.targetGroupArn());
        return elb.write(context, documents -> {
            Stored.TargetGroup group = find(documents, arn);
            if (group.targetType().equals("lambda") && (request.healthCheckProtocol() != null || request.healthCheckPort() != null)) {
                throw ElbErrors.validation("Health check protocol and port cannot be specified for target groups with target type 'lambda'");
            }
            Stored.TargetGroup changed = group.withHealthCheck(HealthChecks.apply(group.healthCheck(),
                    new HealthChecks.Given(request.healthCheckProtocol(), request.healthCheckPort(),
                            request.healthCheckEnabled(), request.healthCheckPath(), request.healthCheckIntervalSeconds(),
                            request.healthCheckTimeoutSeconds(), request.healthyThresholdCount(),
                            request.unhealthyThresholdCount(), request.matcher()), group.protocol()));
            documents.save(ElbDocuments.TARGET_GROUP, changed);
            return new TargetGroupsResult(List.of(view(changed, Usage.loadBalancersByGroup(documents))));
        });
    }

    /** Deletes the group unless a listener or rule forwards to it; one that does not exist is no error, as in ELB. */
    Empty deleteTargetGroup(RequestContext context, TargetGroupArnRequest request) {
        String arn = requireArn(context, request.targetGroupArn());
        return elb.write(context, documents -> {
            if (Usage.loadBalancersByGroup(documents).containsKey(arn)) {
                throw ElbErrors.error("ResourceInUse", "Target group '" + arn + "' is currently in use by a listener or a rule");
            }
            documents.delete(ElbDocuments.TARGET_GROUP, arn);
            return new Empty();
        });
    }

    TargetGroupAttributesResult describeTargetGroupAttributes(RequestContext context, TargetGroupArnRequest request) {
        String arn = requireArn(context, request.targetGroupArn());
        return elb.read(context, documents -> attributes(find(documents, arn)));
    }

    TargetGroupAttributesResult modifyTargetGroupAttributes(RequestContext context, ModifyTargetGroupAttributesRequest request) {
        String arn = requireArn(context, request.targetGroupArn());
        if (request.attributes() == null) {
            throw ElbErrors.required("attributes");
        }
        return elb.write(context, documents -> {
            Stored.TargetGroup group = find(documents, arn);
            Stored.TargetGroup changed = group.withAttributes(
                    TargetGroupAttributes.modify(group.attributes(), request.attributes(), group.protocol()));
            documents.save(ElbDocuments.TARGET_GROUP, changed);
            return attributes(changed);
        });
    }

    Empty registerTargets(RequestContext context, TargetsRequest request) {
        String arn = requireArn(context, request.targetGroupArn());
        List<TargetDescription> targets = targets(request.targets());
        return elb.write(context, documents -> {
            Stored.TargetGroup group = find(documents, arn);
            List<Stored.Target> registered = new ArrayList<>(group.targets());
            for (TargetDescription target : targets) {
                checkTarget(group, target);
                Stored.Target normal = normalised(group, target);
                if (registered.stream().noneMatch(t -> same(t, normal))) {
                    registered.add(normal);
                }
            }
            documents.save(ElbDocuments.TARGET_GROUP, group.withTargets(registered));
            return new Empty();
        });
    }

    Empty deregisterTargets(RequestContext context, TargetsRequest request) {
        String arn = requireArn(context, request.targetGroupArn());
        List<TargetDescription> targets = targets(request.targets());
        return elb.write(context, documents -> {
            Stored.TargetGroup group = find(documents, arn);
            List<Stored.Target> registered = new ArrayList<>(group.targets());
            for (TargetDescription target : targets) {
                Stored.Target normal = normalised(group, target);
                if (!registered.removeIf(t -> same(t, normal))) {
                    throw ElbErrors.error("InvalidTarget", "The following targets are not registered in target group '"
                            + arn + "': '" + target.id() + "'");
                }
            }
            documents.save(ElbDocuments.TARGET_GROUP, group.withTargets(registered));
            return new Empty();
        });
    }

    DescribeTargetHealthResult describeTargetHealth(RequestContext context, TargetsRequest request) {
        String arn = requireArn(context, request.targetGroupArn());
        return elb.read(context, documents -> {
            Stored.TargetGroup group = find(documents, arn);
            boolean inUse = Usage.loadBalancersByGroup(documents).containsKey(arn);
            List<TargetHealthDescription> descriptions = new ArrayList<>();
            List<Stored.Target> asked = request.targets() == null || request.targets().isEmpty()
                    ? group.targets() : request.targets().stream().map(t -> normalised(group, t)).toList();
            for (Stored.Target target : asked) {
                boolean registered = group.targets().stream().anyMatch(t -> same(t, target));
                TargetHealth health = registered ? plane.targetHealth(group, target, inUse) : NOT_REGISTERED;
                descriptions.add(new TargetHealthDescription(StoredShapes.target(target), healthCheckPort(group, target), health));
            }
            return new DescribeTargetHealthResult(descriptions);
        });
    }

    static Stored.TargetGroup find(ElbDocuments documents, String arn) {
        return documents.find(ElbDocuments.TARGET_GROUP, arn).orElseThrow(ElbErrors::targetGroupNotFound);
    }

    static String requireArn(RequestContext context, String arn) {
        if (arn == null) {
            throw ElbErrors.required("targetGroupArn");
        }
        if (ElbArns.kindOf(context, arn).filter(k -> k == ElbArns.Kind.TARGET_GROUP).isEmpty()) {
            throw ElbErrors.invalidArn(arn, "target group");
        }
        return arn;
    }

    static String validName(String name) {
        if (name == null) {
            throw ElbErrors.required("name");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot be longer than '32' characters");
        }
        if (name.isEmpty() || !NAME.matcher(name).matches()) {
            throw ElbErrors.validation("Target group name '" + name
                    + "' can only contain characters that are alphanumeric characters or hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot begin or end with '-'");
        }
        return name;
    }

    static TargetGroup view(Stored.TargetGroup g, Map<String, Set<String>> usage) {
        Stored.HealthCheck check = g.healthCheck();
        return new TargetGroup(g.arn(), g.name(), g.protocol(), g.port(), g.vpcId(), check.protocol(), check.port(),
                check.enabled(), check.intervalSeconds(), check.timeoutSeconds(), check.healthyThresholdCount(),
                check.unhealthyThresholdCount(), check.path(), StoredShapes.matcher(check.matcher()),
                List.copyOf(usage.getOrDefault(g.arn(), Set.of())), g.targetType(), g.protocolVersion(), g.ipAddressType());
    }

    private static TargetGroupAttributesResult attributes(Stored.TargetGroup group) {
        return new TargetGroupAttributesResult(group.attributes().entrySet().stream()
                .map(e -> new TargetGroupAttribute(e.getKey(), e.getValue())).toList());
    }

    private static List<TargetDescription> targets(List<TargetDescription> targets) {
        if (targets == null) {
            throw ElbErrors.required("targets");
        }
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).id() == null) {
                throw ElbErrors.required("targets." + (i + 1) + ".member.id");
            }
        }
        return targets;
    }

    /** Only IP targets can be served; instance, Lambda and ALB targets have nothing in Berth to be. */
    private static void checkTarget(Stored.TargetGroup group, TargetDescription target) {
        switch (group.targetType()) {
            case "ip" -> {
                if (!IPV4.matcher(target.id()).matches()) {
                    throw ElbErrors.error("InvalidTarget", "The IP address '" + target.id() + "' is not a valid IPv4 address");
                }
            }
            case "instance" -> throw ElbErrors.error("InvalidTarget", "The following targets are not valid instances: '"
                    + target.id() + "'");
            default -> throw ElbErrors.error("InvalidTarget", "Targets of type '" + group.targetType()
                    + "' cannot be registered in Berth: '" + target.id() + "'");
        }
        if (target.port() != null && (target.port() < 1 || target.port() > 65535)) {
            throw ElbErrors.constraint(target.port(), "targets.member.port", "Member must have value between 1 and 65535");
        }
    }

    /** The target with its port, the group's when it names none. */
    private static Stored.Target normalised(Stored.TargetGroup group, TargetDescription target) {
        return new Stored.Target(target.id(), target.port() != null ? target.port() : group.port(),
                target.availabilityZone());
    }

    private static boolean same(Stored.Target a, Stored.Target b) {
        return a.id().equals(b.id()) && Objects.equals(a.port(), b.port());
    }

    private static String healthCheckPort(Stored.TargetGroup group, Stored.Target target) {
        String port = group.healthCheck().port();
        if (port == null) {
            return null;
        }
        return port.equals(HealthChecks.TRAFFIC_PORT) ? String.valueOf(target.port()) : port;
    }
}
