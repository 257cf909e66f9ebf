package io.berth.iam.policy;

import static io.berth.iam.policy.PolicyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What authorization's shortcuts must leave unchanged: documents reduced to one action's
 * statements, a request taking another's context as it is, {@link PolicyEvaluator#isAllowed}
 * without details, ARN segments compared as strings, and what parsed documents remember between
 * requests (the last action, the last parsed address or date, the last resolved variables).
 */
class PolicyShortcutsTest {
    private static final int RUNS = 2000;

    @Test
    void isAllowedAgreesWithEvaluate() {
        Random r = new Random(8080L);
        for (int i = 0; i < RUNS; i++) {
            PolicyPropertyTest.Spec spec = PolicyPropertyTest.spec(r);
            AuthorizationRequest request = spec.build();
            assertThat(PolicyEvaluator.isAllowed(request)).as(spec.toString())
                    .isEqualTo(PolicyEvaluator.evaluate(request).allowed());
        }
    }

    @Test
    void documentsReducedToTheActionDecideAsTheWholeOnes() {
        Random r = new Random(4711L);
        for (int i = 0; i < RUNS; i++) {
            PolicyPropertyTest.Spec spec = PolicyPropertyTest.spec(r);
            AuthorizationRequest whole = spec.build();
            AuthorizationRequest reduced = reduce(whole);
            Evaluation expected = PolicyEvaluator.evaluate(whole);
            Evaluation actual = PolicyEvaluator.evaluate(reduced);
            assertThat(actual.decision()).as(spec.toString()).isEqualTo(expected.decision());
            assertThat(actual.matchedStatements()).as(spec.toString()).isEqualTo(expected.matchedStatements());
            assertThat(actual.missingContextValues()).as(spec.toString()).isEqualTo(expected.missingContextValues());
            assertThat(PolicyEvaluator.isAllowed(reduced)).isEqualTo(expected.allowed());
        }
    }

    /** As authorization reduces them: identity policies without a statement left are dropped, the others kept. */
    private static AuthorizationRequest reduce(AuthorizationRequest request) {
        String action = request.action();
        List<AttachedPolicy> identity = new ArrayList<>();
        for (AttachedPolicy p : request.identityPolicies()) {
            AttachedPolicy reduced = reduce(p, action);
            if (!reduced.document().statements().isEmpty()) identity.add(reduced);
        }
        List<AttachedPolicy> session = request.sessionPolicies().stream().map(p -> reduce(p, action)).toList();
        return new AuthorizationRequest(request.principal(), action, request.resource(), request.resourceAccountId(),
                request.context(), identity, reduce(request.permissionsBoundary(), action), session,
                reduce(request.resourcePolicy(), action), request.resourcePolicyRequired());
    }

    private static AttachedPolicy reduce(AttachedPolicy policy, String action) {
        return policy == null ? null : new AttachedPolicy(policy.sourceId(), policy.sourceType(), policy.document().forAction(action));
    }

    @Test
    void forActionKeepsTheApplicableStatementsInOrder() {
        PolicyDocument document = identity(
                "{'Sid':'A','Effect':'Allow','Action':'ecs:Describe*','Resource':'*'}",
                "{'Sid':'B','Effect':'Deny','NotAction':'iam:*','Resource':'*'}",
                "{'Sid':'C','Effect':'Allow','Action':['s3:GetObject','ECS:describetasks'],'Resource':'*'}",
                "{'Sid':'D','Effect':'Allow','Action':'ecs:List*','Resource':'*'}");

        assertThat(document.forAction("ecs:DescribeTasks").statements()).extracting(Statement::sid).containsExactly("A", "B", "C");
        assertThat(document.forAction("ecs:DescribeTasks").statements()).extracting(Statement::index).containsExactly(0, 1, 2);
        assertThat(document.forAction("iam:CreateUser").statements()).isEmpty();
        assertThat(document.forAction("ecs:ListTasks").version()).isEqualTo(document.version());
        PolicyDocument all = identity("{'Effect':'Allow','Action':'*','Resource':'*'}");
        assertThat(all.forAction("ecs:RunTask")).isSameAs(all);
    }

    @Test
    void aRequestTakesAnotherRequestsContextAsItIs() {
        AuthorizationRequest first = scenario().ctx("aws:SourceIp", "10.1.2.3").ctx("AWS:SourceIP", "10.9.9.9")
                .ctx("aws:RequestedRegion", "us-east-1").build();
        AuthorizationRequest second = new AuthorizationRequest(BOB, "ecs:RunTask", TASKDEF, null, first.context(), null, null,
                null, null, false);

        assertThat(second.context()).isSameAs(first.context());
        assertThat(second.contextValues("aws:sourceip")).containsExactly("10.1.2.3", "10.9.9.9");
        assertThat(first.context()).isEqualTo(Map.of("aws:sourceip", List.of("10.1.2.3", "10.9.9.9"),
                "aws:requestedregion", List.of("us-east-1")));
        assertThat(first.context().hashCode()).isEqualTo(Map.of("aws:sourceip", List.of("10.1.2.3", "10.9.9.9"),
                "aws:requestedregion", List.of("us-east-1")).hashCode());
        assertThatThrownBy(() -> first.context().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.context().entrySet().iterator().next().setValue(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        Map<String, List<String>> copy = new LinkedHashMap<>(first.context());
        AuthorizationRequest third = new AuthorizationRequest(BOB, "ecs:RunTask", TASKDEF, null, copy, null, null, null, null, false);
        assertThat(third.context()).isEqualTo(first.context());
    }

    /**
     * Documents parsed once and shared by many requests (as authorization shares them) decide
     * each request as documents parsed for it alone do, whatever requests came before.
     */
    @Test
    void sharedDocumentsDecideAsFreshOnesWhateverCameBefore() {
        Random r = new Random(1234L);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            PolicyPropertyTest.Spec spec = PolicyPropertyTest.spec(r);
            spec.identity.forEach(p -> pool.add(doc(p.toArray(String[]::new))));
        }
        pool.add("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":["s3:*","ecs:*"],"Resource":["arn:aws:s3:::home/${aws:username}/*",
                    "arn:aws:ecs:*:*:task/${aws:PrincipalTag/team, 'none'}/*"]},
                  {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":
                    ["arn:aws:iam::*:user/${aws:username}","arn:aws:sts::*:assumed-role/*"]}}},
                  {"Effect":"Deny","Action":"ecs:*","Resource":"*","Condition":{
                    "DateGreaterThan":{"aws:CurrentTime":"2026-06-01T00:00:00Z"},
                    "NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","${aws:PrincipalTag/net, '192.0.2.0/24'}"]}}}]}""");
        List<PolicyDocument> shared = pool.stream().map(json -> PolicyParser.parse(json, PolicyKind.IDENTITY)).toList();

        RequestPrincipal[] callers = {ALICE, BOB, SESSION, CAROL_B,
            RequestPrincipal.user("arn:aws:iam::" + A + ":user/dora", A, "AIDADORA", "dora", Map.of("team", "default", "net", "10.0.0.0/8"))};
        String[] actions = {"ecs:RunTask", "ecs:DescribeTasks", "s3:GetObject", "iam:CreateUser", "ECS:describetasks", "sts:AssumeRole"};
        String[] resources = {TASK, TASKDEF, CLUSTER, "arn:aws:s3:::home/alice/x", "arn:aws:s3:::home/bob/x",
            "arn:aws:ecs:us-east-1:" + A + ":task/blue/1", "arn:aws:ecs:us-east-1:" + A + ":task/none/1", "*"};
        String[] addresses = {"10.1.2.3", "192.0.2.7", "198.51.100.1", " 10.1.2.3 ", "::ffff:10.1.2.3"};
        String[] times = {"2025-06-01T00:00:00Z", "2027-06-01T00:00:00Z", "1780000000"};
        int allowed = 0;
        for (int i = 0; i < 20 * RUNS; i++) {
            RequestPrincipal caller = callers[r.nextInt(callers.length)];
            String action = actions[r.nextInt(actions.length)];
            String resource = resources[r.nextInt(resources.length)];
            Map<String, List<String>> context = new LinkedHashMap<>();
            if (r.nextInt(4) > 0) context.put("aws:SourceIp", List.of(addresses[r.nextInt(addresses.length)]));
            if (r.nextInt(4) > 0) context.put("aws:CurrentTime", List.of(times[r.nextInt(times.length)]));
            if (r.nextBoolean()) context.put("aws:RequestedRegion", List.of(r.nextBoolean() ? "us-east-1" : "ap-south-1"));
            if (r.nextBoolean()) context.put("aws:TagKeys", r.nextBoolean() ? List.of("env") : List.of("team", "cost"));
            if (r.nextBoolean()) context.put("ecs:count", List.of(String.valueOf(r.nextInt(10))));
            int first = r.nextInt(pool.size());
            int count = 1 + r.nextInt(4);
            AuthorizationRequest.Builder sharedRequest = AuthorizationRequest.builder(caller, action, resource).context(context);
            AuthorizationRequest.Builder freshRequest = AuthorizationRequest.builder(caller, action, resource).context(context);
            for (int k = 0; k < count; k++) {
                int p = (first + k) % pool.size();
                sharedRequest.identityPolicy(shared.get(p));
                freshRequest.identityPolicy(PolicyParser.parse(pool.get(p), PolicyKind.IDENTITY));
            }
            Evaluation expected = PolicyEvaluator.evaluate(freshRequest.build());
            String why = caller.arn() + " " + action + " " + resource + " " + context + " policies " + first + "+" + count;
            boolean quick = PolicyEvaluator.isAllowed(sharedRequest.build());
            Evaluation actual = PolicyEvaluator.evaluate(sharedRequest.build());
            assertThat(quick).as(why).isEqualTo(expected.allowed());
            assertThat(actual.decision()).as(why).isEqualTo(expected.decision());
            assertThat(actual.matchedStatements()).extracting(m -> m.statement().index() + m.effect().toString())
                    .as(why).isEqualTo(expected.matchedStatements().stream()
                            .map(m -> m.statement().index() + m.effect().toString()).toList());
            assertThat(actual.missingContextValues()).as(why).isEqualTo(expected.missingContextValues());
            if (expected.allowed()) allowed++;
        }
        assertThat(allowed).as("the requests are sometimes allowed").isGreaterThan(RUNS);
    }

    @Test
    void arnPatternsWithLiteralSegmentsAgreeWithTheSegmentRule() {
        Random r = new Random(77L);
        String[] patternSegments = {"arn", "aws", "ecs", "*", "us-east-1", "us-*", "", "111", "task/default/*", "task/*",
            "task/default/x", "a?c", "*x", "x*y", "task:*"};
        String[] arnSegments = {"arn", "aws", "ecs", "us-east-1", "us-west-2", "", "111", "task/default/x", "task/other/y",
            "abc", "task:default", "x", "xay"};
        for (int i = 0; i < 50_000; i++) {
            String pattern = join(r, patternSegments, 1 + r.nextInt(7));
            String arn = join(r, arnSegments, 1 + r.nextInt(8));
            assertThat(new ArnPattern(Glob.compile(pattern, false, true)).matches(arn)).as("%s ~ %s", pattern, arn)
                    .isEqualTo(referenceArn(pattern, arn));
        }
    }

    private static String join(Random r, String[] segments, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(segments[r.nextInt(segments.length)]);
        return String.join(":", out);
    }

    /** The documented ARN rule written plainly (as in PolicyPropertyTest): six segments, a short pattern's trailing '*' swallowing the rest. */
    private static boolean referenceArn(String pattern, String arn) {
        if (pattern.equals("*")) return true;
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        for (int i = 0; i < p.length; i++) {
            boolean last = i == p.length - 1;
            if (last && p.length < 6 && p[i].endsWith("*")) {
                String rest = String.join(":", java.util.Arrays.copyOfRange(a, Math.min(i, a.length), a.length));
                return i < a.length && glob(p[i]).matcher(rest).matches();
            }
            if (i >= a.length) return false;
            if (!glob(p[i]).matcher(a[i]).matches()) return false;
        }
        return p.length == a.length;
    }

    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @Test
    void anElementAskedAboutOtherActionsAndValuesAnswersEachAnew() {
        PolicyDocument document = identity(
                "{'Effect':'Allow','Action':'ecs:Describe*','Resource':'arn:aws:s3:::home/${aws:username}/*',"
                        + "'Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'},'DateLessThan':{'aws:CurrentTime':'2026-01-01'}}}");
        String[][] cases = {
            // action, principal, resource, address, time, expected
            {"ecs:DescribeTasks", "alice", "arn:aws:s3:::home/alice/x", "10.0.0.1", "2025-01-01T00:00:00Z", "true"},
            {"ecs:RunTask", "alice", "arn:aws:s3:::home/alice/x", "10.0.0.1", "2025-01-01T00:00:00Z", "false"},
            {"ecs:DescribeTasks", "bob", "arn:aws:s3:::home/alice/x", "10.0.0.1", "2025-01-01T00:00:00Z", "false"},
            {"ecs:DescribeTasks", "bob", "arn:aws:s3:::home/bob/x", "10.0.0.1", "2025-01-01T00:00:00Z", "true"},
            {"ecs:DescribeTasks", "alice", "arn:aws:s3:::home/alice/x", "192.0.2.1", "2025-01-01T00:00:00Z", "false"},
            {"ecs:DescribeTasks", "alice", "arn:aws:s3:::home/alice/x", "10.0.0.1", "2027-01-01T00:00:00Z", "false"},
            {"ecs:describetasks", "alice", "arn:aws:s3:::home/alice/x", "10.0.0.1", "2025-01-01T00:00:00Z", "true"},
        };
        for (int round = 0; round < 3; round++) {
            for (String[] c : cases) {
                RequestPrincipal who = c[1].equals("alice") ? ALICE : BOB;
                AuthorizationRequest request = AuthorizationRequest.builder(who, c[0], c[2]).identityPolicy(document)
                        .context("aws:SourceIp", c[3]).context("aws:CurrentTime", c[4]).build();
                assertThat(PolicyEvaluator.isAllowed(request)).as(String.join(" ", c)).isEqualTo(Boolean.parseBoolean(c[5]));
            }
        }
    }
}
