package io.berth.elb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ELBv2 (2015-12-01) requests and results as records, members named as in the AWS model
 * (an acronym member such as DNSName is the component {@code dNSName}), read and written by the
 * edge's record codec. Stored documents reuse the shapes the API speaks where they are the same.
 */
public final class ElbMessages {

    private ElbMessages() {
    }

    public record Tag(String key, String value) {
    }

    public record SubnetMapping(String subnetId, String allocationId, String privateIPv4Address, String iPv6Address) {
    }

    public record LoadBalancerState(String code, String reason) {
    }

    public record AvailabilityZone(String zoneName, String subnetId) {
    }

    public record LoadBalancer(String loadBalancerArn, String dNSName, String canonicalHostedZoneId,
                               Instant createdTime, String loadBalancerName, String scheme, String vpcId,
                               LoadBalancerState state, String type, List<AvailabilityZone> availabilityZones,
                               List<String> securityGroups, String ipAddressType) {
    }

    public record CreateLoadBalancerRequest(String name, List<String> subnets, List<SubnetMapping> subnetMappings,
                                            List<String> securityGroups, String scheme, List<Tag> tags, String type,
                                            String ipAddressType, String customerOwnedIpv4Pool) {
    }

    public record LoadBalancersResult(List<LoadBalancer> loadBalancers) {
    }

    public record DescribeLoadBalancersRequest(List<String> loadBalancerArns, List<String> names, String marker,
                                               Integer pageSize) {
    }

    public record DescribeLoadBalancersResult(List<LoadBalancer> loadBalancers, String nextMarker) {
    }

    public record LoadBalancerArnRequest(String loadBalancerArn) {
    }

    public record Empty() {
    }

    public record SetSecurityGroupsRequest(String loadBalancerArn, List<String> securityGroups) {
    }

    public record SetSecurityGroupsResult(List<String> securityGroupIds) {
    }

    public record SetSubnetsRequest(String loadBalancerArn, List<String> subnets, List<SubnetMapping> subnetMappings,
                                    String ipAddressType) {
    }

    public record SetSubnetsResult(List<AvailabilityZone> availabilityZones, String ipAddressType) {
    }

    public record LoadBalancerAttribute(String key, String value) {
    }

    public record ModifyLoadBalancerAttributesRequest(String loadBalancerArn, List<LoadBalancerAttribute> attributes) {
    }

    public record LoadBalancerAttributesResult(List<LoadBalancerAttribute> attributes) {
    }

    public record Matcher(String httpCode, String grpcCode) {
    }

    public record CreateTargetGroupRequest(String name, String protocol, String protocolVersion, Integer port,
                                           String vpcId, String healthCheckProtocol, String healthCheckPort,
                                           Boolean healthCheckEnabled, String healthCheckPath,
                                           Integer healthCheckIntervalSeconds, Integer healthCheckTimeoutSeconds,
                                           Integer healthyThresholdCount, Integer unhealthyThresholdCount,
                                           Matcher matcher, String targetType, List<Tag> tags, String ipAddressType) {
    }

    public record TargetGroup(String targetGroupArn, String targetGroupName, String protocol, Integer port,
                              String vpcId, String healthCheckProtocol, String healthCheckPort,
                              Boolean healthCheckEnabled, Integer healthCheckIntervalSeconds,
                              Integer healthCheckTimeoutSeconds, Integer healthyThresholdCount,
                              Integer unhealthyThresholdCount, String healthCheckPath, Matcher matcher,
                              List<String> loadBalancerArns, String targetType, String protocolVersion,
                              String ipAddressType) {
    }

    public record TargetGroupsResult(List<TargetGroup> targetGroups) {
    }

    public record DescribeTargetGroupsRequest(String loadBalancerArn, List<String> targetGroupArns, List<String> names,
                                              String marker, Integer pageSize) {
    }

    public record DescribeTargetGroupsResult(List<TargetGroup> targetGroups, String nextMarker) {
    }

    public record ModifyTargetGroupRequest(String targetGroupArn, String healthCheckProtocol, String healthCheckPort,
                                           String healthCheckPath, Boolean healthCheckEnabled,
                                           Integer healthCheckIntervalSeconds, Integer healthCheckTimeoutSeconds,
                                           Integer healthyThresholdCount, Integer unhealthyThresholdCount,
                                           Matcher matcher) {
    }

    public record TargetGroupArnRequest(String targetGroupArn) {
    }

    public record TargetGroupAttribute(String key, String value) {
    }

    public record ModifyTargetGroupAttributesRequest(String targetGroupArn, List<TargetGroupAttribute> attributes) {
    }

    public record TargetGroupAttributesResult(List<TargetGroupAttribute> attributes) {
    }

    public record TargetDescription(String id, Integer port, String availabilityZone) {
    }

    public record TargetsRequest(String targetGroupArn, List<TargetDescription> targets) {
    }

    public record TargetHealth(String state, String reason, String description) {
    }

    public record TargetHealthDescription(TargetDescription target, String healthCheckPort, TargetHealth targetHealth) {
    }

    public record DescribeTargetHealthResult(List<TargetHealthDescription> targetHealthDescriptions) {
    }

    public record Certificate(String certificateArn, Boolean isDefault) {
    }

    public record TargetGroupTuple(String targetGroupArn, Integer weight) {
    }

    public record TargetGroupStickinessConfig(Boolean enabled, Integer durationSeconds) {
    }

    public record ForwardActionConfig(List<TargetGroupTuple> targetGroups,
                                      TargetGroupStickinessConfig targetGroupStickinessConfig) {
    }

    public record RedirectActionConfig(String protocol, String port, String host, String path, String query,
                                       String statusCode) {
    }

    public record FixedResponseActionConfig(String messageBody, String statusCode, String contentType) {
    }

    public record AuthenticateOidcActionConfig(String issuer, String authorizationEndpoint, String tokenEndpoint,
                                               String userInfoEndpoint, String clientId, String clientSecret,
                                               String sessionCookieName, String scope, Long sessionTimeout,
                                               Map<String, String> authenticationRequestExtraParams,
                                               String onUnauthenticatedRequest, Boolean useExistingClientSecret) {
    }

    public record AuthenticateCognitoActionConfig(String userPoolArn, String userPoolClientId, String userPoolDomain,
                                                  String sessionCookieName, String scope, Long sessionTimeout,
                                                  Map<String, String> authenticationRequestExtraParams,
                                                  String onUnauthenticatedRequest) {
    }

    public record Action(String type, String targetGroupArn, AuthenticateOidcActionConfig authenticateOidcConfig,
                         AuthenticateCognitoActionConfig authenticateCognitoConfig, Integer order,
                         RedirectActionConfig redirectConfig, FixedResponseActionConfig fixedResponseConfig,
                         ForwardActionConfig forwardConfig) {
    }

    public record CreateListenerRequest(String loadBalancerArn, String protocol, Integer port, String sslPolicy,
                                        List<Certificate> certificates, List<Action> defaultActions,
                                        List<String> alpnPolicy, List<Tag> tags) {
    }

    public record Listener(String listenerArn, String loadBalancerArn, Integer port, String protocol,
                           List<Certificate> certificates, String sslPolicy, List<Action> defaultActions,
                           List<String> alpnPolicy) {
    }

    public record ListenersResult(List<Listener> listeners) {
    }

    public record DescribeListenersRequest(String loadBalancerArn, List<String> listenerArns, String marker,
                                           Integer pageSize) {
    }

    public record DescribeListenersResult(List<Listener> listeners, String nextMarker) {
    }

    public record ModifyListenerRequest(String listenerArn, Integer port, String protocol, String sslPolicy,
                                        List<Certificate> certificates, List<Action> defaultActions,
                                        List<String> alpnPolicy) {
    }

    public record ListenerArnRequest(String listenerArn) {
    }

    public record ValuesConfig(List<String> values) {
    }

    public record HttpHeaderConditionConfig(String httpHeaderName, List<String> values) {
    }

    public record QueryStringKeyValuePair(String key, String value) {
    }

    public record QueryStringConditionConfig(List<QueryStringKeyValuePair> values) {
    }

    public record RuleCondition(String field, List<String> values, ValuesConfig hostHeaderConfig,
                                ValuesConfig pathPatternConfig, HttpHeaderConditionConfig httpHeaderConfig,
                                QueryStringConditionConfig queryStringConfig, ValuesConfig httpRequestMethodConfig,
                                ValuesConfig sourceIpConfig) {
    }

    public record Rule(String ruleArn, String priority, List<RuleCondition> conditions, List<Action> actions,
                       Boolean isDefault) {
    }

    public record RulesResult(List<Rule> rules) {
    }

    public record CreateRuleRequest(String listenerArn, List<RuleCondition> conditions, Integer priority,
                                    List<Action> actions, List<Tag> tags) {
    }

    public record DescribeRulesRequest(String listenerArn, List<String> ruleArns, String marker, Integer pageSize) {
    }

    public record DescribeRulesResult(List<Rule> rules, String nextMarker) {
    }

    public record ModifyRuleRequest(String ruleArn, List<RuleCondition> conditions, List<Action> actions) {
    }

    public record RuleArnRequest(String ruleArn) {
    }

    public record RulePriorityPair(String ruleArn, Integer priority) {
    }

    public record SetRulePrioritiesRequest(List<RulePriorityPair> rulePriorities) {
    }

    public record AddTagsRequest(List<String> resourceArns, List<Tag> tags) {
    }

    public record RemoveTagsRequest(List<String> resourceArns, List<String> tagKeys) {
    }

    public record DescribeTagsRequest(List<String> resourceArns) {
    }

    public record TagDescription(String resourceArn, List<Tag> tags) {
    }

    public record DescribeTagsResult(List<TagDescription> tagDescriptions) {
    }

    public record DescribeAccountLimitsRequest(String marker, Integer pageSize) {
    }

    public record Limit(String name, String max) {
    }

    public record DescribeAccountLimitsResult(List<Limit> limits, String nextMarker) {
    }
}
