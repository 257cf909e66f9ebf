package io.berth.iam.policy;

import static io.berth.iam.policy.PolicyTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation rules per policy kind, with IAM's exact messages, and the parsed model. */
class PolicyParserTest {

    private static final String TRUST_OK = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'}]}";

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("managed policy, statement array", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ecs:*','Resource':'*'}]}"),
                Arguments.of("statement as a single object", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':{'Effect':'Deny','NotAction':['iam:*'],'NotResource':'arn:aws:s3:::b/*'}}"),
                Arguments.of("Id and Sid", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Id':'my-policy','Statement':[{'Sid':'Stmt1','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}"),
                Arguments.of("empty Sid twice", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{'Sid':'','Effect':'Allow','Action':'s3:GetObject','Resource':'*'},{'Sid':'','Effect':'Allow','Action':'s3:PutObject','Resource':'*'}]}"),
                Arguments.of("every condition operator shape", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ecs:RunTask','Resource':'*','Condition':{"
                                + "'ForAllValues:StringLikeIfExists':{'aws:TagKeys':['a*']},'NumericLessThan':{'ecs:count':10},"
                                + "'Bool':{'aws:SecureTransport':true},'DateGreaterThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'},"
                                + "'IpAddress':{'aws:SourceIp':['10.0.0.0/8','2001:db8::/32']},'Null':{'aws:RequestTag/x':'false'}}}]}"),
                Arguments.of("permissions boundary", PolicyKind.BOUNDARY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"),
                Arguments.of("session policy without Version", PolicyKind.SESSION,
                        "{'Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*'}]}"),
                Arguments.of("trust policy for a service", PolicyKind.TRUST, TRUST_OK),
                Arguments.of("trust policy, 2008-10-17", PolicyKind.TRUST,
                        "{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole'}]}"),
                Arguments.of("trust policy without Version", PolicyKind.TRUST,
                        "{'Statement':[{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:root'},'Action':'sts:AssumeRole'}]}"),
                Arguments.of("trust policy: users, roles, sessions, AWS '*'", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':['arn:aws:iam::123456789012:user/a/b',"
                                + "'arn:aws:iam::123456789012:role/r','arn:aws:sts::123456789012:assumed-role/r/s','*']},"
                                + "'Action':['sts:AssumeRole','sts:TagSession','sts:SetSourceIdentity'],'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-1'}}}]}"),
                Arguments.of("trust policy for web identity", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'},"
                                + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringLike':{'token.actions.githubusercontent.com:sub':'repo:o/r:*'}}}]}"),
                Arguments.of("trust policy with an STS wildcard action", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole*'}]}"),
                Arguments.of("trust policy with NotPrincipal deny", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole'},"
                                + "{'Effect':'Deny','NotPrincipal':{'AWS':['arn:aws:iam::123456789012:user/a','123456789012']},'Action':'sts:AssumeRole'}]}"),
                Arguments.of("resource policy with '*'", PolicyKind.RESOURCE,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}]}"),
                Arguments.of("resource policy without Resource", PolicyKind.RESOURCE,
                        "{'Version':'2012-10-17','Statement':[{'Sid':'pull access','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:root'},'Action':'ecr:BatchGetImage'}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, PolicyKind kind, String json) {
        assertThatCode(() -> PolicyParser.parse(q(json), kind)).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        String stmt = "'Effect':'Allow','Action':'ecs:RunTask','Resource':'*'";
        return Stream.of(
                // syntax
                Arguments.of("not JSON", PolicyKind.IDENTITY, "not json", PolicyParser.SYNTAX_ERROR),
                Arguments.of("empty text", PolicyKind.IDENTITY, "", PolicyParser.SYNTAX_ERROR),
                Arguments.of("JSON array", PolicyKind.IDENTITY, "[]", PolicyParser.SYNTAX_ERROR),
                Arguments.of("trailing text", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{" + stmt + "}]} x", PolicyParser.SYNTAX_ERROR),
                Arguments.of("unknown top-level field", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{" + stmt + "}],'Foo':1}", PolicyParser.SYNTAX_ERROR),
                Arguments.of("unknown statement field", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{" + stmt + ",'Foo':1}]}", PolicyParser.SYNTAX_ERROR),
                Arguments.of("Effect in other words", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Effect':'Permit','Action':'a:b','Resource':'*'}]}", PolicyParser.SYNTAX_ERROR),
                Arguments.of("Principal and NotPrincipal", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','NotPrincipal':'*','Action':'sts:AssumeRole'}]}", PolicyParser.SYNTAX_ERROR),
                Arguments.of("Principal as a list", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':['*'],'Action':'sts:AssumeRole'}]}", PolicyParser.SYNTAX_ERROR),
                Arguments.of("condition value object", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{" + stmt + ",'Condition':{'StringEquals':{'a:b':{'c':'d'}}}}]}", PolicyParser.SYNTAX_ERROR),
                Arguments.of("unknown condition operator", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{" + stmt + ",'Condition':{'StringEqual':{'a:b':'c'}}}]}", PolicyParser.SYNTAX_ERROR),
                Arguments.of("operator names are case-sensitive", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{" + stmt + ",'Condition':{'stringequals':{'a:b':'c'}}}]}", PolicyParser.SYNTAX_ERROR),
                // version
                Arguments.of("managed policy without Version", PolicyKind.IDENTITY, "{'Statement':[{" + stmt + "}]}", PolicyParser.VERSION_ERROR),
                Arguments.of("managed policy of 2008-10-17", PolicyKind.IDENTITY, "{'Version':'2008-10-17','Statement':[{" + stmt + "}]}", PolicyParser.VERSION_ERROR),
                Arguments.of("boundary without Version", PolicyKind.BOUNDARY, "{'Statement':[{" + stmt + "}]}", PolicyParser.VERSION_ERROR),
                Arguments.of("unknown Version, trust policy", PolicyKind.TRUST,
                        "{'Version':'2012-10-18','Statement':[{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole'}]}", PolicyParser.SYNTAX_ERROR),
                // legacy parsing
                Arguments.of("Effect in lower case", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Effect':'allow','Action':'a:b','Resource':'*'}]}", PolicyParser.LEGACY_ERROR),
                Arguments.of("unparseable date", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole','Condition':{'DateLessThan':{'aws:CurrentTime':'tomorrow'}}}]}",
                        PolicyParser.LEGACY_ERROR),
                // sids
                Arguments.of("Sid with an underscore", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Sid':'Atomic_Red_Team'," + stmt + "}]}",
                        PolicyParser.SID_NOT_ALPHANUMERIC),
                Arguments.of("Sid with a space, trust policy", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Sid':'a b','Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole'}]}",
                        PolicyParser.SID_NOT_ALPHANUMERIC),
                Arguments.of("duplicate Sid", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Sid':'A'," + stmt + "},{'Sid':'A'," + stmt + "}]}",
                        PolicyParser.SID_NOT_UNIQUE),
                // actions and resources
                Arguments.of("no Action", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Resource':'*'}]}", PolicyParser.NO_ACTIONS),
                Arguments.of("no vendor", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'RunTask','Resource':'*'}]}", PolicyParser.NO_VENDOR),
                Arguments.of("two colons", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ecs:Run:Task','Resource':'*'}]}", PolicyParser.ONE_COLON),
                Arguments.of("vendor with a wildcard", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ec*:Run','Resource':'*'}]}",
                        "Vendor ec* is not valid"),
                Arguments.of("registry URI instead of an ARN", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ecr:*','Resource':'174313347505.dkr.ecr.us-west-2.amazonaws.com/mhart-experimental'}]}",
                        "Resource 174313347505.dkr.ecr.us-west-2.amazonaws.com/mhart-experimental must be in ARN format or \"*\"."),
                Arguments.of("IAM ARN with a region", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'iam:GetRole','Resource':'arn:aws:iam:us-east-1:123456789012:role/x'}]}",
                        "IAM resource arn:aws:iam:us-east-1:123456789012:role/x cannot contain region information."),
                Arguments.of("no Resource in an identity policy", PolicyKind.IDENTITY, "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'a:b'}]}",
                        PolicyParser.NO_RESOURCES),
                Arguments.of("no Resource in an inline-style session policy", PolicyKind.SESSION, "{'Statement':[{'Effect':'Allow','Action':'a:b'}]}",
                        PolicyParser.NO_RESOURCES),
                // principals
                Arguments.of("Principal in an identity policy", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'a:b','Resource':'*'}]}",
                        PolicyParser.PRINCIPAL_NOT_ALLOWED),
                Arguments.of("trust policy given as an inline policy", PolicyKind.IDENTITY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'sts:AssumeRole'}]}",
                        PolicyParser.PRINCIPAL_NOT_ALLOWED),
                Arguments.of("NotPrincipal in a boundary", PolicyKind.BOUNDARY,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Deny','NotPrincipal':{'AWS':'123456789012'},'Action':'a:b','Resource':'*'}]}",
                        PolicyParser.PRINCIPAL_NOT_ALLOWED),
                Arguments.of("Resource in a trust policy", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'sts:AssumeRole','Resource':'*'}]}",
                        PolicyParser.RESOURCE_PROHIBITED),
                Arguments.of("NotResource in a trust policy", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'sts:AssumeRole','NotResource':'*'}]}",
                        PolicyParser.RESOURCE_PROHIBITED),
                Arguments.of("trust policy without Principal", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole'}]}", PolicyParser.TRUST_NO_PRINCIPAL),
                Arguments.of("trust policy with Principal '*'", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole'}]}",
                        "AssumeRolepolicy contained an invalid principal: \"STAR\":\"*\"."),
                Arguments.of("group as a principal", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:group/admins'},'Action':'sts:AssumeRole'}]}",
                        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:group/admins\""),
                Arguments.of("wildcard inside a principal ARN", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:role/*'},'Action':'sts:AssumeRole'}]}",
                        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/*\""),
                Arguments.of("malformed account id", PolicyKind.RESOURCE,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'1234'},'Action':'s3:GetObject','Resource':'*'}]}",
                        "Invalid principal in policy: \"AWS\":\"1234\""),
                Arguments.of("malformed service principal", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ecs tasks'},'Action':'sts:AssumeRole'}]}",
                        "Invalid principal in policy: \"SERVICE\":\"ecs tasks\""),
                Arguments.of("trust policy for a non-STS action", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'s3:GetObject'}]}",
                        PolicyParser.TRUST_ACTIONS),
                Arguments.of("trust policy for an unknown STS action", PolicyKind.TRUST,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':['sts:BadAssumeRole']}]}",
                        PolicyParser.TRUST_ACTIONS),
                Arguments.of("resource policy without Principal", PolicyKind.RESOURCE,
                        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}",
                        PolicyParser.RESOURCE_POLICY_NO_PRINCIPAL));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("invalid")
    void refuses(String description, PolicyKind kind, String json, String message) {
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class, () -> PolicyParser.parse(q(json), kind));
        assertThat(e).as(description).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void storedDocumentsSkipCreateTimeRules() {
        PolicyDocument d = PolicyParser.parseStored(q("{'Statement':[{'Sid':'AWS_managed','Effect':'Allow','Action':'ecs:*','Resource':'*'}]}"));
        assertThat(d.statements().get(0).sid()).isEqualTo("AWS_managed");
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class, () -> PolicyParser.parseStored("{"));
        assertThat(e.getMessage()).isEqualTo(PolicyParser.SYNTAX_ERROR);
    }

    @Test
    void nullDocumentIsASyntaxError() {
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class, () -> PolicyParser.parse(null, PolicyKind.IDENTITY));
        assertThat(e.getMessage()).isEqualTo(PolicyParser.SYNTAX_ERROR);
    }

    @Test
    void inlinePoliciesMayOmitVersionOrUse2008() {
        assertThatCode(() -> PolicyParser.parseInline(q("{'Statement':[{'Effect':'Allow','Action':'a:b','Resource':'*'}]}"))).doesNotThrowAnyException();
        assertThatCode(() -> PolicyParser.parseInline(q("{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Action':'a:b','Resource':'*'}]}")))
                .doesNotThrowAnyException();
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class,
                () -> PolicyParser.parseInline(q("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'a:b','Resource':'*'}]}")));
        assertThat(e.getMessage()).isEqualTo(PolicyParser.PRINCIPAL_NOT_ALLOWED);
    }

    @Test
    void buildsTheModel() {
        String json = q("""
                {
                  'Version': '2012-10-17',
                  'Id': 'doc-1',
                  'Statement': [
                    {
                      'Sid': 'One',
                      'Effect': 'Allow',
                      'Action': 'ecs:RunTask',
                      'Resource': ['arn:aws:ecs:*:*:task-definition/web:*', '*'],
                      'Condition': {
                        'ForAllValues:StringLikeIfExists': {'aws:TagKeys': ['env', 'team*']},
                        'NumericLessThan': {'ecs:count': 10},
                        'Bool': {'aws:SecureTransport': true}
                      }
                    },
                    {'Effect': 'Deny', 'NotAction': 'iam:*', 'NotResource': 'arn:aws:s3:::b'}
                  ]
                }""");
        PolicyDocument d = PolicyParser.parse(json, PolicyKind.IDENTITY);
        assertThat(d.version()).isEqualTo("2012-10-17");
        assertThat(d.id()).isEqualTo("doc-1");
        assertThat(d.variablesEnabled()).isTrue();
        assertThat(d.statements()).hasSize(2);
        Statement s = d.statements().get(0);
        assertThat(s.index()).isZero();
        assertThat(s.sid()).isEqualTo("One");
        assertThat(s.effect()).isEqualTo(Effect.ALLOW);
        assertThat(s.action().negated()).isFalse();
        assertThat(s.action().values()).containsExactly("ecs:RunTask");
        assertThat(s.resource().values()).containsExactly("arn:aws:ecs:*:*:task-definition/web:*", "*");
        assertThat(s.principal().present()).isFalse();
        assertThat(s.conditions()).hasSize(3);
        Condition c = s.conditions().get(0);
        assertThat(c.operatorText()).isEqualTo("ForAllValues:StringLikeIfExists");
        assertThat(c.operator()).isEqualTo(ConditionOperator.STRING_LIKE);
        assertThat(c.qualifier()).isEqualTo(Condition.SetQualifier.FOR_ALL_VALUES);
        assertThat(c.ifExists()).isTrue();
        assertThat(c.key()).isEqualTo("aws:TagKeys");
        assertThat(c.values()).containsExactly("env", "team*");
        assertThat(s.conditions().get(1).values()).containsExactly("10");
        assertThat(s.conditions().get(2).values()).containsExactly("true");
        assertThat(s.start()).isEqualTo(new SourcePosition(5, 5));
        assertThat(s.end()).isEqualTo(new SourcePosition(15, 6));
        Statement deny = d.statements().get(1);
        assertThat(deny.effect()).isEqualTo(Effect.DENY);
        assertThat(deny.action().negated()).isTrue();
        assertThat(deny.resource().negated()).isTrue();
        assertThat(deny.sid()).isNull();
        assertThat(deny.start()).isEqualTo(new SourcePosition(16, 5));
    }

    @Test
    void keepsPrincipalsByTypeAndNamesAnInvalidOneAsIamDoes() {
        PolicyDocument d = PolicyParser.parse(q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':['arn:aws:iam::123456789012:role/a','123456789012'],"
                + "'Service':'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'},{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:role/a'},'Action':'sts:TagSession'}]}"),
                PolicyKind.TRUST);
        assertThat(d.statements().get(0).principal().values("AWS"))
                .containsExactly("arn:aws:iam::123456789012:role/a", "123456789012");
        assertThat(d.statements().get(0).principal().values("Service")).containsExactly("ecs-tasks.amazonaws.com");
        MalformedPolicyException e = PolicyParser.invalidPrincipal("AWS", "arn:aws:iam::123456789012:role/a");
        assertThat(e.getMessage()).isEqualTo("Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/a\"");
    }

    @Test
    void versionIsNullWhenAbsentAndVariablesAreOff() {
        PolicyDocument d = PolicyParser.parse(q("{'Statement':{'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole'}}"), PolicyKind.TRUST);
        assertThat(d.version()).isNull();
        assertThat(d.variablesEnabled()).isFalse();
        assertThat(d.statements().get(0).resource().present()).isFalse();
    }

    @Test
    void nullsInListsAreDropped() {
        PolicyDocument d = PolicyParser.parse(q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['ecs:RunTask',null],'Resource':[null,'*']}]}"),
                PolicyKind.IDENTITY);
        assertThat(d.statements().get(0).action().values()).containsExactly("ecs:RunTask");
        assertThat(d.statements().get(0).resource().values()).containsExactly("*");
    }

    @Test
    void operatorsAreParsed() {
        assertThat(PolicyParser.parseOperator("ForAnyValue:StringEqualsIfExists"))
                .isEqualTo(new PolicyParser.ParsedOperator(ConditionOperator.STRING_EQUALS, Condition.SetQualifier.FOR_ANY_VALUE, true));
        assertThat(PolicyParser.parseOperator("ForAnyValue::StringEquals")).isNull();
        assertThat(PolicyParser.parseOperator("NotIpAddress").operator().negated()).isTrue();
        for (ConditionOperator op : ConditionOperator.values()) {
            assertThat(PolicyParser.parseOperator(op.policyName()).operator()).isEqualTo(op);
            assertThat(PolicyParser.parseOperator(op.policyName() + "IfExists").ifExists()).isTrue();
        }
        assertThat(List.of(ConditionOperator.values())).hasSize(27);
    }
}
