package io.berth.iam.policy;

import static io.berth.iam.policy.PolicyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an evaluation reports besides its decision (SimulatePrincipalPolicy's fields), and the matchers' edges. */
class PolicyEvaluatorTest {

    @Test
    void allowedReportsTheAllowingStatementsWithTheirSource() {
        PolicyDocument managed = identity("{'Sid':'Run','Effect':'Allow','Action':'ecs:RunTask','Resource':'*'}",
                "{'Sid':'List','Effect':'Allow','Action':'ecs:List*','Resource':'*'}");
        AuthorizationRequest request = AuthorizationRequest.builder(ALICE, "ecs:RunTask", TASKDEF)
                .identityPolicy(new AttachedPolicy("arn:aws:iam::" + A + ":policy/ops", "user-managed", managed))
                .build();
        Evaluation e = PolicyEvaluator.evaluate(request);
        assertThat(e.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(e.decision().evalDecision()).isEqualTo("allowed");
        assertThat(e.matchedStatements()).singleElement().satisfies(m -> {
            assertThat(m.sourcePolicyId()).isEqualTo("arn:aws:iam::" + A + ":policy/ops");
            assertThat(m.sourcePolicyType()).isEqualTo("user-managed");
            assertThat(m.sid()).isEqualTo("Run");
            assertThat(m.role()).isEqualTo(MatchedStatement.Role.IDENTITY);
            assertThat(m.statement().index()).isZero();
            assertThat(m.statement().start()).isNotNull();
        });
        assertThat(e.missingContextValues()).isEmpty();
    }

    @Test
    void explicitDenyReportsTheDenyingStatements() {
        Evaluation e = PolicyEvaluator.evaluate(scenario()
                .identity("{'Effect':'Allow','Action':'*','Resource':'*'}", "{'Sid':'NoRun','Effect':'Deny','Action':'ecs:RunTask','Resource':'*'}")
                .build());
        assertThat(e.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(e.decision().evalDecision()).isEqualTo("explicitDeny");
        assertThat(e.matchedStatements()).extracting(MatchedStatement::sid).containsExactly("NoRun");
    }

    @Test
    void implicitDenyReportsNoStatements() {
        Evaluation e = PolicyEvaluator.evaluate(scenario().identity(st("Allow", "s3:*", "*")).build());
        assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(e.decision().evalDecision()).isEqualTo("implicitDeny");
        assertThat(e.matchedStatements()).isEmpty();
    }

    @Test
    void missingContextValuesNameTheKeysConditionsNeeded() {
        Evaluation e = PolicyEvaluator.evaluate(scenario()
                .identity(st("Allow", "ecs:RunTask", "*", "{'StringEquals':{'aws:RequestedRegion':'us-east-1','aws:RequestTag/env':'prod'}}"),
                        st("Allow", "ecs:RunTask", "*", "{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'},'BoolIfExists':{'aws:MultiFactorAuthPresent':'true'}}"),
                        st("Allow", "s3:*", "*", "{'StringEquals':{'s3:prefix':'x'}}"))
                .ctx("aws:RequestTag/env", "prod")
                .build());
        assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        // only keys of statements that match the action and resource; IfExists keys are not required
        assertThat(e.missingContextValues()).containsExactly("aws:RequestedRegion", "aws:SourceIp");
    }

    @Test
    void principalKeysAreNeverMissing() {
        Evaluation e = PolicyEvaluator.evaluate(scenario()
                .identity(st("Allow", "ecs:RunTask", "*", "{'StringEquals':{'aws:username':'alice','aws:PrincipalTag/team':'blue','aws:userid':'AIDAALICE'}}"))
                .build());
        assertThat(e.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(e.missingContextValues()).isEmpty();
    }

    @Test
    void resourcePolicyStatementsAreReportedAsResource() {
        PolicyDocument bucket = PolicyParser.parse(doc(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "s3:GetObject", "arn:aws:s3:::b/*")),
                PolicyKind.RESOURCE);
        Evaluation e = PolicyEvaluator.evaluate(AuthorizationRequest.builder(ALICE, "s3:GetObject", "arn:aws:s3:::b/k")
                .resourcePolicy(new AttachedPolicy("b", "resource", bucket)).build());
        assertThat(e.decision()).isEqualTo(Decision.ALLOWED);
        assertThat(e.matchedStatements()).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(MatchedStatement.Role.RESOURCE);
            assertThat(m.sourcePolicyType()).isEqualTo("resource");
        });
    }

    @Test
    void aTrustPolicyBuilderMarksTheResourcePolicyRequired() {
        PolicyDocument trust = PolicyParser.parse(doc(tst("Allow", "{'AWS':'" + A + "'}", "sts:AssumeRole")), PolicyKind.TRUST);
        AuthorizationRequest r = AuthorizationRequest.builder(ALICE, "sts:AssumeRole", TARGET_ROLE).trustPolicy(trust).build();
        assertThat(r.resourcePolicyRequired()).isTrue();
        assertThat(PolicyEvaluator.isAllowed(r)).isFalse();
    }

    @Test
    void contextKeysAreCaseInsensitiveAndMerged() {
        AuthorizationRequest r = AuthorizationRequest.builder(ALICE, "ecs:RunTask", "*")
                .context("aws:TagKeys", "a").context("AWS:TAGKEYS", "b").build();
        assertThat(r.contextValues("aws:tagkeys")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void accountOfAnArn() {
        assertThat(PolicyEvaluator.accountOf(TASK)).isEqualTo(A);
        assertThat(PolicyEvaluator.accountOf("arn:aws:s3:::bucket")).isEmpty();
        assertThat(PolicyEvaluator.accountOf("*")).isNull();
    }

    @Test
    void roleArnIsDerivedFromASessionArn() {
        RequestPrincipal p = new RequestPrincipal(RequestPrincipal.Type.ASSUMED_ROLE, "arn:aws:sts::" + A + ":assumed-role/r/s", A, "AROA:s", null, null, "s", null);
        assertThat(p.roleArn()).isEqualTo("arn:aws:iam::" + A + ":role/r");
        assertThat(p.principalArn()).isEqualTo("arn:aws:iam::" + A + ":role/r");
    }

    // ------------------------------------------------------------------ matcher edges

    @Test
    void ipAddresses() {
        assertThat(IpCidr.parse("10.0.0.0/8").contains(IpCidr.parseAddress("10.255.0.1"))).isTrue();
        assertThat(IpCidr.parse("10.0.0.0/33")).isNull();
        assertThat(IpCidr.parse("256.0.0.1")).isNull();
        assertThat(IpCidr.parse("1.2.3")).isNull();
        assertThat(IpCidr.parse("::1").contains(IpCidr.parseAddress("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(IpCidr.parse("2001:db8::/32").contains(IpCidr.parseAddress("2001:DB8:ffff::1"))).isTrue();
        assertThat(IpCidr.parse("10.0.0.0/8").contains(IpCidr.parseAddress("::ffff:10.1.2.3"))).as("IPv4-mapped IPv6").isTrue();
        assertThat(IpCidr.parseAddress("1:2:3:4:5:6:7:8:9")).isNull();
        assertThat(IpCidr.parseAddress("1::2::3")).isNull();
        assertThat(IpCidr.parseAddress("example.com")).isNull();
        assertThat(IpCidr.parseAddress("::ffff:192.0.2.1")).hasSize(16);
    }

    @Test
    void dates() {
        assertThat(DateValue.parse("2020-01-01T00:00:00Z")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(DateValue.parse("2020-01-01")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(DateValue.parse("2020-01-01T05:30:00+05:30")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(DateValue.parse("2020-01-01T00:00:00-0100")).isEqualTo(Instant.parse("2020-01-01T01:00:00Z"));
        assertThat(DateValue.parse("2020-01-01t00:00:00.5z")).isEqualTo(Instant.parse("2020-01-01T00:00:00.500Z"));
        assertThat(DateValue.parse("1577836800")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(DateValue.parse("2020-13-01")).isNull();
        assertThat(DateValue.parse("2020-01-01T24:00:00Z")).isNull();
        assertThat(DateValue.parse("2020-01-01T00:00:00.1234567890Z")).isNull();
        assertThat(DateValue.parse("tomorrow")).isNull();
        assertThat(DateValue.parse("")).isNull();
    }

    @Test
    void templates() {
        KeyResolver r = key -> key.equals("aws:username") ? List.of("alice") : null;
        assertThat(Template.compile("a/${aws:username}/*", true, false, true).resolve(r).matches("a/alice/x")).isTrue();
        assertThat(Template.compile("a/${aws:username}/*", false, false, true).resolve(r).matches("a/alice/x")).isFalse();
        assertThat(Template.compile("${aws:missing}", true, false, true).resolve(r)).isNull();
        assertThat(Template.compile("${aws:missing, 'd'}", true, false, true).resolve(r).matches("d")).isTrue();
        assertThat(Template.compile("x${", true, false, true).resolve(r).matches("x${")).isTrue();
        assertThat(Template.compile("${*}${?}${$}", true, false, true).resolve(r).matches("*?$")).isTrue();
        assertThat(Template.compile("${*}", true, false, true).resolve(r).matches("a")).isFalse();
    }

    @Test
    void globs() {
        assertThat(Glob.compile("*", false, true).matches("")).isTrue();
        assertThat(Glob.compile("", false, true).matches("")).isTrue();
        assertThat(Glob.compile("", false, true).matches("a")).isFalse();
        assertThat(Glob.compile("a*b*c", false, true).matches("aXXbYYbc")).isTrue();
        assertThat(Glob.compile("a*", false, false).matches("abc")).as("wildcards off").isFalse();
        assertThat(Glob.compile("ÄB", true, false).matches("äb")).isTrue();
    }

    @Test
    void aStoredPolicyNamesItsUsersAndRolesByUniqueId() {
        PolicyDocument trust = PolicyParser.parseStored(q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Principal':{'AWS':['AIDAALICE','AROADEPLOYER']},'Action':'sts:AssumeRole'}]}"));
        RequestPrincipal aliceRecreated = RequestPrincipal.user(ALICE.arn(), A, "AIDANEWALICE", "alice", Map.of());
        RequestPrincipal deployerRecreated = RequestPrincipal.assumedRole(SESSION.arn(), SESSION.roleArn(), A,
                "AROADEPLOYERNEW", "build-42", Map.of());

        assertThat(assumes(ALICE, trust)).as("the user with that id").isTrue();
        assertThat(assumes(SESSION, trust)).as("a session of the role with that id").isTrue();
        assertThat(assumes(BOB, trust)).isFalse();
        assertThat(assumes(aliceRecreated, trust)).as("a new user of the same name").isFalse();
        assertThat(assumes(deployerRecreated, trust)).as("a new role whose id starts with the old one").isFalse();
        assertThat(assumes(ROOT, trust)).isFalse();
    }

    @Test
    void aNotPrincipalListsUsersAndRolesByUniqueIdToo() {
        PolicyDocument trust = PolicyParser.parseStored(q("{'Version':'2012-10-17','Statement':["
                + "{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + A + ":root'},'Action':'sts:AssumeRole'},"
                + "{'Effect':'Deny','NotPrincipal':{'AWS':['AIDAALICE','AROADEPLOYER','" + SESSION.arn() + "','" + A + "']},"
                + "'Action':'sts:AssumeRole'}]}"));

        assertThat(PolicyEvaluator.isAllowed(withAssumeRole(ALICE, trust))).as("listed by id: not denied").isTrue();
        assertThat(PolicyEvaluator.isAllowed(withAssumeRole(SESSION, trust))).as("role by id, session by ARN").isTrue();
        assertThat(PolicyEvaluator.isAllowed(withAssumeRole(BOB, trust))).as("not listed: denied").isFalse();
    }

    private static boolean assumes(RequestPrincipal principal, PolicyDocument trust) {
        return PolicyEvaluator.isAllowed(AuthorizationRequest.builder(principal, "sts:AssumeRole", TARGET_ROLE)
                .trustPolicy(trust).build());
    }

    private static AuthorizationRequest withAssumeRole(RequestPrincipal principal, PolicyDocument trust) {
        return AuthorizationRequest.builder(principal, "sts:AssumeRole", TARGET_ROLE)
                .identityPolicy(identity(st("Allow", "sts:AssumeRole", "*"))).trustPolicy(trust).build();
    }
}
