package io.berth.iam.policy;

import static io.berth.iam.policy.PolicyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property tests over seeded random policies and requests (plain JUnit, java.util.Random with a
 * fixed seed per property; each property runs at least 1000 cases).
 */
class PolicyPropertyTest {
    private static final int RUNS = 2000;

    // ------------------------------------------------------------------ generator

    private static final String[] ACTIONS = {"ecs:RunTask", "ecs:StopTask", "ecs:ListTasks", "s3:GetObject", "iam:CreateUser", "sts:AssumeRole"};
    private static final String[] ACTION_PATTERNS = {"ecs:RunTask", "ecs:StopTask", "ecs:*", "*", "ecs:*Task", "s3:Get*", "ecs:?unTask",
            "iam:*", "sts:AssumeRole", "ECS:runtask"};
    private static final String[] RESOURCES = {TASK, TASKDEF, CLUSTER, "arn:aws:s3:::bucket/key", "arn:aws:s3:::other/x", "*",
            "arn:aws:ecs:us-east-1:" + B + ":cluster/remote"};
    private static final String[] RESOURCE_PATTERNS = {"*", TASKDEF, "arn:aws:ecs:*", "arn:aws:ecs:us-east-1:" + A + ":task/*",
            "arn:aws:s3:::bucket/*", "arn:aws:ecs:*:*:cluster/*", "arn:aws:s3:::${aws:username}/*", "arn:aws:ecs:us-east-?:*:*"};
    private static final String[] PRINCIPALS = {"'*'", "{'AWS':'*'}", "{'AWS':'" + A + "'}", "{'AWS':'arn:aws:iam::" + A + ":user/alice'}",
            "{'AWS':'arn:aws:iam::" + A + ":role/deployer'}", "{'AWS':'arn:aws:sts::" + A + ":assumed-role/deployer/build-42'}",
            "{'AWS':'" + B + "'}", "{'AWS':'arn:aws:iam::" + B + ":user/carol'}", "{'Service':'ecs-tasks.amazonaws.com'}"};
    private static final String[] CONDITIONS = {
        "{'StringEquals':{'aws:RequestedRegion':'us-east-1'}}",
        "{'StringNotEquals':{'aws:RequestedRegion':['us-east-1','eu-west-1']}}",
        "{'Bool':{'aws:SecureTransport':'true'}}",
        "{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}",
        "{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}",
        "{'NotIpAddress':{'aws:SourceIp':['10.1.0.0/16']}}",
        "{'ForAllValues:StringEquals':{'aws:TagKeys':['env','team']}}",
        "{'ForAnyValue:StringLike':{'aws:TagKeys':['t*']}}",
        "{'Null':{'aws:RequestTag/env':'true'}}",
        "{'NumericLessThan':{'ecs:count':'5'}}",
        "{'DateLessThan':{'aws:CurrentTime':'2026-01-01T00:00:00Z'}}",
        "{'StringEquals':{'aws:PrincipalTag/team':'blue'}}",
        "{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/*'}}",
        "{'StringLike':{'aws:username':'a*'}}"
    };
    private static final RequestPrincipal[] CALLERS = {ALICE, BOB, SESSION, ROOT, CAROL_B, ANON, ECS_TASKS};

    /** A request whose policies are kept as lists of statement JSON, so that statements can be added. */
    static final class Spec {
        RequestPrincipal principal;
        String action;
        String resource;
        final List<List<String>> identity = new ArrayList<>();
        List<String> boundary;
        final List<List<String>> session = new ArrayList<>();
        List<String> resourcePolicy;
        boolean required;
        final List<String[]> context = new ArrayList<>();

        Spec copy() {
            Spec s = new Spec();
            s.principal = principal;
            s.action = action;
            s.resource = resource;
            identity.forEach(p -> s.identity.add(new ArrayList<>(p)));
            s.boundary = boundary == null ? null : new ArrayList<>(boundary);
            session.forEach(p -> s.session.add(new ArrayList<>(p)));
            s.resourcePolicy = resourcePolicy == null ? null : new ArrayList<>(resourcePolicy);
            s.required = required;
            s.context.addAll(context);
            return s;
        }

        AuthorizationRequest build() {
            AuthorizationRequest.Builder b = AuthorizationRequest.builder(principal, action, resource).resourcePolicyRequired(required);
            for (List<String> p : identity) b.identityPolicy(PolicyParser.parse(doc(p.toArray(String[]::new)), PolicyKind.IDENTITY));
            if (boundary != null) b.permissionsBoundary(PolicyParser.parse(doc(boundary.toArray(String[]::new)), PolicyKind.BOUNDARY));
            for (List<String> p : session) b.sessionPolicy(PolicyParser.parse(doc(p.toArray(String[]::new)), PolicyKind.SESSION));
            if (resourcePolicy != null) b.resourcePolicy(PolicyParser.parse(doc(resourcePolicy.toArray(String[]::new)), PolicyKind.RESOURCE));
            for (String[] kv : context) b.context(kv[0], List.of(kv).subList(1, kv.length));
            return b.build();
        }

        Decision decide() {
            return PolicyEvaluator.evaluate(build()).decision();
        }

        @Override
        public String toString() {
            return "principal=" + principal.arn() + " action=" + action + " resource=" + resource + " identity=" + identity
                    + " boundary=" + boundary + " session=" + session + " resourcePolicy=" + resourcePolicy + " required=" + required
                    + " context=" + context.stream().map(List::of).toList();
        }
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String statement(Random r, String effect, boolean withPrincipal) {
        StringBuilder b = new StringBuilder("{'Effect':'").append(effect).append("'");
        if (withPrincipal) {
            b.append(r.nextInt(6) == 0 ? ",'NotPrincipal':" : ",'Principal':").append(pick(r, PRINCIPALS));
        }
        String actions = r.nextBoolean() ? "'" + pick(r, ACTION_PATTERNS) + "'" : "['" + pick(r, ACTION_PATTERNS) + "','" + pick(r, ACTION_PATTERNS) + "']";
        b.append(r.nextInt(5) == 0 ? ",'NotAction':" : ",'Action':").append(actions);
        String resources = r.nextBoolean() ? "'" + pick(r, RESOURCE_PATTERNS) + "'" : "['" + pick(r, RESOURCE_PATTERNS) + "','" + pick(r, RESOURCE_PATTERNS) + "']";
        b.append(r.nextInt(5) == 0 ? ",'NotResource':" : ",'Resource':").append(resources);
        if (r.nextInt(3) == 0) b.append(",'Condition':").append(pick(r, CONDITIONS));
        return b.append("}").toString();
    }

    private static String randomEffect(Random r) {
        return r.nextInt(4) == 0 ? "Deny" : "Allow";
    }

    private static List<String> policy(Random r, boolean withPrincipal) {
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) out.add(statement(r, randomEffect(r), withPrincipal));
        return out;
    }

    static Spec spec(Random r) {
        Spec s = new Spec();
        s.principal = pick(r, CALLERS);
        s.action = pick(r, ACTIONS);
        s.resource = pick(r, RESOURCES);
        int identities = r.nextInt(4);
        for (int i = 0; i < identities; i++) s.identity.add(policy(r, false));
        if (r.nextInt(3) == 0) s.boundary = policy(r, false);
        if (r.nextInt(4) == 0) {
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) s.session.add(policy(r, false));
        }
        if (r.nextInt(2) == 0) {
            s.resourcePolicy = policy(r, true);
            s.required = r.nextInt(3) == 0;
        }
        if (r.nextBoolean()) s.context.add(new String[] {"aws:RequestedRegion", r.nextBoolean() ? "us-east-1" : "ap-south-1"});
        if (r.nextBoolean()) s.context.add(new String[] {"aws:SecureTransport", r.nextBoolean() ? "true" : "false"});
        if (r.nextBoolean()) s.context.add(new String[] {"aws:SourceIp", r.nextBoolean() ? "10.1.2.3" : "192.0.2.1"});
        if (r.nextBoolean()) s.context.add(r.nextBoolean() ? new String[] {"aws:TagKeys", "env"} : new String[] {"aws:TagKeys", "team", "cost"});
        if (r.nextBoolean()) s.context.add(new String[] {"ecs:count", String.valueOf(r.nextInt(10))});
        if (r.nextBoolean()) s.context.add(new String[] {"aws:CurrentTime", r.nextBoolean() ? "2025-06-01T00:00:00Z" : "2027-06-01T00:00:00Z"});
        return s;
    }

    /** Adds one statement of the given effect to a random policy slot of a copy of the spec. */
    static Spec withStatement(Spec base, Random r, String effect) {
        Spec s = base.copy();
        List<List<String>> slots = new ArrayList<>(s.identity);
        if (s.boundary != null) slots.add(s.boundary);
        slots.addAll(s.session);
        int choice = r.nextInt(slots.size() + 2);
        if (choice < slots.size()) {
            slots.get(choice).add(statement(r, effect, false));
        } else if (choice == slots.size()) {
            if (s.resourcePolicy == null) s.resourcePolicy = new ArrayList<>();
            s.resourcePolicy.add(statement(r, effect, true));
        } else {
            List<String> fresh = new ArrayList<>();
            fresh.add(statement(r, effect, false));
            s.identity.add(fresh);
        }
        return s;
    }

    // ------------------------------------------------------------------ evaluation properties

    @Test
    void addingADenyNeverGrantsAccess() {
        Random r = new Random(20240601L);
        int turnedDenied = 0;
        for (int i = 0; i < RUNS; i++) {
            Spec base = spec(r);
            Decision before = base.decide();
            Spec more = withStatement(base, r, "Deny");
            Decision after = more.decide();
            if (before != Decision.ALLOWED) assertThat(after).as(more.toString()).isNotEqualTo(Decision.ALLOWED);
            if (before == Decision.EXPLICIT_DENY) assertThat(after).as(more.toString()).isEqualTo(Decision.EXPLICIT_DENY);
            if (before == Decision.ALLOWED && after != Decision.ALLOWED) turnedDenied++;
        }
        assertThat(turnedDenied).as("the generator exercises denies that bite").isPositive();
    }

    @Test
    void addingAnAllowNeverOverridesAnExplicitDeny() {
        Random r = new Random(7L);
        int explicit = 0;
        for (int i = 0; i < RUNS; i++) {
            Spec base = spec(r);
            Decision before = base.decide();
            if (before != Decision.EXPLICIT_DENY) continue;
            explicit++;
            Spec more = withStatement(base, r, "Allow");
            for (int k = 0; k < 3; k++) more = withStatement(more, r, "Allow");
            assertThat(more.decide()).as(more.toString()).isEqualTo(Decision.EXPLICIT_DENY);
        }
        assertThat(explicit).as("explicit denies generated").isGreaterThan(100);
    }

    @Test
    void addingAnAllowStatementNeverTakesAccessAway() {
        Random r = new Random(99L);
        int granted = 0;
        for (int i = 0; i < RUNS; i++) {
            Spec base = spec(r);
            Decision before = base.decide();
            Spec more = withStatement(base, r, "Allow");
            Decision after = more.decide();
            if (before == Decision.ALLOWED) assertThat(after).as(more.toString()).isEqualTo(Decision.ALLOWED);
            if (before != Decision.ALLOWED && after == Decision.ALLOWED) granted++;
        }
        assertThat(granted).as("the generator exercises allows that grant").isPositive();
    }

    @Test
    void denyOnlyPoliciesAllowOnlyTheRootUser() {
        Random r = new Random(4242L);
        for (int i = 0; i < RUNS; i++) {
            Spec s = spec(r);
            s.identity.replaceAll(p -> p.stream().map(st -> st.replace("'Effect':'Allow'", "'Effect':'Deny'")).toList());
            if (s.boundary != null) s.boundary = s.boundary.stream().map(st -> st.replace("'Effect':'Allow'", "'Effect':'Deny'")).toList();
            s.session.replaceAll(p -> p.stream().map(st -> st.replace("'Effect':'Allow'", "'Effect':'Deny'")).toList());
            if (s.resourcePolicy != null) s.resourcePolicy = s.resourcePolicy.stream().map(st -> st.replace("'Effect':'Allow'", "'Effect':'Deny'")).toList();
            Decision d = s.decide();
            if (s.principal.type() != RequestPrincipal.Type.ROOT || s.required) {
                assertThat(d).as(s.toString()).isNotEqualTo(Decision.ALLOWED);
            }
        }
    }

    @Test
    void orderOfStatementsAndPoliciesDoesNotMatter() {
        Random r = new Random(31337L);
        for (int i = 0; i < RUNS; i++) {
            Spec s = spec(r);
            Decision before = s.decide();
            Spec shuffled = s.copy();
            Collections.shuffle(shuffled.identity, r);
            shuffled.identity.forEach(p -> Collections.shuffle(p, r));
            if (shuffled.boundary != null) Collections.shuffle(shuffled.boundary, r);
            if (shuffled.resourcePolicy != null) Collections.shuffle(shuffled.resourcePolicy, r);
            Collections.shuffle(shuffled.session, r);
            assertThat(shuffled.decide()).as(shuffled.toString()).isEqualTo(before);
        }
    }

    @Test
    void explicitDenyReportsOnlyDenyStatementsAndAllowReportsOnlyAllows() {
        Random r = new Random(555L);
        for (int i = 0; i < RUNS; i++) {
            Evaluation e = PolicyEvaluator.evaluate(spec(r).build());
            switch (e.decision()) {
                case EXPLICIT_DENY -> assertThat(e.matchedStatements()).isNotEmpty().allMatch(m -> m.effect() == Effect.DENY);
                case ALLOWED -> assertThat(e.matchedStatements()).allMatch(m -> m.effect() == Effect.ALLOW);
                case IMPLICIT_DENY -> assertThat(e.matchedStatements()).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ matcher properties

    private static String randomPattern(Random r, String alphabet, int max) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }

    private static Pattern reference(String glob, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }

    @Test
    void globAgreesWithARegularExpression() {
        Random r = new Random(1L);
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomPattern(r, "abA*?:/", 8);
            String text = randomPattern(r, "abA:/", 10);
            boolean ignoreCase = r.nextBoolean();
            boolean expected = reference(pattern, ignoreCase).matcher(text).matches();
            assertThat(Glob.compile(pattern, ignoreCase, true).matches(text)).as("%s ~ %s (ignoreCase=%s)", pattern, text, ignoreCase).isEqualTo(expected);
        }
    }

    /** The documented ARN rule written plainly: split into six segments and match each; a trailing '*' of a short pattern swallows the rest. */
    private static boolean referenceArn(String pattern, String arn) {
        if (pattern.equals("*")) return true;
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        for (int i = 0; i < p.length; i++) {
            boolean last = i == p.length - 1;
            if (last && p.length < 6 && p[i].endsWith("*")) {
                String rest = String.join(":", java.util.Arrays.copyOfRange(a, Math.min(i, a.length), a.length));
                return i < a.length && reference(p[i], false).matcher(rest).matches();
            }
            if (i >= a.length) return false;
            if (!reference(p[i], false).matcher(a[i]).matches()) return false;
        }
        return p.length == a.length;
    }

    @Test
    void arnPatternAgreesWithTheSegmentRule() {
        Random r = new Random(2L);
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomPattern(r, "a:*?/", 10);
            String arn = randomPattern(r, "ab:/", 12);
            boolean expected = referenceArn(pattern, arn);
            assertThat(new ArnPattern(Glob.compile(pattern, false, true)).matches(arn)).as("%s ~ %s", pattern, arn).isEqualTo(expected);
        }
    }

    @Test
    void negatedOperatorsAreTheNegationOfTheirPositivesForOneValue() {
        Random r = new Random(3L);
        String[][] pairs = {
            {"StringEquals", "StringNotEquals"}, {"StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"}, {"StringLike", "StringNotLike"},
            {"NumericEquals", "NumericNotEquals"}, {"DateEquals", "DateNotEquals"}, {"IpAddress", "NotIpAddress"},
            {"ArnLike", "ArnNotLike"}, {"ArnEquals", "ArnNotEquals"}
        };
        String[][] values = {
            {"a", "A", "b", "a*", "?"}, {"a", "A", "b"}, {"a*", "b?", "ab", "*"},
            {"1", "2", "1.0", "x"}, {"2020-01-01T00:00:00Z", "1577836800", "2021-01-01"}, {"10.0.0.0/8", "10.1.2.3", "192.0.2.0/24"},
            {"arn:aws:s3:::b/*", "arn:aws:s3:::b/k", "arn:aws:*"}, {"arn:aws:s3:::b/*", "arn:aws:s3:::c/k"}
        };
        String[][] requests = {
            {"a", "A", "b", "a*"}, {"a", "B"}, {"ab", "b1", "zz"}, {"1", "2.00", "x"}, {"2020-01-01T00:00:00Z", "1609459200"},
            {"10.9.8.7", "192.0.2.99", "8.8.8.8"}, {"arn:aws:s3:::b/k", "arn:aws:s3:::c/k"}, {"arn:aws:s3:::b/k", "arn:aws:s3:::c/k"}
        };
        for (int i = 0; i < 2000; i++) {
            int k = r.nextInt(pairs.length);
            String pv = pick(r, values[k]);
            String rv = pick(r, requests[k]);
            Decision positive = decide(pairs[k][0], pv, rv);
            Decision negative = decide(pairs[k][1], pv, rv);
            assertThat(positive == Decision.ALLOWED).as("%s/%s %s vs %s", pairs[k][0], pairs[k][1], pv, rv)
                    .isNotEqualTo(negative == Decision.ALLOWED);
        }
    }

    private static Decision decide(String operator, String policyValue, String requestValue) {
        return PolicyEvaluator.evaluate(scenario().identity(st("Allow", "*", "*", "{'" + operator + "':{'test:key':'" + policyValue + "'}}"))
                .ctx("test:key", requestValue).build()).decision();
    }

    @Test
    void generatedDocumentsParseAsEveryKind() {
        Random r = new Random(11L);
        for (int i = 0; i < RUNS; i++) {
            List<String> identity = policy(r, false);
            PolicyDocument d = PolicyParser.parse(doc(identity.toArray(String[]::new)), PolicyKind.IDENTITY);
            assertThat(d.statements()).hasSize(identity.size());
            List<String> resource = policy(r, true);
            assertThat(PolicyParser.parse(doc(resource.toArray(String[]::new)), PolicyKind.RESOURCE).statements()).hasSize(resource.size());
        }
    }
}
