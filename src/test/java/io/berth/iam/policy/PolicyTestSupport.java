package io.berth.iam.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small language for writing evaluation cases: JSON with single quotes, statements by parts. */
final class PolicyTestSupport {
    private PolicyTestSupport() {}

    static final String A = "111122223333";
    static final String B = "444455556666";

    static final RequestPrincipal ALICE = RequestPrincipal.user("arn:aws:iam::" + A + ":user/alice", A, "AIDAALICE", "alice",
            Map.of("team", "blue", "Project", "apollo", "wild", "*"));
    static final RequestPrincipal BOB = RequestPrincipal.user("arn:aws:iam::" + A + ":user/bob", A, "AIDABOB", "bob", Map.of());
    static final RequestPrincipal SESSION = RequestPrincipal.assumedRole("arn:aws:sts::" + A + ":assumed-role/deployer/build-42",
            "arn:aws:iam::" + A + ":role/deployer", A, "AROADEPLOYER", "build-42", Map.of("team", "red"));
    static final RequestPrincipal ROOT = RequestPrincipal.root(A);
    static final RequestPrincipal CAROL_B = RequestPrincipal.user("arn:aws:iam::" + B + ":user/carol", B, "AIDACAROL", "carol", Map.of());
    static final RequestPrincipal ANON = RequestPrincipal.anonymous();
    static final RequestPrincipal ECS_TASKS = RequestPrincipal.service("ecs-tasks.amazonaws.com");

    static final String CLUSTER = "arn:aws:ecs:us-east-1:" + A + ":cluster/default";
    static final String TASK = "arn:aws:ecs:us-east-1:" + A + ":task/default/0123456789abcdef0123456789abcdef";
    static final String TASKDEF = "arn:aws:ecs:us-east-1:" + A + ":task-definition/web:3";
    static final String TARGET_ROLE = "arn:aws:iam::" + A + ":role/target";

    /** Single quotes become double quotes. */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static String value(String v) {
        return v.startsWith("[") || v.startsWith("{") ? v : "'" + v + "'";
    }

    /** A statement without Principal: effect, action(s), resource(s). A value starting with '[' is a JSON list. */
    static String st(String effect, String action, String resource) {
        return "{'Effect':'" + effect + "','Action':" + value(action) + ",'Resource':" + value(resource) + "}";
    }

    /** A statement with a Condition block (single-quoted JSON object). */
    static String st(String effect, String action, String resource, String condition) {
        return "{'Effect':'" + effect + "','Action':" + value(action) + ",'Resource':" + value(resource) + ",'Condition':" + condition + "}";
    }

    /** A resource-policy statement: principal is "*" or a JSON object. */
    static String pst(String effect, String principal, String action, String resource) {
        return "{'Effect':'" + effect + "','Principal':" + value(principal) + ",'Action':" + value(action) + ",'Resource':" + value(resource) + "}";
    }

    /** A trust-policy statement. */
    static String tst(String effect, String principal, String action) {
        return "{'Effect':'" + effect + "','Principal':" + value(principal) + ",'Action':" + value(action) + "}";
    }

    static String tst(String effect, String principal, String action, String condition) {
        return "{'Effect':'" + effect + "','Principal':" + value(principal) + ",'Action':" + value(action) + ",'Condition':" + condition + "}";
    }

    static String doc(String... statements) {
        return q("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
    }

    static PolicyDocument identity(String... statements) {
        return PolicyParser.parse(doc(statements), PolicyKind.IDENTITY);
    }

    /** A mutable description of one request. */
    static final class Scenario {
        RequestPrincipal principal = ALICE;
        String action = "ecs:RunTask";
        String resource = TASKDEF;
        String resourceAccount;
        final List<PolicyDocument> identity = new ArrayList<>();
        PolicyDocument boundary;
        final List<PolicyDocument> session = new ArrayList<>();
        PolicyDocument resourcePolicy;
        boolean required;
        final Map<String, List<String>> context = new LinkedHashMap<>();

        Scenario as(RequestPrincipal p) { principal = p; return this; }

        Scenario on(String action, String resource) { this.action = action; this.resource = resource; return this; }

        Scenario resourceAccount(String account) { this.resourceAccount = account; return this; }

        Scenario identity(String... statements) { identity.add(PolicyTestSupport.identity(statements)); return this; }

        Scenario identityJson(String json) { identity.add(PolicyParser.parse(json, PolicyKind.IDENTITY)); return this; }

        Scenario identityDocument(String singleQuotedJson) { identity.add(PolicyParser.parseInline(q(singleQuotedJson))); return this; }

        Scenario boundary(String... statements) { boundary = PolicyParser.parse(doc(statements), PolicyKind.BOUNDARY); return this; }

        Scenario session(String... statements) { session.add(PolicyParser.parse(doc(statements), PolicyKind.SESSION)); return this; }

        Scenario resourcePolicy(String... statements) {
            resourcePolicy = PolicyParser.parse(doc(statements), PolicyKind.RESOURCE);
            return this;
        }

        Scenario trust(String... statements) {
            resourcePolicy = PolicyParser.parse(doc(statements), PolicyKind.TRUST);
            required = true;
            action = "sts:AssumeRole";
            resource = TARGET_ROLE;
            return this;
        }

        Scenario ctx(String key, String... values) { context.put(key, List.of(values)); return this; }

        AuthorizationRequest build() {
            AuthorizationRequest.Builder b = AuthorizationRequest.builder(principal, action, resource)
                    .resourceAccountId(resourceAccount)
                    .identityPolicies(identity)
                    .permissionsBoundary(boundary)
                    .resourcePolicy(resourcePolicy)
                    .resourcePolicyRequired(required)
                    .context(context);
            for (PolicyDocument s : session) b.sessionPolicy(s);
            return b.build();
        }
    }

    static Scenario scenario() { return new Scenario(); }
}
