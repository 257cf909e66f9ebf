package io.berth.edge.query;

import io.berth.edge.AwsException;
import io.berth.edge.Operation;
import io.berth.edge.Principal;
import io.berth.edge.QueryCodec;
import io.berth.edge.QueryParameters;
import io.berth.edge.RequestContext;
import io.berth.edge.ServiceDefinition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record codec on records shaped like ELBv2's (AWS Query, 2015-12-01): a service of request
 * records, result records and handlers, with no codec written by hand. The forms are what
 * botocore's Query serializer sends for these calls.
 */
class QueryRecordsElbShapesTest {

    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    static final RequestContext CONTEXT = new RequestContext("req-1", Principal.root("000000000000", "AKIDEXAMPLE"),
            "us-east-1", Instant.parse("2026-12-03T12:00:00Z"), "127.0.0.1");

    public record Tag(String key, String value) {
    }

    public record Certificate(String certificateArn, Boolean isDefault) {
    }

    public record AuthenticateOidcActionConfig(String issuer, String authorizationEndpoint, String tokenEndpoint,
                                        String userInfoEndpoint, String clientId, String clientSecret,
                                        Map<String, String> authenticationRequestExtraParams,
                                        Boolean useExistingClientSecret) {
    }

    public record Action(String type, String targetGroupArn, AuthenticateOidcActionConfig authenticateOidcConfig,
                  Integer order) {
    }

    public record CreateListenerRequest(String loadBalancerArn, String protocol, Integer port, String sslPolicy,
                                 List<Certificate> certificates, List<Action> defaultActions, List<Tag> tags) {
    }

    public record Listener(String listenerArn, String loadBalancerArn, Integer port, String protocol,
                    List<Certificate> certificates, List<Action> defaultActions) {
    }

    public record CreateListenerResult(List<Listener> listeners) {
    }

    public record LoadBalancerAttribute(String key, String value) {
    }

    public record ModifyLoadBalancerAttributesRequest(String loadBalancerArn, List<LoadBalancerAttribute> attributes) {
    }

    public record Matcher(String httpCode, String grpcCode) {
    }

    public record ModifyTargetGroupRequest(String targetGroupArn, Boolean healthCheckEnabled,
                                    Integer healthCheckIntervalSeconds, Matcher matcher) {
    }

    public record DescribeLoadBalancersRequest(List<String> loadBalancerArns, List<String> names, String marker,
                                        Integer pageSize) {
    }

    public record LoadBalancerState(String code, String reason) {
    }

    public record AvailabilityZone(String zoneName, String subnetId) {
    }

    /** {@code dNSName}: a member whose name starts with an acronym is written as its wire name, lower-cased first. */
    public record LoadBalancer(String loadBalancerArn, String dNSName, String canonicalHostedZoneId, Instant createdTime,
                        String loadBalancerName, String scheme, String vpcId, LoadBalancerState state, String type,
                        List<AvailabilityZone> availabilityZones, List<String> securityGroups, String ipAddressType) {
    }

    public record DescribeLoadBalancersResult(List<LoadBalancer> loadBalancers, String nextMarker) {
    }

    /** An ELBv2-shaped Query service: records and handlers, the codec derived by the edge. */
    static final ServiceDefinition.Query ELB = new ServiceDefinition.Query("elasticloadbalancing", "2015-12-01",
            NAMESPACE, List.of(
            Operation.named("elasticloadbalancing", "CreateListener", CreateListenerRequest.class)
                    .on((c, r) -> List.of(r.loadBalancerArn()))
                    .handledBy((c, r) -> new CreateListenerResult(List.of(new Listener(r.loadBalancerArn() + "/l1",
                            r.loadBalancerArn(), r.port(), r.protocol(), r.certificates(), r.defaultActions())))),
            Operation.named("elasticloadbalancing", "DescribeLoadBalancers", DescribeLoadBalancersRequest.class)
                    .on((c, r) -> List.of("*"))
                    .handledBy((c, r) -> new DescribeLoadBalancersResult(List.of(new LoadBalancer(
                            "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/50dc6c495c0c9188",
                            "web-1234.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K",
                            Instant.parse("2026-12-03T11:59:58.734Z"), "web", "internet-facing", "vpc-1",
                            new LoadBalancerState("active", null), "application",
                            List.of(new AvailabilityZone("us-east-1a", "subnet-1"),
                                    new AvailabilityZone("us-east-1b", "subnet-2")),
                            List.of("sg-1"), "ipv4")), null))));

    @Test
    void decodesListsOfNestedStructuresMapsIntegersAndTags() {
        QueryParameters form = QueryParameters.parse("Action=CreateListener&Version=2015-12-01"
                + "&LoadBalancerArn=arn%3Alb&Protocol=HTTP&Port=80"
                + "&DefaultActions.member.1.Type=forward&DefaultActions.member.1.TargetGroupArn=arn%3Atg"
                + "&DefaultActions.member.1.Order=1&DefaultActions.member.2.Type=authenticate-oidc"
                + "&DefaultActions.member.2.Order=2&DefaultActions.member.2.AuthenticateOidcConfig.Issuer=https%3A%2F%2Fidp"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.AuthorizationEndpoint=https%3A%2F%2Fidp%2Fa"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.TokenEndpoint=https%3A%2F%2Fidp%2Ft"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.UserInfoEndpoint=https%3A%2F%2Fidp%2Fu"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.ClientId=c"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key=prompt"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value=login"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.key=display"
                + "&DefaultActions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.value=page"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=red");

        CreateListenerRequest request = QueryRecordsElbShapesTest.<CreateListenerRequest>codec("CreateListener")
                .decode(form);

        assertThat(request).isEqualTo(new CreateListenerRequest("arn:lb", "HTTP", 80, null, null, List.of(
                new Action("forward", "arn:tg", null, 1),
                new Action("authenticate-oidc", null, new AuthenticateOidcActionConfig("https://idp", "https://idp/a",
                        "https://idp/t", "https://idp/u", "c", null, Map.of("prompt", "login", "display", "page"), null), 2)),
                List.of(new Tag("team", "red"))));
        assertThat(request.defaultActions().get(1).authenticateOidcConfig().authenticationRequestExtraParams())
                .containsExactly(Map.entry("prompt", "login"), Map.entry("display", "page"));
    }

    @Test
    void decodesKeyValueListsBooleansAndNestedStructures() {
        QueryCodec<ModifyLoadBalancerAttributesRequest, Object> attributes =
                QueryRecords.codec(ModifyLoadBalancerAttributesRequest.class);
        QueryCodec<ModifyTargetGroupRequest, Object> targetGroup = QueryRecords.codec(ModifyTargetGroupRequest.class);

        assertThat(attributes.decode(QueryParameters.parse("LoadBalancerArn=arn%3Alb"
                + "&Attributes.member.1.Key=idle_timeout.timeout_seconds&Attributes.member.1.Value=30"
                + "&Attributes.member.2.Key=deletion_protection.enabled&Attributes.member.2.Value=false")))
                .isEqualTo(new ModifyLoadBalancerAttributesRequest("arn:lb", List.of(
                        new LoadBalancerAttribute("idle_timeout.timeout_seconds", "30"),
                        new LoadBalancerAttribute("deletion_protection.enabled", "false"))));
        assertThat(targetGroup.decode(QueryParameters.parse("TargetGroupArn=arn%3Atg&HealthCheckEnabled=true"
                + "&HealthCheckIntervalSeconds=15&Matcher.HttpCode=200-299")))
                .isEqualTo(new ModifyTargetGroupRequest("arn:tg", true, 15, new Matcher("200-299", null)));
    }

    @Test
    void anEmptyListIsEmptyAndAnAbsentOneNull() {
        QueryCodec<DescribeLoadBalancersRequest, Object> codec = codec("DescribeLoadBalancers");

        assertThat(codec.decode(QueryParameters.parse("Names=")).names()).isEmpty();
        assertThat(codec.decode(QueryParameters.parse("")).names()).isNull();
        assertThat(codec.decode(QueryParameters.parse("Names.member.1=web&Names.member.2=api")).names())
                .containsExactly("web", "api");
    }

    @Test
    void malformedNumbersAndBooleansAreRefusedAsAwsQueryDoes() {
        QueryCodec<ModifyTargetGroupRequest, Object> codec = QueryRecords.codec(ModifyTargetGroupRequest.class);

        assertThatThrownBy(() -> codec.decode(QueryParameters.parse("HealthCheckIntervalSeconds=often")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedInput");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid value for parameter HealthCheckIntervalSeconds: often");
                });
        assertThatThrownBy(() -> codec.decode(QueryParameters.parse("HealthCheckEnabled=yes")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("MalformedInput"));
    }

    @Test
    void encodesNestedListsTimestampsAndAcronymMembersAsElbv2Does() {
        String xml = respond("DescribeLoadBalancers", new DescribeLoadBalancersRequest(null, null, null, null));

        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DescribeLoadBalancersResponse xmlns=\"" + NAMESPACE + "\"><DescribeLoadBalancersResult>"
                + "<LoadBalancers><member>"
                + "<LoadBalancerArn>arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/50dc6c495c0c9188"
                + "</LoadBalancerArn><DNSName>web-1234.us-east-1.elb.amazonaws.com</DNSName>"
                + "<CanonicalHostedZoneId>Z35SXDOTRQ7X7K</CanonicalHostedZoneId>"
                + "<CreatedTime>2026-12-03T11:59:58Z</CreatedTime><LoadBalancerName>web</LoadBalancerName>"
                + "<Scheme>internet-facing</Scheme><VpcId>vpc-1</VpcId><State><Code>active</Code></State>"
                + "<Type>application</Type><AvailabilityZones>"
                + "<member><ZoneName>us-east-1a</ZoneName><SubnetId>subnet-1</SubnetId></member>"
                + "<member><ZoneName>us-east-1b</ZoneName><SubnetId>subnet-2</SubnetId></member></AvailabilityZones>"
                + "<SecurityGroups><member>sg-1</member></SecurityGroups><IpAddressType>ipv4</IpAddressType>"
                + "</member></LoadBalancers></DescribeLoadBalancersResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>");
    }

    @Test
    void encodesMapsAsEntriesAndIntegersAndBooleansAsText() {
        String xml = respond("CreateListener", new CreateListenerRequest("arn:lb", "HTTPS", 443, null,
                List.of(new Certificate("arn:cert", true)), List.of(new Action("authenticate-oidc", null,
                        new AuthenticateOidcActionConfig("https://idp", null, null, null, "c", null,
                                Map.of("prompt", "login"), false), 1)), null));

        assertThat(xml).contains("<CreateListenerResult><Listeners><member><ListenerArn>arn:lb/l1</ListenerArn>"
                + "<LoadBalancerArn>arn:lb</LoadBalancerArn><Port>443</Port><Protocol>HTTPS</Protocol>"
                + "<Certificates><member><CertificateArn>arn:cert</CertificateArn><IsDefault>true</IsDefault></member>"
                + "</Certificates><DefaultActions><member><Type>authenticate-oidc</Type><AuthenticateOidcConfig>"
                + "<Issuer>https://idp</Issuer><ClientId>c</ClientId><AuthenticationRequestExtraParams>"
                + "<entry><key>prompt</key><value>login</value></entry></AuthenticationRequestExtraParams>"
                + "<UseExistingClientSecret>false</UseExistingClientSecret></AuthenticateOidcConfig>"
                + "<Order>1</Order></member></DefaultActions></member></Listeners></CreateListenerResult>");
    }

    @Test
    void anOperationWhoseRequestIsNoRecordMustBringItsCodec() {
        assertThatThrownBy(() -> new ServiceDefinition.Query("elasticloadbalancing", "2015-12-01", NAMESPACE,
                List.of(Operation.named("elasticloadbalancing", "DescribeAccountLimits", String.class)
                        .on((c, r) -> List.of("*")).handledBy((c, r) -> r))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a codec of its own");
    }

    private record Hidden(String name, List<Tag> tags) {
    }

    public record Exposing(String name, Hidden hidden) {
    }

    @Test
    void requestRecordsTheCodecCannotBuildAreRefusedWhenTheServiceIsDeclared() {
        assertThatThrownBy(() -> QueryRecords.codec(Hidden.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be public");
        assertThatThrownBy(() -> QueryRecords.codec(Exposing.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Hidden must be public");
    }

    @SuppressWarnings("unchecked")
    private static <Q> QueryCodec<Q, Object> codec(String operation) {
        return (QueryCodec<Q, Object>) ELB.codecs().get(operation);
    }

    /** Runs an operation of the ELBv2-shaped service and writes its response as the edge does. */
    @SuppressWarnings("unchecked")
    private static String respond(String operation, Object request) {
        Object result = ELB.operations().get(operation).invoke(CONTEXT, request);
        return new String(QueryXml.response(operation, NAMESPACE, "req-1",
                (QueryCodec<Object, Object>) ELB.codecs().get(operation), result).body(), StandardCharsets.UTF_8);
    }
}
