package io.berth.elb;

import io.berth.TestBerth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.ThrowingSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ELBv2 through the AWS SDK for Java v2: each resource's life, ELB's errors, paging, tags and IAM. */
class ElbApiIT {

    @TempDir
    static Path dataDir;
    static TestBerth berth;
    static ElasticLoadBalancingV2Client elb;
    static Ec2Client ec2;
    static String vpcId;
    static List<String> subnets;
    static String defaultGroup;

    @BeforeAll
    static void start() {
        berth = TestBerth.start(dataDir);
        elb = berth.elb();
        ec2 = berth.ec2("us-east-1");
        List<Subnet> defaults = ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az")
                .values("true").build())).subnets();
        vpcId = defaults.getFirst().vpcId();
        subnets = defaults.stream().map(Subnet::subnetId).toList();
        defaultGroup = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build(),
                Filter.builder().name("group-name").values("default").build())).securityGroups().getFirst().groupId();
    }

    @AfterAll
    static void stop() {
        elb.close();
        ec2.close();
        berth.close();
    }

    static String code(ThrowingSupplier<?> call) {
        try {
            call.get();
        } catch (AwsServiceException e) {
            assertThat(e.statusCode()).isEqualTo(400);
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error");
    }

    static LoadBalancer alb(String name) {
        return elb.createLoadBalancer(r -> r.name(name).subnets(subnets.subList(0, 2))).loadBalancers().getFirst();
    }

    static TargetGroup httpGroup(String name) {
        return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(8080).vpcId(vpcId).targetType("ip"))
                .targetGroups().getFirst();
    }

    static Action forward(String groupArn) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(groupArn).build();
    }

    @Test
    void anApplicationLoadBalancerIsCreatedDescribedAndDeleted() {
        LoadBalancer created = alb("web");

        assertThat(created.loadBalancerArn()).matches(
                "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/[0-9a-f]{16}");
        assertThat(created.dnsName()).matches("web-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(created.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(created.state().codeAsString()).isEqualTo("provisioning");
        assertThat(created.schemeAsString()).isEqualTo("internet-facing");
        assertThat(created.typeAsString()).isEqualTo("application");
        assertThat(created.ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(created.vpcId()).isEqualTo(vpcId);
        assertThat(created.securityGroups()).containsExactly(defaultGroup);
        assertThat(created.availabilityZones()).hasSize(2);

        LoadBalancer described = elb.describeLoadBalancers(r -> r.names("web")).loadBalancers().getFirst();
        assertThat(described.loadBalancerArn()).isEqualTo(created.loadBalancerArn());
        assertThat(described.state().codeAsString()).isEqualTo("active");
        assertThat(elb.describeLoadBalancers(r -> r.loadBalancerArns(created.loadBalancerArn())).loadBalancers())
                .hasSize(1);
        assertThat(alb("web").loadBalancerArn()).as("an identical creation answers the same load balancer")
                .isEqualTo(created.loadBalancerArn());

        elb.deleteLoadBalancer(r -> r.loadBalancerArn(created.loadBalancerArn()));
        assertThat(code(() -> elb.describeLoadBalancers(r -> r.loadBalancerArns(created.loadBalancerArn()))))
                .isEqualTo("LoadBalancerNotFound: One or more load balancers not found");
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(created.loadBalancerArn()));
    }

    @Test
    void loadBalancerAttributesAreRecordedAndDeletionProtectionHolds() {
        LoadBalancer lb = alb("protected");
        Map<String, String> attributes = elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                .attributes().stream().collect(Collectors.toMap(a -> a.key(), a -> a.value()));
        assertThat(attributes).containsEntry("idle_timeout.timeout_seconds", "60")
                .containsEntry("deletion_protection.enabled", "false").containsEntry("routing.http2.enabled", "true");

        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()).attributes(
                a -> a.key("deletion_protection.enabled").value("true"), a -> a.key("idle_timeout.timeout_seconds").value("30")));
        assertThat(code(() -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()))))
                .isEqualTo("OperationNotPermitted: Load balancer '" + lb.loadBalancerArn()
                        + "' cannot be deleted because deletion protection is enabled");
        assertThat(code(() -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()).attributes(
                a -> a.key("idle_timeout.timeout_seconds").value("0"))))).startsWith("ValidationError:");
        assertThat(elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn())).attributes())
                .anyMatch(a -> a.key().equals("idle_timeout.timeout_seconds") && a.value().equals("30"));

        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()).attributes(
                a -> a.key("deletion_protection.enabled").value("false")));
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
        assertThat(code(() -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(lb.loadBalancerArn()))))
                .startsWith("LoadBalancerNotFound:");
    }

    @Test
    void aNetworkLoadBalancerNeedsOneSubnetAndMayHaveNoSecurityGroups() {
        LoadBalancer nlb = elb.createLoadBalancer(r -> r.name("tcp").type("network").scheme("internal")
                .subnets(subnets.getFirst())).loadBalancers().getFirst();

        assertThat(nlb.loadBalancerArn()).contains(":loadbalancer/net/tcp/");
        assertThat(nlb.dnsName()).matches("internal-tcp-[0-9a-f]{16}\\.elb\\.us-east-1\\.amazonaws\\.com");
        assertThat(nlb.canonicalHostedZoneId()).isEqualTo("Z26RNL4JYFTOTI");
        assertThat(nlb.securityGroups()).isEmpty();
        assertThat(code(() -> elb.setSecurityGroups(r -> r.loadBalancerArn(nlb.loadBalancerArn()).securityGroups(defaultGroup))))
                .startsWith("InvalidConfigurationRequest: You cannot set security groups on a Network Load Balancer");
        elb.deleteLoadBalancer(r -> r.loadBalancerArn(nlb.loadBalancerArn()));
    }

    @Test
    void badLoadBalancersAreRefusedAsElbRefusesThem() {
        assertThat(code(() -> elb.createLoadBalancer(r -> r.name("one").subnets(subnets.getFirst()))))
                .isEqualTo("ValidationError: At least two subnets in two different Availability Zones must be specified");
        assertThat(code(() -> elb.createLoadBalancer(r -> r.name("ghost").subnets(subnets.getFirst(), "subnet-0123456789abcdef0"))))
                .isEqualTo("SubnetNotFound: The subnet ID 'subnet-0123456789abcdef0' is not valid");
        assertThat(code(() -> elb.createLoadBalancer(r -> r.name("nosg").subnets(subnets.subList(0, 2))
                .securityGroups("sg-0123456789abcdef0"))))
                .isEqualTo("InvalidSecurityGroup: Security group 'sg-0123456789abcdef0' does not exist");
        assertThat(code(() -> elb.createLoadBalancer(r -> r.name("-bad").subnets(subnets.subList(0, 2)))))
                .startsWith("ValidationError: Load balancer name '-bad'");
        String sameZone = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("172.31.200.0/24")
                .availabilityZone(ec2.describeSubnets(d -> d.subnetIds(subnets.getFirst())).subnets().getFirst()
                        .availabilityZone())).subnet().subnetId();
        assertThat(code(() -> elb.createLoadBalancer(r -> r.name("twice").subnets(subnets.getFirst(), sameZone, subnets.get(1)))))
                .isEqualTo("InvalidConfigurationRequest: A load balancer cannot be attached to multiple subnets in the same "
                        + "Availability Zone");

        alb("taken");
        assertThat(code(() -> elb.createLoadBalancer(r -> r.name("taken").subnets(subnets.subList(0, 2)).scheme("internal"))))
                .isEqualTo("DuplicateLoadBalancerName: A load balancer with the same name 'taken' exists, but with different settings");
        assertThat(code(() -> elb.describeLoadBalancers(r -> r.names("nope"))))
                .startsWith("LoadBalancerNotFound:");
        assertThat(code(() -> elb.describeLoadBalancers(r -> r.loadBalancerArns("not-an-arn"))))
                .isEqualTo("ValidationError: 'not-an-arn' is not a valid load balancer ARN");
        assertThat(elb.describeLoadBalancers(r -> r.names("taken")).loadBalancers()).hasSize(1);
    }

    @Test
    void securityGroupsAndSubnetsAreSet() {
        LoadBalancer lb = alb("moving");
        String group = ec2.createSecurityGroup(r -> r.groupName("lb-sg").description("lb").vpcId(vpcId)).groupId();

        assertThat(elb.setSecurityGroups(r -> r.loadBalancerArn(lb.loadBalancerArn()).securityGroups(group))
                .securityGroupIds()).containsExactly(group);
        assertThat(elb.setSubnets(r -> r.loadBalancerArn(lb.loadBalancerArn()).subnets(subnets.subList(1, 3)))
                .availabilityZones()).extracting(z -> z.subnetId()).containsExactlyInAnyOrderElementsOf(subnets.subList(1, 3));

        LoadBalancer described = elb.describeLoadBalancers(r -> r.names("moving")).loadBalancers().getFirst();
        assertThat(described.securityGroups()).containsExactly(group);
        assertThat(described.availabilityZones()).extracting(z -> z.subnetId())
                .containsExactlyInAnyOrderElementsOf(subnets.subList(1, 3));
    }

    @Test
    void targetGroupsTakeElbsDefaultsAndValidation() {
        TargetGroup http = httpGroup("tg-http");
        assertThat(http.targetGroupArn()).matches("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg-http/[0-9a-f]{16}");
        assertThat(http.healthCheckProtocolAsString()).isEqualTo("HTTP");
        assertThat(http.healthCheckPort()).isEqualTo("traffic-port");
        assertThat(http.healthCheckPath()).isEqualTo("/");
        assertThat(http.healthCheckIntervalSeconds()).isEqualTo(30);
        assertThat(http.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertThat(http.healthyThresholdCount()).isEqualTo(5);
        assertThat(http.unhealthyThresholdCount()).isEqualTo(2);
        assertThat(http.matcher().httpCode()).isEqualTo("200");
        assertThat(http.targetTypeAsString()).isEqualTo("ip");

        TargetGroup tcp = elb.createTargetGroup(r -> r.name("tg-tcp").protocol("TCP").port(9000).vpcId(vpcId)
                .targetType("ip")).targetGroups().getFirst();
        assertThat(tcp.healthCheckProtocolAsString()).isEqualTo("TCP");
        assertThat(tcp.healthCheckTimeoutSeconds()).isEqualTo(10);
        assertThat(tcp.healthCheckPath()).isNull();

        assertThat(code(() -> elb.createTargetGroup(r -> r.name("tls").protocol("HTTPS").port(443).vpcId(vpcId))))
                .startsWith("UnsupportedProtocol:");
        assertThat(code(() -> elb.createTargetGroup(r -> r.name("slow").protocol("HTTP").port(80).vpcId(vpcId)
                .healthCheckIntervalSeconds(10).healthCheckTimeoutSeconds(10))))
                .isEqualTo("InvalidConfigurationRequest: Health check interval must be greater than the timeout.");
        assertThat(code(() -> elb.createTargetGroup(r -> r.name("tg-http").protocol("HTTP").port(81).vpcId(vpcId))))
                .isEqualTo("DuplicateTargetGroupName: A target group with the same name 'tg-http' exists, but with different settings");
        assertThat(code(() -> elb.describeTargetGroups(r -> r.names("missing"))))
                .isEqualTo("TargetGroupNotFound: One or more target groups not found");

        TargetGroup modified = elb.modifyTargetGroup(r -> r.targetGroupArn(http.targetGroupArn()).healthCheckPath("/health")
                .matcher(m -> m.httpCode("200-299"))).targetGroups().getFirst();
        assertThat(modified.healthCheckPath()).isEqualTo("/health");
        assertThat(modified.matcher().httpCode()).isEqualTo("200-299");
        assertThat(code(() -> elb.modifyTargetGroup(r -> r.targetGroupArn(http.targetGroupArn()).matcher(m -> m.httpCode("600")))))
                .startsWith("ValidationError:");

        elb.deleteTargetGroup(r -> r.targetGroupArn(tcp.targetGroupArn()));
        assertThat(code(() -> elb.describeTargetGroups(r -> r.targetGroupArns(tcp.targetGroupArn()))))
                .startsWith("TargetGroupNotFound:");
    }

    @Test
    void targetGroupAttributesHaveDefaultsAndAreValidated() {
        TargetGroup group = httpGroup("tg-attrs");
        Map<String, String> attributes = attributes(group.targetGroupArn());
        assertThat(attributes).containsEntry("deregistration_delay.timeout_seconds", "300")
                .containsEntry("stickiness.enabled", "false").containsEntry("stickiness.type", "lb_cookie")
                .containsEntry("load_balancing.algorithm.type", "round_robin");

        elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group.targetGroupArn()).attributes(
                TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("30").build(),
                TargetGroupAttribute.builder().key("load_balancing.algorithm.type").value("least_outstanding_requests").build()));
        assertThat(attributes(group.targetGroupArn())).containsEntry("deregistration_delay.timeout_seconds", "30")
                .containsEntry("load_balancing.algorithm.type", "least_outstanding_requests");

        assertThat(code(() -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group.targetGroupArn()).attributes(
                TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("4000").build()))))
                .startsWith("ValidationError:");
        assertThat(code(() -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group.targetGroupArn()).attributes(
                TargetGroupAttribute.builder().key("load_balancing.algorithm.type").value("random").build()))))
                .startsWith("ValidationError:");
        assertThat(code(() -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(group.targetGroupArn()).attributes(
                TargetGroupAttribute.builder().key("no.such.key").value("1").build()))))
                .startsWith("ValidationError:");
        assertThat(attributes(group.targetGroupArn())).containsEntry("deregistration_delay.timeout_seconds", "30");
    }

    static Map<String, String> attributes(String arn) {
        return elb.describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes().stream()
                .collect(Collectors.toMap(TargetGroupAttribute::key, TargetGroupAttribute::value));
    }

    @Test
    void targetsAreUnusedUntilAListenerForwardsToTheirGroup() {
        TargetGroup group = httpGroup("tg-targets");
        elb.registerTargets(r -> r.targetGroupArn(group.targetGroupArn()).targets(
                TargetDescription.builder().id("172.31.0.10").build(),
                TargetDescription.builder().id("172.31.0.11").port(9090).build()));

        List<TargetHealthDescription> health = elb.describeTargetHealth(r -> r.targetGroupArn(group.targetGroupArn()))
                .targetHealthDescriptions();
        assertThat(health).extracting(h -> h.target().id() + ":" + h.target().port() + " " + h.targetHealth().stateAsString()
                        + " " + h.targetHealth().reasonAsString() + " " + h.healthCheckPort())
                .containsExactly("172.31.0.10:8080 unused Target.NotInUse 8080", "172.31.0.11:9090 unused Target.NotInUse 9090");

        LoadBalancer lb = alb("with-targets");
        elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(80)
                .defaultActions(forward(group.targetGroupArn())));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(group.targetGroupArn())).targetHealthDescriptions())
                .extracting(h -> h.targetHealth().stateAsString()).containsOnly("initial");
        assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(lb.loadBalancerArn())).targetGroups())
                .extracting(TargetGroup::targetGroupName).containsExactly("tg-targets");

        elb.deregisterTargets(r -> r.targetGroupArn(group.targetGroupArn())
                .targets(TargetDescription.builder().id("172.31.0.10").build()));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(group.targetGroupArn())
                .targets(TargetDescription.builder().id("172.31.0.10").build())).targetHealthDescriptions().getFirst()
                .targetHealth().reasonAsString()).isEqualTo("Target.NotRegistered");
        assertThat(code(() -> elb.registerTargets(r -> r.targetGroupArn(group.targetGroupArn())
                .targets(TargetDescription.builder().id("not-an-ip").build()))))
                .startsWith("InvalidTarget:");
        assertThat(code(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(group.targetGroupArn()))))
                .isEqualTo("ResourceInUse: Target group '" + group.targetGroupArn()
                        + "' is currently in use by a listener or a rule");

        elb.deleteLoadBalancer(r -> r.loadBalancerArn(lb.loadBalancerArn()));
        elb.deleteTargetGroup(r -> r.targetGroupArn(group.targetGroupArn()));
    }

    @Test
    void listenersForwardRespondAndRedirect() {
        LoadBalancer lb = alb("listening");
        TargetGroup blue = httpGroup("blue");
        TargetGroup green = httpGroup("green");

        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(80)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(blue.targetGroupArn()).weight(80).build(),
                        TargetGroupTuple.builder().targetGroupArn(green.targetGroupArn()).weight(20).build())).build()))
                .listeners().getFirst();
        assertThat(listener.listenerArn()).startsWith(lb.loadBalancerArn().replace(":loadbalancer/", ":listener/") + "/");
        assertThat(listener.defaultActions().getFirst().forwardConfig().targetGroups())
                .extracting(TargetGroupTuple::weight).containsExactly(80, 20);

        assertThat(code(() -> elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(80)
                .defaultActions(forward(blue.targetGroupArn())))))
                .isEqualTo("DuplicateListener: A listener already exists on this port for this load balancer '"
                        + lb.loadBalancerArn() + "'");
        assertThat(code(() -> elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("TCP").port(81)
                .defaultActions(forward(blue.targetGroupArn())))))
                .startsWith("UnsupportedProtocol:");
        assertThat(code(() -> elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(82)
                .defaultActions(forward(lb.loadBalancerArn().replace(":loadbalancer/app/listening", ":targetgroup/none"))))))
                .startsWith("TargetGroupNotFound:");

        Listener fixed = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(8080)
                .defaultActions(Action.builder().type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f
                        .statusCode("503").contentType("text/plain").messageBody("down")).build())).listeners().getFirst();
        assertThat(fixed.defaultActions().getFirst().fixedResponseConfig().messageBody()).isEqualTo("down");
        Listener redirect = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(8081)
                .defaultActions(Action.builder().type(ActionTypeEnum.REDIRECT).redirectConfig(c -> c.port("80")
                        .statusCode("HTTP_301")).build())).listeners().getFirst();
        assertThat(redirect.defaultActions().getFirst().redirectConfig().host()).isEqualTo("#{host}");

        assertThat(elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()).hasSize(3);
        Listener moved = elb.modifyListener(r -> r.listenerArn(fixed.listenerArn()).port(9090)).listeners().getFirst();
        assertThat(moved.port()).isEqualTo(9090);

        elb.deleteListener(r -> r.listenerArn(redirect.listenerArn()));
        assertThat(code(() -> elb.describeListeners(r -> r.listenerArns(redirect.listenerArn()))))
                .isEqualTo("ListenerNotFound: One or more listeners not found");
        assertThat(code(() -> elb.deleteListener(r -> r.listenerArn(redirect.listenerArn()))))
                .startsWith("ListenerNotFound:");
    }

    @Test
    void rulesRouteByPriorityBeforeTheDefaultRule() {
        LoadBalancer lb = alb("routing");
        TargetGroup api = httpGroup("api");
        TargetGroup site = httpGroup("site");
        Listener listener = elb.createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(80)
                .defaultActions(forward(site.targetGroupArn()))).listeners().getFirst();

        Rule byPath = elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(10)
                .conditions(RuleCondition.builder().field("path-pattern").values("/api/*").build())
                .actions(forward(api.targetGroupArn()))).rules().getFirst();
        Rule byHeader = elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(5)
                .conditions(RuleCondition.builder().field("http-header").httpHeaderConfig(h -> h.httpHeaderName("X-Canary")
                                .values("yes")).build(),
                        RuleCondition.builder().field("http-request-method").httpRequestMethodConfig(m -> m.values("GET")).build())
                .actions(forward(api.targetGroupArn()))).rules().getFirst();
        assertThat(byPath.conditions().getFirst().pathPatternConfig().values()).containsExactly("/api/*");

        assertThat(code(() -> elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(10)
                .conditions(RuleCondition.builder().field("host-header").values("a.example.com").build())
                .actions(forward(api.targetGroupArn())))))
                .isEqualTo("PriorityInUse: Priority '10' is currently in use");
        assertThat(code(() -> elb.createRule(r -> r.listenerArn(listener.listenerArn()).priority(11)
                .conditions(RuleCondition.builder().field("cookie").values("a").build())
                .actions(forward(api.targetGroupArn())))))
                .startsWith("ValidationError: Condition field 'cookie'");

        List<Rule> rules = elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules();
        assertThat(rules).extracting(Rule::priority).containsExactly("5", "10", "default");
        Rule defaultRule = rules.getLast();
        assertThat(defaultRule.isDefault()).isTrue();
        assertThat(defaultRule.actions().getFirst().targetGroupArn()).isEqualTo(site.targetGroupArn());

        elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(byPath.ruleArn()).priority(1)));
        assertThat(elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules()).extracting(Rule::priority)
                .containsExactly("1", "5", "default");
        Rule modified = elb.modifyRule(r -> r.ruleArn(byPath.ruleArn())
                .conditions(RuleCondition.builder().field("source-ip").sourceIpConfig(s -> s.values("10.0.0.0/8")).build()))
                .rules().getFirst();
        assertThat(modified.conditions().getFirst().sourceIpConfig().values()).containsExactly("10.0.0.0/8");

        assertThat(code(() -> elb.deleteRule(r -> r.ruleArn(defaultRule.ruleArn()))))
                .startsWith("OperationNotPermitted:");
        elb.deleteRule(r -> r.ruleArn(byHeader.ruleArn()));
        assertThat(code(() -> elb.describeRules(r -> r.ruleArns(byHeader.ruleArn()))))
                .isEqualTo("RuleNotFound: One or more rules not found");
        assertThat(code(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(api.targetGroupArn()))))
                .startsWith("ResourceInUse:");
    }

    @Test
    void describeCallsPageWithMarkers() {
        for (int i = 0; i < 5; i++) {
            httpGroup("paged-" + i);
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            DescribeTargetGroupsResponse page = elb.describeTargetGroups(r -> r.pageSize(2).marker(from));
            assertThat(page.targetGroups().size()).isLessThanOrEqualTo(2);
            page.targetGroups().forEach(g -> seen.add(g.targetGroupName()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);
        assertThat(seen).doesNotHaveDuplicates().contains("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(code(() -> elb.describeTargetGroups(r -> r.pageSize(401)))).startsWith("ValidationError:");
        assertThat(elb.describeAccountLimits(r -> r.pageSize(5)).nextMarker()).isNotNull();
        assertThat(elb.describeAccountLimitsPaginator(r -> r.pageSize(5)).limits())
                .extracting(l -> l.name() + "=" + l.max()).contains("application-load-balancers=50", "target-groups=3000");
    }

    @Test
    void tagsAreAddedDescribedAndRemoved() {
        LoadBalancer lb = elb.createLoadBalancer(r -> r.name("tagged").subnets(subnets.subList(0, 2))
                .tags(Tag.builder().key("team").value("red").build())).loadBalancers().getFirst();
        TargetGroup group = httpGroup("tagged-tg");

        elb.addTags(r -> r.resourceArns(lb.loadBalancerArn(), group.targetGroupArn())
                .tags(Tag.builder().key("env").value("dev").build()));
        Map<String, List<String>> tags = elb.describeTags(r -> r.resourceArns(lb.loadBalancerArn(), group.targetGroupArn()))
                .tagDescriptions().stream().collect(Collectors.toMap(d -> d.resourceArn(),
                        d -> d.tags().stream().map(t -> t.key() + "=" + t.value()).toList()));
        assertThat(tags.get(lb.loadBalancerArn())).containsExactly("team=red", "env=dev");
        assertThat(tags.get(group.targetGroupArn())).containsExactly("env=dev");

        elb.removeTags(r -> r.resourceArns(lb.loadBalancerArn()).tagKeys("team"));
        assertThat(elb.describeTags(r -> r.resourceArns(lb.loadBalancerArn())).tagDescriptions().getFirst().tags())
                .extracting(Tag::key).containsExactly("env");

        assertThat(code(() -> elb.addTags(r -> r.resourceArns(lb.loadBalancerArn()).tags(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("a").value("2").build()))))
                .startsWith("DuplicateTagKeys:");
        List<Tag> many = IntStream.range(0, 50).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        assertThat(code(() -> elb.addTags(r -> r.resourceArns(lb.loadBalancerArn()).tags(many))))
                .startsWith("TooManyTags:");
        assertThat(code(() -> elb.addTags(r -> r.resourceArns(lb.loadBalancerArn().replace("/tagged/", "/gone/"))
                .tags(Tag.builder().key("a").value("1").build()))))
                .isEqualTo("LoadBalancerNotFound: One or more load balancers not found");
    }

    @Test
    void iamDecidesElbActions() {
        AwsBasicCredentials nobody = user("elb-nobody", null);
        try (ElasticLoadBalancingV2Client denied = berth.elb(nobody)) {
            assertThatThrownBy(() -> denied.describeLoadBalancers(r -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/"
                                + "elb-nobody is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers on resource: *");
                    });
        }
        AwsBasicCredentials reader = user("elb-reader", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"elasticloadbalancing:Describe*\",\"Resource\":\"*\"}]}");
        try (ElasticLoadBalancingV2Client allowed = berth.elb(reader)) {
            allowed.describeLoadBalancers(r -> { });
            assertThatThrownBy(() -> allowed.createTargetGroup(r -> r.name("not-mine").protocol("HTTP").port(80).vpcId(vpcId)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e ->
                            assertThat(e.awsErrorDetails().errorMessage()).endsWith("elasticloadbalancing:CreateTargetGroup on "
                                    + "resource: arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/not-mine/*"));
        }
        assertThat(code(() -> elb.describeTargetGroups(r -> r.names("not-mine")))).startsWith("TargetGroupNotFound:");

        AwsBasicCredentials tagger = user("elb-tagger", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"elasticloadbalancing:CreateTargetGroup\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"aws:RequestTag/team\":\"red\"}}}]}");
        try (ElasticLoadBalancingV2Client teamOnly = berth.elb(tagger)) {
            assertThatThrownBy(() -> teamOnly.createTargetGroup(r -> r.name("untagged").protocol("HTTP").port(80).vpcId(vpcId)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThat(teamOnly.createTargetGroup(r -> r.name("red-team").protocol("HTTP").port(80).vpcId(vpcId)
                    .tags(Tag.builder().key("team").value("red").build())).targetGroups()).hasSize(1);
        }
    }

    @Test
    void resourceTagConditionsReadElbsTags() {
        TargetGroup red = elb.createTargetGroup(r -> r.name("owned-red").protocol("HTTP").port(80).vpcId(vpcId)
                .tags(Tag.builder().key("team").value("red").build())).targetGroups().getFirst();
        TargetGroup blue = elb.createTargetGroup(r -> r.name("owned-blue").protocol("HTTP").port(80).vpcId(vpcId)
                .tags(Tag.builder().key("team").value("blue").build())).targetGroups().getFirst();
        AwsBasicCredentials redTeam = user("elb-red", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"elasticloadbalancing:DeleteTargetGroup\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"aws:ResourceTag/team\":\"red\"}}}]}");
        try (ElasticLoadBalancingV2Client client = berth.elb(redTeam)) {
            assertThatThrownBy(() -> client.deleteTargetGroup(r -> r.targetGroupArn(blue.targetGroupArn())))
                    .isInstanceOfSatisfying(AwsServiceException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            client.deleteTargetGroup(r -> r.targetGroupArn(red.targetGroupArn()));
        }
        assertThat(code(() -> elb.describeTargetGroups(r -> r.names("owned-red")))).startsWith("TargetGroupNotFound:");
        assertThat(elb.describeTargetGroups(r -> r.names("owned-blue")).targetGroups()).hasSize(1);
    }

    @Test
    void whatWasAcknowledgedSurvivesARestart(@TempDir Path ownDir) {
        String lbArn;
        String groupArn;
        try (TestBerth first = TestBerth.start(ownDir); ElasticLoadBalancingV2Client client = first.elb();
             Ec2Client network = first.ec2("us-east-1")) {
            List<Subnet> own = network.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az")
                    .values("true").build())).subnets();
            lbArn = client.createLoadBalancer(r -> r.name("durable").subnets(own.get(0).subnetId(), own.get(1).subnetId()))
                    .loadBalancers().getFirst().loadBalancerArn();
            groupArn = client.createTargetGroup(r -> r.name("durable").protocol("HTTP").port(80).vpcId(own.getFirst().vpcId())
                    .targetType("ip")).targetGroups().getFirst().targetGroupArn();
            client.registerTargets(r -> r.targetGroupArn(groupArn).targets(t -> t.id("172.31.1.1")));
            client.createListener(r -> r.loadBalancerArn(lbArn).protocol("HTTP").port(80).defaultActions(forward(groupArn)));
        }
        try (TestBerth second = TestBerth.start(ownDir); ElasticLoadBalancingV2Client client = second.elb()) {
            assertThat(client.describeLoadBalancers(r -> r.loadBalancerArns(lbArn)).loadBalancers()).hasSize(1);
            assertThat(client.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners().getFirst().defaultActions()
                    .getFirst().targetGroupArn()).isEqualTo(groupArn);
            assertThat(client.describeTargetHealth(r -> r.targetGroupArn(groupArn)).targetHealthDescriptions())
                    .extracting(h -> h.target().id()).containsExactly("172.31.1.1");
        }
    }

    static AwsBasicCredentials user(String name, String policy) {
        try (IamClient iam = berth.iam()) {
            iam.createUser(r -> r.userName(name));
            if (policy != null) {
                iam.putUserPolicy(r -> r.userName(name).policyName("elb").policyDocument(policy));
            }
            AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
            return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        }
    }
}
