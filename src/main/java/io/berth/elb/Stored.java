package io.berth.elb;

import io.berth.store.EmbeddedJson;
import io.berth.store.StoredDocument;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The documents ELBv2 keeps, one per resource, each with its tags; ids are the resources' ARNs.
 * They are the store's own shapes: a listener's and a rule's actions and conditions are kept in
 * ELB's published JSON shape as embedded JSON ({@link StoredShapes} reads and writes them).
 */
final class Stored {

    private Stored() {
    }

    record Tag(String key, String value) {
    }

    record Zone(String zoneName, String subnetId) {
    }

    record Target(String id, Integer port, String availabilityZone) {
    }

    record Matcher(String httpCode, String grpcCode) {
    }

    /** A resource that carries tags. */
    sealed interface Tagged extends StoredDocument permits LoadBalancer, TargetGroup, Listener, Rule {
        String arn();

        List<Tag> tags();

        Tagged withTags(List<Tag> tags);
    }

    record LoadBalancer(String arn, String name, String type, String scheme, String vpcId,
                        List<Zone> availabilityZones, List<String> securityGroups, String ipAddressType,
                        String dnsName, String canonicalHostedZoneId, Instant createdTime,
                        Map<String, String> attributes, List<Tag> tags) implements Tagged {
        LoadBalancer withNetwork(List<Zone> zones, List<String> groups) {
            return new LoadBalancer(arn, name, type, scheme, vpcId, zones, groups, ipAddressType, dnsName,
                    canonicalHostedZoneId, createdTime, attributes, tags);
        }

        LoadBalancer withAttributes(Map<String, String> newAttributes) {
            return new LoadBalancer(arn, name, type, scheme, vpcId, availabilityZones, securityGroups, ipAddressType,
                    dnsName, canonicalHostedZoneId, createdTime, newAttributes, tags);
        }

        @Override
        public LoadBalancer withTags(List<Tag> newTags) {
            return new LoadBalancer(arn, name, type, scheme, vpcId, availabilityZones, securityGroups, ipAddressType,
                    dnsName, canonicalHostedZoneId, createdTime, attributes, newTags);
        }
    }

    /** Health check settings, ELB's defaults for the group's protocol filled in. */
    record HealthCheck(String protocol, String port, Boolean enabled, String path, Integer intervalSeconds,
                       Integer timeoutSeconds, Integer healthyThresholdCount, Integer unhealthyThresholdCount,
                       Matcher matcher) {
    }

    record TargetGroup(String arn, String name, String protocol, String protocolVersion, Integer port, String vpcId,
                       String targetType, String ipAddressType, HealthCheck healthCheck,
                       Map<String, String> attributes, List<Target> targets, List<Tag> tags)
            implements Tagged {
        TargetGroup withHealthCheck(HealthCheck check) {
            return new TargetGroup(arn, name, protocol, protocolVersion, port, vpcId, targetType, ipAddressType, check,
                    attributes, targets, tags);
        }

        TargetGroup withAttributes(Map<String, String> newAttributes) {
            return new TargetGroup(arn, name, protocol, protocolVersion, port, vpcId, targetType, ipAddressType,
                    healthCheck, newAttributes, targets, tags);
        }

        TargetGroup withTargets(List<Target> newTargets) {
            return new TargetGroup(arn, name, protocol, protocolVersion, port, vpcId, targetType, ipAddressType,
                    healthCheck, attributes, newTargets, tags);
        }

        @Override
        public TargetGroup withTags(List<Tag> newTags) {
            return new TargetGroup(arn, name, protocol, protocolVersion, port, vpcId, targetType, ipAddressType,
                    healthCheck, attributes, targets, newTags);
        }
    }

    /**
     * A listener; its default rule is a {@link Rule} of its own whose actions are the listener's
     * default actions.
     */
    record Listener(String arn, String loadBalancerArn, String protocol, Integer port, EmbeddedJson defaultActions,
                    String defaultRuleArn, List<Tag> tags) implements Tagged {
        Listener with(String newProtocol, Integer newPort, EmbeddedJson actions) {
            return new Listener(arn, loadBalancerArn, newProtocol, newPort, actions, defaultRuleArn, tags);
        }

        @Override
        public Listener withTags(List<Tag> newTags) {
            return new Listener(arn, loadBalancerArn, protocol, port, defaultActions, defaultRuleArn, newTags);
        }
    }

    /** A rule; the default one has no priority, no conditions and no actions of its own. */
    record Rule(String arn, String listenerArn, Integer priority, EmbeddedJson conditions, EmbeddedJson actions,
                List<Tag> tags) implements Tagged {
        boolean isDefault() {
            return priority == null;
        }

        Rule with(Integer newPriority, EmbeddedJson newConditions, EmbeddedJson newActions) {
            return new Rule(arn, listenerArn, newPriority, newConditions, newActions, tags);
        }

        @Override
        public Rule withTags(List<Tag> newTags) {
            return new Rule(arn, listenerArn, priority, conditions, actions, newTags);
        }
    }
}
