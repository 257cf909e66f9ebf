package io.berth.iam.policy;

import static io.berth.iam.policy.PolicyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluation cases written from the IAM User Guide: each names the documented rule it checks
 * (page in brackets: [action] reference_policies_elements_action, [resource]
 * reference_policies_elements_resource, [variables] reference_policies_variables, [operators]
 * reference_policies_elements_condition_operators, [multivalued]
 * reference_policies_condition-single-vs-multi-valued-context-keys, [keys]
 * reference_policies_condition-keys, [logic] reference_policies_evaluation-logic and its
 * single-account / cross-account pages, [boundaries] access_policies_boundaries, [session]
 * access_policies#policies_session, [principal] reference_policies_elements_principal,
 * [notprincipal] reference_policies_elements_notprincipal, [roles] id_roles_use_permissions-to-switch).
 */
class PolicyEvaluatorDocCasesTest {
    private static final Decision ALLOW = Decision.ALLOWED;
    private static final Decision EXPLICIT = Decision.EXPLICIT_DENY;
    private static final Decision IMPLICIT = Decision.IMPLICIT_DENY;

    private static final List<Arguments> CASES = new ArrayList<>();

    private static void c(String description, String rule, Decision expected, Scenario scenario) {
        CASES.add(Arguments.of(description, rule, expected, scenario));
    }

    /** One allowed statement for ecs:RunTask with a condition, evaluated against the given context. */
    private static Scenario when(String condition) {
        return scenario().identity(st("Allow", "ecs:RunTask", "*", condition));
    }

    static {
        // ------------------------------------------------------------------ actions
        String a = "[action] ";
        c("exact action", a + "Action lists the actions the statement covers", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask", "*")));
        c("action names are case-insensitive", a + "Action names are not case sensitive", ALLOW,
                scenario().identity(st("Allow", "ECS:runtask", "*")));
        c("'*' covers every action", a + "'*' alone means all actions of all services", ALLOW,
                scenario().identity(st("Allow", "*", "*")));
        c("service wildcard", a + "'ecs:*' covers all actions of the service", ALLOW,
                scenario().identity(st("Allow", "ecs:*", "*")));
        c("service wildcard stays in its service", a + "the service prefix must match", IMPLICIT,
                scenario().on("ec2:RunInstances", "*").identity(st("Allow", "ecs:*", "*")));
        c("prefix wildcard matches", a + "'*' matches any sequence of characters", ALLOW,
                scenario().on("ecs:DescribeTasks", "*").identity(st("Allow", "ecs:Describe*", "*")));
        c("prefix wildcard does not match other names", a + "'Describe*' covers only names starting Describe", IMPLICIT,
                scenario().on("ecs:ListTasks", "*").identity(st("Allow", "ecs:Describe*", "*")));
        c("'?' matches one character", a + "'?' matches any single character", ALLOW,
                scenario().identity(st("Allow", "ecs:?unTask", "*")));
        c("'?' does not match two characters", a + "'?' matches exactly one character", IMPLICIT,
                scenario().on("ecs:StartTask", "*").identity(st("Allow", "ecs:?unTask", "*")));
        c("infix wildcard", a + "wildcards may appear anywhere in the action name", ALLOW,
                scenario().on("ecs:StopTask", "*").identity(st("Allow", "ecs:*Task*", "*")));
        c("list of actions, second matches", a + "Action may be an array; any entry may match", ALLOW,
                scenario().identity(st("Allow", "['ecs:ListTasks','ecs:RunTask']", "*")));
        c("unlisted action is implicitly denied", a + "an action no statement covers is not allowed", IMPLICIT,
                scenario().identity(st("Allow", "['ecs:ListTasks','ecs:StopTask']", "*")));
        c("'*' matches the empty string", a + "'*' matches zero or more characters", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask*", "*")));
        c("'?' requires a character", a + "'?' never matches nothing", IMPLICIT,
                scenario().identity(st("Allow", "ecs:RunTask?", "*")));
        c("NotAction allows all but the listed", a + "[notaction] Allow with NotAction allows every other action", IMPLICIT,
                scenario().on("iam:CreateUser", "*").identity("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"));
        c("NotAction allows an unlisted action", a + "[notaction] actions not listed are allowed", ALLOW,
                scenario().identity("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"));
        c("Deny with NotAction spares the listed action", a + "[notaction] Deny with NotAction denies every other action", ALLOW,
                scenario().identity(st("Allow", "*", "*"), "{'Effect':'Deny','NotAction':'ecs:*','Resource':'*'}"));
        c("Deny with NotAction denies the rest", a + "[notaction] Deny with NotAction denies every other action", EXPLICIT,
                scenario().on("iam:CreateUser", "*").identity(st("Allow", "*", "*"), "{'Effect':'Deny','NotAction':'ecs:*','Resource':'*'}"));
        c("NotAction list", a + "[notaction] NotAction may list several patterns", IMPLICIT,
                scenario().on("ecs:DeleteCluster", "*").identity("{'Effect':'Allow','NotAction':['iam:*','ecs:Delete*'],'Resource':'*'}"));

        // ------------------------------------------------------------------ resources
        String r = "[resource] ";
        c("exact resource ARN", r + "Resource names the ARN the statement covers", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask", TASKDEF)));
        c("'*' resource", r + "'*' covers all resources", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask", "*")));
        c("wildcard in the resource segment", r + "wildcards within the resource part", ALLOW,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:us-east-1:" + A + ":cluster/*")));
        c("other account does not match", r + "each ARN segment must match", IMPLICIT,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:us-east-1:" + B + ":cluster/*")));
        c("wildcard region segment", r + "'*' may stand for a whole segment", ALLOW,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:*:" + A + ":cluster/default")));
        c("'?' within the region segment", r + "'?' within a segment", ALLOW,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:us-east-?:" + A + ":cluster/default")));
        c("trailing '*' of the last segment spans colons", r + "a '*' at the end of a segment can expand beyond the colon boundaries", ALLOW,
                scenario().on("ecs:StopTask", TASK).identity(st("Allow", "ecs:StopTask", "arn:aws:ecs:*")));
        c("trailing '*' after the region", r + "a '*' at the end of a segment can expand beyond the colon boundaries", ALLOW,
                scenario().on("ecs:StopTask", TASK).identity(st("Allow", "ecs:StopTask", "arn:aws:ecs:us-east-1:*")));
        c("fewer segments without '*' do not match", r + "each segment is matched, none may be missing", IMPLICIT,
                scenario().on("ecs:StopTask", TASK).identity(st("Allow", "ecs:StopTask", "arn:aws:ecs:us-east-1:" + A)));
        c("resource part holding a colon", r + "the resource part may contain colons", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask", "arn:aws:ecs:us-east-1:" + A + ":task-definition/web:*")));
        c("resource part colon is literal", r + "the resource part is matched as a whole", IMPLICIT,
                scenario().identity(st("Allow", "ecs:RunTask", "arn:aws:ecs:us-east-1:" + A + ":task-definition/webx:*")));
        c("'*' in the resource part spans slashes", r + "'*' matches any characters including '/'", ALLOW,
                scenario().on("ecs:StopTask", TASK).identity(st("Allow", "ecs:StopTask", "arn:aws:ecs:us-east-1:" + A + ":task/*")));
        c("resource type must match", r + "cluster/* does not cover tasks", IMPLICIT,
                scenario().on("ecs:StopTask", TASK).identity(st("Allow", "ecs:StopTask", "arn:aws:ecs:us-east-1:" + A + ":cluster/*")));
        c("ARN matching is case-sensitive", r + "resource ARNs are case sensitive", IMPLICIT,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:us-east-1:" + A + ":cluster/Default")));
        c("'*' in a middle segment stays in its segment", r + "wildcards match within a segment", IMPLICIT,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:*:cluster/default")));
        c("empty segments match empty segments", r + "S3 ARNs have empty region and account", ALLOW,
                scenario().on("s3:GetObject", "arn:aws:s3:::bucket/key").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::bucket/*")));
        c("object key with colons", r + "the resource part may contain colons", ALLOW,
                scenario().on("s3:GetObject", "arn:aws:s3:::bucket/a:b:c").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::bucket/*")));
        c("NotResource: the listed resource is not allowed", r + "[notresource] Allow with NotResource covers all other resources", IMPLICIT,
                scenario().identity("{'Effect':'Allow','Action':'ecs:RunTask','NotResource':'" + TASKDEF + "'}"));
        c("NotResource: other resources are allowed", r + "[notresource] Allow with NotResource covers all other resources", ALLOW,
                scenario().identity("{'Effect':'Allow','Action':'ecs:RunTask','NotResource':'arn:aws:ecs:us-east-1:" + A + ":task-definition/db:*'}"));
        c("Deny with NotResource denies the rest", r + "[notresource] Deny with NotResource denies every other resource", EXPLICIT,
                scenario().on("s3:GetObject", "arn:aws:s3:::other/key").identity(st("Allow", "s3:*", "*"),
                        "{'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::bucket','arn:aws:s3:::bucket/*']}"));
        c("Deny with NotResource spares the listed", r + "[notresource] Deny with NotResource denies every other resource", ALLOW,
                scenario().on("s3:GetObject", "arn:aws:s3:::bucket/key").identity(st("Allow", "s3:*", "*"),
                        "{'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::bucket','arn:aws:s3:::bucket/*']}"));
        c("request on '*' needs Resource '*'", r + "actions without resource-level permissions need Resource '*'", IMPLICIT,
                scenario().on("ecs:ListClusters", "*").identity(st("Allow", "ecs:ListClusters", "arn:aws:ecs:*:*:*")));
        c("list of resources, second matches", r + "Resource may be an array", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask", "['" + CLUSTER + "','" + TASKDEF + "']")));
        c("trailing '*' after the account", r + "a '*' at the end of a segment can expand beyond the colon boundaries", ALLOW,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:us-east-1:" + A + ":*")));
        c("'?' in the account segment", r + "'?' within a segment", ALLOW,
                scenario().on("ecs:DescribeClusters", CLUSTER).identity(st("Allow", "ecs:DescribeClusters", "arn:aws:ecs:us-east-1:11112222333?:cluster/default")));

        // ------------------------------------------------------------------ policy variables
        String v = "[variables] ";
        String userArn = "arn:aws:iam::" + A + ":user/";
        c("${aws:username} in Resource", v + "${aws:username} is replaced with the caller's user name", ALLOW,
                scenario().on("iam:ChangePassword", userArn + "alice").identity(st("Allow", "iam:ChangePassword", userArn + "${aws:username}")));
        c("${aws:username} does not cover another user", v + "the variable takes the caller's value", IMPLICIT,
                scenario().on("iam:ChangePassword", userArn + "bob").identity(st("Allow", "iam:ChangePassword", userArn + "${aws:username}")));
        c("variables are literal text in 2008-10-17", v + "in Version 2008-10-17 variables are treated as literal strings", IMPLICIT,
                scenario().on("iam:ChangePassword", userArn + "alice").identityDocument(
                        "{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Action':'iam:ChangePassword','Resource':'" + userArn + "${aws:username}'}]}"));
        c("variables are literal text without Version", v + "a missing Version defaults to 2008-10-17", IMPLICIT,
                scenario().on("iam:ChangePassword", userArn + "alice").identityDocument(
                        "{'Statement':[{'Effect':'Allow','Action':'iam:ChangePassword','Resource':'" + userArn + "${aws:username}'}]}"));
        c("${aws:PrincipalTag/team} in Resource", v + "principal tags as variables", ALLOW,
                scenario().on("s3:GetObject", "arn:aws:s3:::shared/blue/report").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::shared/${aws:PrincipalTag/team}/*")));
        c("missing tag variable matches nothing", v + "a variable with no value in the request context does not match", IMPLICIT,
                scenario().as(BOB).on("s3:GetObject", "arn:aws:s3:::shared/blue/report").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::shared/${aws:PrincipalTag/team}/*")));
        c("default value of a missing variable", v + "${key, 'default'} supplies a default value", ALLOW,
                scenario().as(BOB).on("s3:GetObject", "arn:aws:s3:::shared/common/report").identityJson(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared/${aws:PrincipalTag/team, 'common'}/*\"}]}"));
        c("${*} is a literal asterisk", v + "${*} stands for the character '*'", ALLOW,
                scenario().on("s3:GetObject", "arn:aws:s3:::bucket/*").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::bucket/${*}")));
        c("${*} is not a wildcard", v + "${*} stands for the character '*'", IMPLICIT,
                scenario().on("s3:GetObject", "arn:aws:s3:::bucket/key").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::bucket/${*}")));
        c("${?} is a literal question mark", v + "${?} stands for the character '?'", IMPLICIT,
                scenario().on("s3:GetObject", "arn:aws:s3:::bucket/a").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::bucket/${?}")));
        c("${$} is a literal dollar", v + "${$} stands for the character '$'", ALLOW,
                scenario().on("s3:GetObject", "arn:aws:s3:::bucket/$x").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::bucket/${$}x")));
        c("variable in a condition value", v + "variables can be used in condition values", ALLOW,
                when("{'StringEquals':{'aws:RequestTag/owner':'${aws:username}'}}").ctx("aws:RequestTag/owner", "alice"));
        c("variable in a condition value, other value", v + "variables can be used in condition values", IMPLICIT,
                when("{'StringEquals':{'aws:RequestTag/owner':'${aws:username}'}}").ctx("aws:RequestTag/owner", "bob"));
        c("${aws:userid} of a role session", v + "aws:userid of a role session is role-id:session-name", ALLOW,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*", "{'StringLike':{'aws:RequestTag/by':'${aws:userid}'}}"))
                        .ctx("aws:RequestTag/by", "AROADEPLOYER:build-42"));
        c("variable values are literal, never wildcards", v + "a variable's value is inserted as text", IMPLICIT,
                scenario().on("s3:GetObject", "arn:aws:s3:::shared/anything").identity(st("Allow", "s3:GetObject", "arn:aws:s3:::shared/${aws:PrincipalTag/wild}")));

        // ------------------------------------------------------------------ string operators
        String o = "[operators] ";
        c("StringEquals matches", o + "StringEquals: exact, case-sensitive", ALLOW,
                when("{'StringEquals':{'aws:RequestedRegion':'us-east-1'}}").ctx("aws:RequestedRegion", "us-east-1"));
        c("StringEquals mismatch", o + "StringEquals: exact, case-sensitive", IMPLICIT,
                when("{'StringEquals':{'aws:RequestedRegion':'us-east-1'}}").ctx("aws:RequestedRegion", "eu-west-1"));
        c("StringEquals is case-sensitive", o + "StringEquals: exact, case-sensitive", IMPLICIT,
                when("{'StringEquals':{'aws:RequestedRegion':'US-EAST-1'}}").ctx("aws:RequestedRegion", "us-east-1"));
        c("values of one key are OR-ed", o + "multiple values for one key: logical OR", ALLOW,
                when("{'StringEquals':{'aws:RequestedRegion':['eu-west-1','us-east-1']}}").ctx("aws:RequestedRegion", "us-east-1"));
        c("StringEquals on an absent key is false", o + "a key absent from the request context does not match", IMPLICIT,
                when("{'StringEquals':{'aws:RequestedRegion':'us-east-1'}}"));
        c("StringNotEquals on another value", o + "StringNotEquals: negated matching", ALLOW,
                when("{'StringNotEquals':{'aws:RequestedRegion':'us-east-1'}}").ctx("aws:RequestedRegion", "eu-west-1"));
        c("StringNotEquals on the same value", o + "StringNotEquals: negated matching", IMPLICIT,
                when("{'StringNotEquals':{'aws:RequestedRegion':'us-east-1'}}").ctx("aws:RequestedRegion", "us-east-1"));
        c("StringNotEquals on an absent key is true", o + "a negated operator is true when the key is not present", ALLOW,
                when("{'StringNotEquals':{'aws:RequestedRegion':'us-east-1'}}"));
        c("negated operator values are NOR-ed", o + "multiple values of a negated operator: logical NOR", IMPLICIT,
                when("{'StringNotEquals':{'aws:RequestedRegion':['eu-west-1','us-east-1']}}").ctx("aws:RequestedRegion", "us-east-1"));
        c("StringEqualsIgnoreCase", o + "StringEqualsIgnoreCase ignores case", ALLOW,
                when("{'StringEqualsIgnoreCase':{'aws:RequestTag/env':'PROD'}}").ctx("aws:RequestTag/env", "prod"));
        c("StringNotEqualsIgnoreCase", o + "StringNotEqualsIgnoreCase: negated, ignoring case", IMPLICIT,
                when("{'StringNotEqualsIgnoreCase':{'aws:RequestTag/env':'PROD'}}").ctx("aws:RequestTag/env", "Prod"));
        c("StringLike with '*'", o + "StringLike: multi-character wildcard", ALLOW,
                when("{'StringLike':{'aws:RequestTag/env':'pro*'}}").ctx("aws:RequestTag/env", "production"));
        c("StringLike with '?'", o + "StringLike: single-character wildcard", ALLOW,
                when("{'StringLike':{'aws:RequestTag/env':'d?v'}}").ctx("aws:RequestTag/env", "dev"));
        c("StringLike mismatch", o + "StringLike: case-sensitive pattern", IMPLICIT,
                when("{'StringLike':{'aws:RequestTag/env':'pro*'}}").ctx("aws:RequestTag/env", "Production"));
        c("StringNotLike on a non-matching value", o + "StringNotLike: negated pattern", ALLOW,
                when("{'StringNotLike':{'aws:RequestTag/env':'pro*'}}").ctx("aws:RequestTag/env", "dev"));
        c("StringNotLike on an absent key", o + "a negated operator is true when the key is not present", ALLOW,
                when("{'StringNotLike':{'aws:RequestTag/env':'pro*'}}"));
        c("StringEquals takes '*' literally", o + "StringEquals has no wildcards", IMPLICIT,
                when("{'StringEquals':{'aws:RequestTag/env':'*'}}").ctx("aws:RequestTag/env", "prod"));

        // ------------------------------------------------------------------ numeric operators
        c("NumericEquals", o + "NumericEquals", ALLOW,
                when("{'NumericEquals':{'ecs:count':'3'}}").ctx("ecs:count", "3"));
        c("NumericLessThan true", o + "NumericLessThan", ALLOW,
                when("{'NumericLessThan':{'ecs:count':'10'}}").ctx("ecs:count", "3"));
        c("NumericLessThan false", o + "NumericLessThan", IMPLICIT,
                when("{'NumericLessThan':{'ecs:count':'10'}}").ctx("ecs:count", "10"));
        c("NumericLessThanEquals boundary", o + "NumericLessThanEquals", ALLOW,
                when("{'NumericLessThanEquals':{'ecs:count':'10'}}").ctx("ecs:count", "10"));
        c("NumericGreaterThan", o + "NumericGreaterThan", ALLOW,
                when("{'NumericGreaterThan':{'ecs:count':'1'}}").ctx("ecs:count", "2"));
        c("NumericGreaterThanEquals false", o + "NumericGreaterThanEquals", IMPLICIT,
                when("{'NumericGreaterThanEquals':{'ecs:count':'5'}}").ctx("ecs:count", "4"));
        c("NumericNotEquals", o + "NumericNotEquals: negated", ALLOW,
                when("{'NumericNotEquals':{'ecs:count':'5'}}").ctx("ecs:count", "4"));
        c("numeric operator on a non-number", o + "values that are not numbers do not match", IMPLICIT,
                when("{'NumericLessThan':{'ecs:count':'10'}}").ctx("ecs:count", "many"));
        c("decimal comparison", o + "numeric operators compare decimals", ALLOW,
                when("{'NumericLessThan':{'ecs:ratio':'2'}}").ctx("ecs:ratio", "1.5"));
        c("JSON number as a policy value", o + "numeric values may be JSON numbers", ALLOW,
                when("{'NumericEquals':{'ecs:count':3}}").ctx("ecs:count", "3.0"));

        // ------------------------------------------------------------------ date operators
        c("DateLessThan on aws:CurrentTime", o + "DateLessThan with ISO 8601 dates", ALLOW,
                when("{'DateLessThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}}").ctx("aws:CurrentTime", "2026-05-01T12:00:00Z"));
        c("DateGreaterThan false", o + "DateGreaterThan", IMPLICIT,
                when("{'DateGreaterThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}}").ctx("aws:CurrentTime", "2026-05-01T12:00:00Z"));
        c("epoch seconds against ISO 8601", o + "dates as ISO 8601 or epoch seconds", ALLOW,
                when("{'DateGreaterThan':{'aws:CurrentTime':'1577836800'}}").ctx("aws:CurrentTime", "2026-05-01T12:00:00Z"));
        c("DateEquals across representations", o + "DateEquals compares instants", ALLOW,
                when("{'DateEquals':{'aws:EpochTime':'2020-01-01T00:00:00Z'}}").ctx("aws:EpochTime", "1577836800"));
        c("DateNotEquals", o + "DateNotEquals: negated", IMPLICIT,
                when("{'DateNotEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}").ctx("aws:CurrentTime", "2020-01-01T00:00:00Z"));
        c("date with a zone offset", o + "ISO 8601 offsets are honoured", ALLOW,
                when("{'DateEquals':{'aws:CurrentTime':'2020-01-01T01:00:00+01:00'}}").ctx("aws:CurrentTime", "2020-01-01T00:00:00Z"));
        c("DateLessThanEquals boundary", o + "DateLessThanEquals", ALLOW,
                when("{'DateLessThanEquals':{'aws:CurrentTime':'2020-01-01'}}").ctx("aws:CurrentTime", "2020-01-01T00:00:00Z"));
        c("DateGreaterThanEquals", o + "DateGreaterThanEquals", ALLOW,
                when("{'DateGreaterThanEquals':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}}").ctx("aws:CurrentTime", "2021-06-30T10:00:00.123Z"));
        c("date operator on a non-date", o + "values that are not dates do not match", IMPLICIT,
                when("{'DateLessThan':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}}").ctx("aws:CurrentTime", "yesterday"));

        // ------------------------------------------------------------------ Bool, Binary
        c("Bool true", o + "Bool", ALLOW,
                when("{'Bool':{'aws:SecureTransport':'true'}}").ctx("aws:SecureTransport", "true"));
        c("Bool mismatch", o + "Bool", IMPLICIT,
                when("{'Bool':{'aws:SecureTransport':'true'}}").ctx("aws:SecureTransport", "false"));
        c("Bool on an absent key", o + "a key absent from the request context does not match", IMPLICIT,
                when("{'Bool':{'aws:SecureTransport':'true'}}"));
        c("Bool with a JSON boolean", o + "Bool values may be JSON booleans", ALLOW,
                when("{'Bool':{'aws:SecureTransport':true}}").ctx("aws:SecureTransport", "true"));
        c("Bool ignores case", o + "Bool compares true/false without case", ALLOW,
                when("{'Bool':{'aws:SecureTransport':'True'}}").ctx("aws:SecureTransport", "true"));
        c("BoolIfExists on an absent key", o + "...IfExists: true when the key is not present", ALLOW,
                when("{'BoolIfExists':{'aws:MultiFactorAuthPresent':'true'}}"));
        c("Deny over plain HTTP", o + "deny when aws:SecureTransport is false", EXPLICIT,
                scenario().identity(st("Allow", "*", "*"), st("Deny", "*", "*", "{'Bool':{'aws:SecureTransport':'false'}}"))
                        .ctx("aws:SecureTransport", "false"));
        c("BinaryEquals", o + "BinaryEquals compares base-64 values", ALLOW,
                when("{'BinaryEquals':{'ecs:blob':'QmluYXJ5VmFsdWVJbkJhc2U2NA=='}}").ctx("ecs:blob", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="));

        // ------------------------------------------------------------------ IP address
        c("IpAddress inside the CIDR", o + "IpAddress: IPv4 CIDR", ALLOW,
                when("{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}").ctx("aws:SourceIp", "203.0.113.77"));
        c("IpAddress outside the CIDR", o + "IpAddress: IPv4 CIDR", IMPLICIT,
                when("{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}").ctx("aws:SourceIp", "203.0.114.1"));
        c("IpAddress with a single address", o + "an address without a prefix is one host", ALLOW,
                when("{'IpAddress':{'aws:SourceIp':'198.51.100.7'}}").ctx("aws:SourceIp", "198.51.100.7"));
        c("NotIpAddress outside", o + "NotIpAddress: negated", ALLOW,
                when("{'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}}").ctx("aws:SourceIp", "192.0.2.1"));
        c("IpAddress IPv6", o + "IpAddress: IPv6 CIDR", ALLOW,
                when("{'IpAddress':{'aws:SourceIp':'2001:DB8:1234:5678::/64'}}").ctx("aws:SourceIp", "2001:db8:1234:5678:abcd::1"));
        c("IpAddress IPv6 outside", o + "IpAddress: IPv6 CIDR", IMPLICIT,
                when("{'IpAddress':{'aws:SourceIp':'2001:DB8:1234:5678::/64'}}").ctx("aws:SourceIp", "2001:db8:1234:5679::1"));
        c("IPv4 request against an IPv6 block", o + "address families do not mix", IMPLICIT,
                when("{'IpAddress':{'aws:SourceIp':'::/0'}}").ctx("aws:SourceIp", "203.0.113.1"));
        c("several CIDRs are OR-ed", o + "multiple values: logical OR", ALLOW,
                when("{'IpAddress':{'aws:SourceIp':['192.0.2.0/24','203.0.113.0/24']}}").ctx("aws:SourceIp", "203.0.113.1"));
        c("NotIpAddress on an absent key", o + "a negated operator is true when the key is not present", ALLOW,
                when("{'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}}"));
        c("/0 covers every IPv4 address", o + "IpAddress: prefix length", ALLOW,
                when("{'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}}").ctx("aws:SourceIp", "8.8.8.8"));
        c("odd prefix length", o + "IpAddress: prefix length", ALLOW,
                when("{'IpAddress':{'aws:SourceIp':'10.0.0.0/13'}}").ctx("aws:SourceIp", "10.7.255.255"));

        // ------------------------------------------------------------------ ARN operators
        c("ArnLike with wildcards", o + "ArnLike: each ARN segment checked separately, wildcards allowed", ALLOW,
                when("{'ArnLike':{'aws:SourceArn':'arn:aws:ecs:*:" + A + ":cluster/*'}}").ctx("aws:SourceArn", CLUSTER));
        c("ArnEquals behaves as ArnLike", o + "ArnEquals and ArnLike match the same way", ALLOW,
                when("{'ArnEquals':{'aws:SourceArn':'arn:aws:ecs:us-east-1:" + A + ":cluster/*'}}").ctx("aws:SourceArn", CLUSTER));
        c("ArnNotLike", o + "ArnNotLike: negated", IMPLICIT,
                when("{'ArnNotLike':{'aws:SourceArn':'arn:aws:ecs:*:*:cluster/*'}}").ctx("aws:SourceArn", CLUSTER));
        c("ArnLike on aws:PrincipalArn of a session", o + "[keys] aws:PrincipalArn of a role session is the role ARN", ALLOW,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*", "{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::" + A + ":role/deploy*'}}")));
        c("ArnEquals segment mismatch", o + "each segment must match", IMPLICIT,
                when("{'ArnEquals':{'aws:SourceArn':'arn:aws:ecs:us-west-2:" + A + ":cluster/default'}}").ctx("aws:SourceArn", CLUSTER));
        c("ArnLike on an absent key", o + "a key absent from the request context does not match", IMPLICIT,
                when("{'ArnLike':{'aws:SourceArn':'arn:aws:ecs:*'}}"));
        c("ArnNotEquals on an absent key", o + "a negated operator is true when the key is not present", ALLOW,
                when("{'ArnNotEquals':{'aws:SourceArn':'arn:aws:ecs:*'}}"));

        // ------------------------------------------------------------------ Null, IfExists
        c("Null true and the key is absent", o + "Null: true means the key is absent", ALLOW,
                when("{'Null':{'aws:RequestTag/env':'true'}}"));
        c("Null true and the key is present", o + "Null: true means the key is absent", IMPLICIT,
                when("{'Null':{'aws:RequestTag/env':'true'}}").ctx("aws:RequestTag/env", "prod"));
        c("Null false and the key is present", o + "Null: false means the key is present", ALLOW,
                when("{'Null':{'aws:RequestTag/env':'false'}}").ctx("aws:RequestTag/env", "prod"));
        c("Null false and the key is absent", o + "Null: false means the key is present", IMPLICIT,
                when("{'Null':{'aws:RequestTag/env':'false'}}"));
        c("StringEqualsIfExists, key absent", o + "...IfExists: true when the key is not present", ALLOW,
                when("{'StringEqualsIfExists':{'ec2:InstanceType':'t3.micro'}}"));
        c("StringEqualsIfExists, key present and different", o + "...IfExists: the operator applies when the key is present", IMPLICIT,
                when("{'StringEqualsIfExists':{'ec2:InstanceType':'t3.micro'}}").ctx("ec2:InstanceType", "m5.large"));
        c("NumericLessThanIfExists, key present", o + "...IfExists: the operator applies when the key is present", ALLOW,
                when("{'NumericLessThanIfExists':{'ecs:count':'5'}}").ctx("ecs:count", "2"));

        // ------------------------------------------------------------------ multivalued keys
        String m = "[multivalued] ";
        c("ForAllValues: every request value listed", m + "ForAllValues: true if every request value matches a policy value", ALLOW,
                when("{'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}}").ctx("aws:TagKeys", "env", "team"));
        c("ForAllValues: one value not listed", m + "ForAllValues: every value must match", IMPLICIT,
                when("{'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}}").ctx("aws:TagKeys", "env", "cost"));
        c("ForAllValues: absent key", m + "ForAllValues returns true when the key is absent (an empty set)", ALLOW,
                when("{'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}}"));
        c("ForAnyValue: one value listed", m + "ForAnyValue: true if any request value matches", ALLOW,
                when("{'ForAnyValue:StringEquals':{'aws:TagKeys':['env']}}").ctx("aws:TagKeys", "cost", "env"));
        c("ForAnyValue: no value listed", m + "ForAnyValue: at least one value must match", IMPLICIT,
                when("{'ForAnyValue:StringEquals':{'aws:TagKeys':['env']}}").ctx("aws:TagKeys", "cost", "owner"));
        c("ForAnyValue: absent key", m + "ForAnyValue returns false when the key is absent", IMPLICIT,
                when("{'ForAnyValue:StringEquals':{'aws:TagKeys':['env']}}"));
        c("ForAllValues:StringLike", m + "set operators combine with any operator", ALLOW,
                when("{'ForAllValues:StringLike':{'aws:TagKeys':['team*','env']}}").ctx("aws:TagKeys", "team-a", "env"));
        c("ForAnyValue:StringNotEquals", m + "ForAnyValue with a negated operator: some value matches none", ALLOW,
                when("{'ForAnyValue:StringNotEquals':{'aws:TagKeys':['env']}}").ctx("aws:TagKeys", "env", "cost"));
        c("ForAllValues:StringNotEquals", m + "ForAllValues with a negated operator: no value is listed", IMPLICIT,
                when("{'ForAllValues:StringNotEquals':{'aws:TagKeys':['env']}}").ctx("aws:TagKeys", "env", "cost"));
        c("ForAllValues with IfExists, key absent", m + "...IfExists with a set operator", ALLOW,
                when("{'ForAllValues:StringEqualsIfExists':{'aws:TagKeys':['env']}}"));
        c("single-valued operator on a multivalued key", m + "without a set operator any request value may match", ALLOW,
                when("{'StringEquals':{'aws:TagKeys':'env'}}").ctx("aws:TagKeys", "cost", "env"));
        c("negated single-valued operator on a multivalued key", m + "a negated operator fails when any value matches", IMPLICIT,
                when("{'StringNotEquals':{'aws:TagKeys':'env'}}").ctx("aws:TagKeys", "cost", "env"));

        // ------------------------------------------------------------------ combining conditions, keys
        String k = "[keys] ";
        c("several keys in one operator: all hold", "[condition] keys within one operator are AND-ed", ALLOW,
                when("{'StringEquals':{'aws:RequestedRegion':'us-east-1','aws:RequestTag/env':'prod'}}")
                        .ctx("aws:RequestedRegion", "us-east-1").ctx("aws:RequestTag/env", "prod"));
        c("several keys in one operator: one fails", "[condition] keys within one operator are AND-ed", IMPLICIT,
                when("{'StringEquals':{'aws:RequestedRegion':'us-east-1','aws:RequestTag/env':'prod'}}")
                        .ctx("aws:RequestedRegion", "us-east-1").ctx("aws:RequestTag/env", "dev"));
        c("several operators: one fails", "[condition] operators of a Condition block are AND-ed", IMPLICIT,
                when("{'StringEquals':{'aws:RequestedRegion':'us-east-1'},'Bool':{'aws:SecureTransport':'true'}}")
                        .ctx("aws:RequestedRegion", "us-east-1").ctx("aws:SecureTransport", "false"));
        c("condition key names ignore case", k + "condition key names are not case-sensitive", ALLOW,
                when("{'IpAddress':{'AWS:SOURCEIP':'203.0.113.0/24'}}").ctx("aws:SourceIp", "203.0.113.9"));
        c("region guard with aws:RequestedRegion", k + "aws:RequestedRegion: deny outside the approved regions", EXPLICIT,
                scenario().identity(st("Allow", "*", "*"), st("Deny", "*", "*", "{'StringNotEquals':{'aws:RequestedRegion':['us-east-1']}}"))
                        .ctx("aws:RequestedRegion", "ap-south-1"));
        c("region guard, approved region", k + "aws:RequestedRegion: deny outside the approved regions", ALLOW,
                scenario().identity(st("Allow", "*", "*"), st("Deny", "*", "*", "{'StringNotEquals':{'aws:RequestedRegion':['us-east-1']}}"))
                        .ctx("aws:RequestedRegion", "us-east-1"));
        c("aws:ResourceTag tag key ignores case", k + "aws:ResourceTag/tag-key", ALLOW,
                when("{'StringEquals':{'aws:ResourceTag/Environment':'prod'}}").ctx("aws:resourcetag/environment", "prod"));
        c("aws:username of a user", k + "aws:username", ALLOW,
                when("{'StringEquals':{'aws:username':'alice'}}"));
        c("aws:username is absent for a role session", k + "aws:username is present for IAM users only", IMPLICIT,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*", "{'StringEquals':{'aws:username':'build-42'}}")));
        c("aws:PrincipalTag", k + "aws:PrincipalTag/tag-key", ALLOW,
                when("{'StringEquals':{'aws:PrincipalTag/team':'blue'}}"));
        c("aws:PrincipalType of a session", k + "aws:PrincipalType is AssumedRole for role sessions", ALLOW,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*", "{'StringEquals':{'aws:PrincipalType':'AssumedRole'}}")));
        c("aws:PrincipalAccount", k + "aws:PrincipalAccount", ALLOW,
                when("{'StringEquals':{'aws:PrincipalAccount':'" + A + "'}}"));
        c("request context cannot forge aws:username", k + "principal keys come from the authenticated principal", IMPLICIT,
                when("{'StringEquals':{'aws:username':'admin'}}").ctx("aws:username", "admin"));
        c("aws:PrincipalTag of a session", k + "session tags are principal tags", IMPLICIT,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*", "{'StringEquals':{'aws:PrincipalTag/team':'blue'}}")));
        c("unknown operator with no keys is ignored", "[condition] an operator with an empty block tests nothing", ALLOW,
                when("{'SomeFutureOperator':{}}"));

        // ------------------------------------------------------------------ evaluation logic
        String l = "[logic] ";
        c("no policy at all", l + "by default all requests are implicitly denied", IMPLICIT, scenario());
        c("explicit deny in the same policy", l + "an explicit deny overrides any allow", EXPLICIT,
                scenario().identity(st("Allow", "ecs:*", "*"), st("Deny", "ecs:RunTask", "*")));
        c("explicit deny in another policy", l + "an explicit deny in any policy overrides allows", EXPLICIT,
                scenario().identity(st("Allow", "ecs:*", "*")).identity(st("Deny", "ecs:RunTask", TASKDEF)));
        c("a deny whose condition fails does not apply", l + "a statement applies only when its conditions hold", ALLOW,
                scenario().identity(st("Allow", "ecs:*", "*"), st("Deny", "ecs:RunTask", "*", "{'Bool':{'aws:SecureTransport':'false'}}"))
                        .ctx("aws:SecureTransport", "true"));
        c("a deny for another action does not apply", l + "statements apply to their actions only", ALLOW,
                scenario().identity(st("Allow", "ecs:*", "*"), st("Deny", "ecs:StopTask", "*")));
        c("an allow in any identity policy suffices", l + "identity-based policies are a union", ALLOW,
                scenario().identity(st("Allow", "ecs:List*", "*")).identity(st("Allow", "ecs:RunTask", "*")));
        c("the root user needs no policy", l + "the account root user has full access", ALLOW, scenario().as(ROOT));
        c("a resource policy can deny the root user", l + "an explicit deny in a resource-based policy applies to the root user", EXPLICIT,
                scenario().as(ROOT).resourcePolicy(pst("Deny", "*", "ecs:RunTask", "*")));
        c("boundary without the action", "[boundaries] effective permissions are the intersection of identity policy and boundary", IMPLICIT,
                scenario().identity(st("Allow", "ecs:*", "*")).boundary(st("Allow", "ecs:List*", "*")));
        c("boundary alone grants nothing", "[boundaries] a boundary does not grant permissions by itself", IMPLICIT,
                scenario().boundary(st("Allow", "*", "*")));
        c("identity policy and boundary both allow", "[boundaries] the intersection is allowed", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask", "*")).boundary(st("Allow", "ecs:*", "*")));
        c("deny in a boundary", "[boundaries] an explicit deny in the boundary overrides", EXPLICIT,
                scenario().identity(st("Allow", "ecs:RunTask", "*")).boundary(st("Allow", "*", "*"), st("Deny", "ecs:RunTask", "*")));
        c("session policy without the action", "[session] effective permissions: identity policies ∩ session policies", IMPLICIT,
                scenario().as(SESSION).identity(st("Allow", "ecs:*", "*")).session(st("Allow", "ecs:List*", "*")));
        c("session policy alone grants nothing", "[session] session policies limit, never grant", IMPLICIT,
                scenario().as(SESSION).session(st("Allow", "*", "*")));
        c("identity and session policies both allow", "[session] the intersection is allowed", ALLOW,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*")).session(st("Allow", "ecs:*", "*")));
        c("any of several session policies may allow", "[session] the inline and managed session policies together", ALLOW,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*")).session(st("Allow", "s3:*", "*")).session(st("Allow", "ecs:RunTask", "*")));
        c("deny in a session policy", "[session] an explicit deny in a session policy overrides", EXPLICIT,
                scenario().as(SESSION).identity(st("Allow", "ecs:RunTask", "*")).session(st("Allow", "*", "*"), st("Deny", "ecs:Run*", "*")));

        // ------------------------------------------------------------------ resource-based policies in the account
        String rb = "[logic] resource-based policies: ";
        c("resource policy naming the user", rb + "within an account, an allow for the user ARN suffices", ALLOW,
                scenario().resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "ecs:RunTask", "*")));
        c("resource policy naming the user beats a boundary", "[boundaries] a resource policy naming the IAM user ARN is not limited by the boundary", ALLOW,
                scenario().boundary(st("Allow", "s3:*", "*")).resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "ecs:RunTask", "*")));
        c("resource policy naming another user", rb + "principals must match", IMPLICIT,
                scenario().resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/bob'}", "ecs:RunTask", "*")));
        c("resource policy naming the account delegates", rb + "an account principal delegates to the account's identity policies", IMPLICIT,
                scenario().resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":root'}", "ecs:RunTask", "*")));
        c("account delegation plus identity allow", rb + "an account principal delegates to the account's identity policies", ALLOW,
                scenario().identity(st("Allow", "ecs:RunTask", "*")).resourcePolicy(pst("Allow", "{'AWS':'" + A + "'}", "ecs:RunTask", "*")));
        c("resource policy naming the role", rb + "an allow for the role ARN is not limited by identity policies", ALLOW,
                scenario().as(SESSION).resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":role/deployer'}", "ecs:RunTask", "*")));
        c("role ARN grant limited by the session policy", "[session] permissions granted to the role ARN are limited by session policies", IMPLICIT,
                scenario().as(SESSION).session(st("Allow", "s3:*", "*")).resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":role/deployer'}", "ecs:RunTask", "*")));
        c("role ARN grant limited by the boundary", "[boundaries] resource policies granting the role ARN are limited by the boundary", IMPLICIT,
                scenario().as(SESSION).boundary(st("Allow", "s3:*", "*")).resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + A + ":role/deployer'}", "ecs:RunTask", "*")));
        c("session ARN grant is not limited by the session policy", "[session] permissions granted to the session ARN are not limited by session policies", ALLOW,
                scenario().as(SESSION).session(st("Allow", "s3:*", "*")).boundary(st("Allow", "s3:*", "*"))
                        .resourcePolicy(pst("Allow", "{'AWS':'arn:aws:sts::" + A + ":assumed-role/deployer/build-42'}", "ecs:RunTask", "*")));
        c("resource policy deny for the caller", rb + "an explicit deny in the resource policy overrides identity allows", EXPLICIT,
                scenario().identity(st("Allow", "*", "*")).resourcePolicy(pst("Deny", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "ecs:RunTask", "*")));
        c("resource policy deny for someone else", rb + "a deny naming another principal does not apply", ALLOW,
                scenario().identity(st("Allow", "*", "*")).resourcePolicy(pst("Deny", "{'AWS':'arn:aws:iam::" + A + ":user/bob'}", "ecs:RunTask", "*")));
        c("resource policy for other actions", rb + "statements apply to their actions only", IMPLICIT,
                scenario().resourcePolicy(pst("Allow", "*", "ecs:StopTask", "*")));

        // ------------------------------------------------------------------ cross-account
        String x = "[logic] cross-account: ";
        c("identity allows, resource policy silent", x + "both the identity policy and the resource policy must allow", IMPLICIT,
                scenario().as(CAROL_B).identity(st("Allow", "ecs:*", "*")));
        c("resource policy allows, identity silent", x + "both the identity policy and the resource policy must allow", IMPLICIT,
                scenario().as(CAROL_B).resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + B + ":user/carol'}", "ecs:RunTask", "*")));
        c("both sides allow", x + "both the identity policy and the resource policy must allow", ALLOW,
                scenario().as(CAROL_B).identity(st("Allow", "ecs:*", "*")).resourcePolicy(pst("Allow", "{'AWS':'arn:aws:iam::" + B + ":user/carol'}", "ecs:RunTask", "*")));
        c("other account trusted by account id", x + "an account principal covers the account's principals", ALLOW,
                scenario().as(CAROL_B).identity(st("Allow", "ecs:*", "*")).resourcePolicy(pst("Allow", "{'AWS':'" + B + "'}", "ecs:RunTask", "*")));
        c("cross-account boundary limits", x + "the boundary applies on the identity side", IMPLICIT,
                scenario().as(CAROL_B).identity(st("Allow", "ecs:*", "*")).boundary(st("Allow", "s3:*", "*"))
                        .resourcePolicy(pst("Allow", "{'AWS':'" + B + "'}", "ecs:RunTask", "*")));
        c("explicit resource account", x + "the resource's account decides whether the request is cross-account", IMPLICIT,
                scenario().identity(st("Allow", "s3:*", "*")).on("s3:GetObject", "arn:aws:s3:::other-bucket/key").resourceAccount(B));

        // ------------------------------------------------------------------ principals
        String pr = "[principal] ";
        c("anonymous caller allowed by '*'", pr + "'Principal': '*' includes anonymous users", ALLOW,
                scenario().as(ANON).on("s3:GetObject", "arn:aws:s3:::public/key").resourcePolicy(pst("Allow", "*", "s3:GetObject", "arn:aws:s3:::public/*")));
        c("anonymous caller without a resource policy", pr + "anonymous requests need a resource policy", IMPLICIT,
                scenario().as(ANON).on("s3:GetObject", "arn:aws:s3:::public/key"));
        c("{'AWS':'*'} equals '*'", pr + "'Principal': {'AWS': '*'} is equivalent to 'Principal': '*'", ALLOW,
                scenario().as(ANON).on("s3:GetObject", "arn:aws:s3:::public/key").resourcePolicy(pst("Allow", "{'AWS':'*'}", "s3:GetObject", "*")));
        c("'*' grants a user of the account directly", pr + "'*' covers every principal", ALLOW,
                scenario().resourcePolicy(pst("Allow", "*", "ecs:RunTask", "*")));
        c("anonymous caller and an account principal", pr + "an account principal does not include anonymous users", IMPLICIT,
                scenario().as(ANON).resourcePolicy(pst("Allow", "{'AWS':'" + A + "'}", "ecs:RunTask", "*")));
        c("NotPrincipal deny spares the listed user and account", "[notprincipal] list the user and its account", ALLOW,
                scenario().identity(st("Allow", "*", "*")).resourcePolicy(
                        "{'Effect':'Deny','NotPrincipal':{'AWS':['arn:aws:iam::" + A + ":user/alice','arn:aws:iam::" + A + ":root']},'Action':'*','Resource':'*'}"));
        c("NotPrincipal deny without the account", "[notprincipal] without the account ARN the account is denied", EXPLICIT,
                scenario().identity(st("Allow", "*", "*")).resourcePolicy(
                        "{'Effect':'Deny','NotPrincipal':{'AWS':['arn:aws:iam::" + A + ":user/alice']},'Action':'*','Resource':'*'}"));
        c("NotPrincipal deny spares session, role and account", "[notprincipal] list the session, the role and the account", ALLOW,
                scenario().as(SESSION).identity(st("Allow", "*", "*")).resourcePolicy(
                        "{'Effect':'Deny','NotPrincipal':{'AWS':['arn:aws:sts::" + A + ":assumed-role/deployer/build-42','arn:aws:iam::" + A + ":role/deployer','arn:aws:iam::" + A + ":root']},'Action':'*','Resource':'*'}"));
        c("NotPrincipal deny without the session", "[notprincipal] the session must be named", EXPLICIT,
                scenario().as(SESSION).identity(st("Allow", "*", "*")).resourcePolicy(
                        "{'Effect':'Deny','NotPrincipal':{'AWS':['arn:aws:iam::" + A + ":role/deployer','arn:aws:iam::" + A + ":root']},'Action':'*','Resource':'*'}"));
        c("NotPrincipal deny hits other principals", "[notprincipal] every principal not listed is denied", EXPLICIT,
                scenario().as(BOB).identity(st("Allow", "*", "*")).resourcePolicy(
                        "{'Effect':'Deny','NotPrincipal':{'AWS':['arn:aws:iam::" + A + ":user/alice','arn:aws:iam::" + A + ":root']},'Action':'*','Resource':'*'}"));

        // ------------------------------------------------------------------ role trust policies
        String t = "[roles] ";
        c("trust in the account plus sts:AssumeRole", t + "the trust policy trusts the account and the user's policy allows sts:AssumeRole", ALLOW,
                scenario().identity(st("Allow", "sts:AssumeRole", TARGET_ROLE)).trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":root'}", "sts:AssumeRole")));
        c("trust in the account without permission", t + "trusting the account delegates to the user's permissions", IMPLICIT,
                scenario().trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":root'}", "sts:AssumeRole")));
        c("trust naming the user directly", "[logic] a role trust policy naming the user ARN grants access within the account", ALLOW,
                scenario().trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "sts:AssumeRole")));
        c("trust naming the user, boundary without sts:AssumeRole", "[roles] id_roles_update-role-trust-policy: a user's permissions boundary must allow sts:AssumeRole", IMPLICIT,
                scenario().boundary(st("Allow", "ecs:*", "*")).trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "sts:AssumeRole")));
        c("trust naming the user, boundary allowing sts:AssumeRole", "[roles] id_roles_update-role-trust-policy: a user's permissions boundary must allow sts:AssumeRole", ALLOW,
                scenario().boundary(st("Allow", "sts:*", "*")).trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "sts:AssumeRole")));
        c("trust naming another user", t + "the trust policy must allow the caller", IMPLICIT,
                scenario().identity(st("Allow", "sts:AssumeRole", "*")).trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/bob'}", "sts:AssumeRole")));
        c("identity permission without trust", "[logic] role trust policies must explicitly allow the principal", IMPLICIT,
                scenario().identity(st("Allow", "sts:AssumeRole", "*")).trust(tst("Allow", "{'Service':'ec2.amazonaws.com'}", "sts:AssumeRole")));
        c("service principal trusted", t + "a service principal may assume a role that trusts it", ALLOW,
                scenario().as(ECS_TASKS).trust(tst("Allow", "{'Service':'ecs-tasks.amazonaws.com'}", "sts:AssumeRole")));
        c("another service is not trusted", t + "a service principal must be named", IMPLICIT,
                scenario().as(ECS_TASKS).trust(tst("Allow", "{'Service':'lambda.amazonaws.com'}", "sts:AssumeRole")));
        c("trust condition on sts:ExternalId met", t + "conditions in trust policies", ALLOW,
                scenario().trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "sts:AssumeRole", "{'StringEquals':{'sts:ExternalId':'x-123'}}"))
                        .ctx("sts:ExternalId", "x-123"));
        c("trust condition on sts:ExternalId missing", t + "conditions in trust policies", IMPLICIT,
                scenario().trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "sts:AssumeRole", "{'StringEquals':{'sts:ExternalId':'x-123'}}")));
        c("cross-account trust plus permission", "[roles] cross-account: trust the other account and allow sts:AssumeRole there", ALLOW,
                scenario().as(CAROL_B).identity(st("Allow", "sts:AssumeRole", TARGET_ROLE)).trust(tst("Allow", "{'AWS':'" + B + "'}", "sts:AssumeRole")));
        c("cross-account trust without permission", "[roles] cross-account: the caller's own policy must allow sts:AssumeRole", IMPLICIT,
                scenario().as(CAROL_B).trust(tst("Allow", "{'AWS':'" + B + "'}", "sts:AssumeRole")));
        c("role chaining: the role trusts itself", t + "a role ARN in a trust policy covers its sessions", ALLOW,
                scenario().as(SESSION).identity(st("Allow", "sts:AssumeRole", "*")).trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":role/deployer'}", "sts:AssumeRole")));
        c("trust deny wins", t + "an explicit deny in the trust policy overrides", EXPLICIT,
                scenario().trust(tst("Allow", "{'AWS':'" + A + "'}", "sts:AssumeRole"), tst("Deny", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "sts:AssumeRole"))
                        .identity(st("Allow", "sts:AssumeRole", "*")));
        c("trust for another action", t + "the trust statement must cover the action", IMPLICIT,
                scenario().trust(tst("Allow", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}", "sts:TagSession")));
    }

    static Stream<Arguments> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} — {1}")
    @MethodSource("cases")
    void decidesAsDocumented(String description, String rule, Decision expected, Scenario scenario) {
        Evaluation e = PolicyEvaluator.evaluate(scenario.build());
        assertThat(e.decision()).as(description + " — " + rule).isEqualTo(expected);
    }

    @Test
    void thereAreAtLeast150Cases() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(150);
    }
}
