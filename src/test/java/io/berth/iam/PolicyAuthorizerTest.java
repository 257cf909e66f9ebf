package io.berth.iam;

import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.iam.model.EntityPolicyMessages.GroupPolicyArnRequest;
import io.berth.iam.model.EntityPolicyMessages.PutUserPolicyRequest;
import io.berth.iam.model.EntityPolicyMessages.RolePolicyArnRequest;
import io.berth.iam.model.EntityPolicyMessages.UserPolicyArnRequest;
import io.berth.iam.model.GroupMessages.CreateGroupRequest;
import io.berth.iam.model.GroupMessages.GroupMembershipRequest;
import io.berth.iam.model.IamShapes.Tag;
import io.berth.iam.model.PolicyMessages.CreatePolicyRequest;
import io.berth.iam.model.PolicyMessages.CreatePolicyVersionRequest;
import io.berth.iam.model.RoleMessages.CreateRoleRequest;
import io.berth.iam.model.UserMessages.CreateUserRequest;
import io.berth.iam.model.UserMessages.DeleteUserRequest;
import io.berth.iam.model.UserMessages.PutUserPermissionsBoundaryRequest;
import io.berth.iam.model.UserMessages.TagUserRequest;
import io.berth.iam.policy.AttachedPolicy;
import io.berth.iam.policy.AuthorizationRequest;
import io.berth.iam.policy.PolicyEvaluator;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorization as requests meet it, driven through the IAM operations: what PolicyAuthorizer
 * keeps between requests (each principal's parsed policies, reduced per action; the global
 * condition keys of a second) must follow every IAM write and every request's own keys.
 */
class PolicyAuthorizerTest {

    private static final String ACCOUNT = "123456789012";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String TASK = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/default/0123456789abcdef0123456789abcdef";
    private static final String CLUSTER = "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/default";
    private static final String DESCRIBE = document("""
            {"Effect":"Allow","Action":"ecs:Describe*","Resource":"*"}""");
    private static final String LIST = document("""
            {"Effect":"Allow","Action":"ecs:List*","Resource":"*"}""");
    private static final String TRUST = document("""
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}""");

    @TempDir
    Path dir;
    private Store store;
    private IamDirectory directory;
    private Sessions sessions;
    private PolicyAuthorizer authorizer;
    private InProcessIam iam;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        directory = new IamDirectory(store);
        sessions = new Sessions(store);
        authorizer = new PolicyAuthorizer(directory, sessions);
        iam = new InProcessIam(store, directory, ACCOUNT, NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aUsersDecisionsFollowEveryChangeOfItsPolicies() {
        call("CreateUser", new CreateUserRequest(null, "alice", null, null));
        Principal alice = user("alice");
        assertThat(describe(alice)).as("no policy").isFalse();

        String arn = policy("describe", DESCRIBE);
        call("AttachUserPolicy", new UserPolicyArnRequest("alice", arn));
        assertThat(describe(alice)).as("attached").isTrue();

        call("CreatePolicyVersion", new CreatePolicyVersionRequest(arn, LIST, true));
        assertThat(describe(alice)).as("its new default version allows ecs:List* only").isFalse();
        assertThat(allows(alice, "ecs:ListTasks", CLUSTER)).isTrue();

        call("CreatePolicyVersion", new CreatePolicyVersionRequest(arn, DESCRIBE, true));
        assertThat(describe(alice)).as("back to the first document").isTrue();

        call("PutUserPolicy", new PutUserPolicyRequest("alice", "no-tasks", document("""
                {"Effect":"Deny","Action":"ecs:DescribeTasks","Resource":"arn:aws:ecs:*:*:task/default/*"}""")));
        assertThat(describe(alice)).as("an inline Deny").isFalse();
        assertThat(allows(alice, "ecs:DescribeClusters", CLUSTER)).as("the Deny is for tasks only").isTrue();

        call("DetachUserPolicy", new UserPolicyArnRequest("alice", arn));
        call("DeleteUserPolicy", new io.berth.iam.model.EntityPolicyMessages.UserPolicyNameRequest("alice", "no-tasks"));
        assertThat(describe(alice)).as("detached").isFalse();
    }

    @Test
    void groupMembershipBoundaryAndTagsTakeEffectAtOnce() {
        call("CreateUser", new CreateUserRequest(null, "bob", null, null));
        Principal bob = user("bob");
        call("CreateGroup", new CreateGroupRequest(null, "ops"));
        call("AttachGroupPolicy", new GroupPolicyArnRequest("ops", policy("describe", DESCRIBE)));
        assertThat(describe(bob)).isFalse();

        call("AddUserToGroup", new GroupMembershipRequest("ops", "bob"));
        assertThat(describe(bob)).as("member of ops").isTrue();

        call("PutUserPermissionsBoundary", new PutUserPermissionsBoundaryRequest("bob", policy("only-list", LIST)));
        assertThat(describe(bob)).as("the boundary has no statement for ecs:DescribeTasks").isFalse();
        call("DeleteUserPermissionsBoundary", new io.berth.iam.model.UserMessages.DeleteUserPermissionsBoundaryRequest("bob"));
        assertThat(describe(bob)).isTrue();

        call("PutUserPolicy", new PutUserPolicyRequest("bob", "team-only", document("""
                {"Effect":"Deny","Action":"ecs:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"blue"}}}""")));
        assertThat(describe(bob)).as("untagged").isFalse();
        call("TagUser", new TagUserRequest("bob", List.of(new Tag("team", "blue"))));
        assertThat(describe(bob)).as("tagged team=blue").isTrue();

        call("RemoveUserFromGroup", new GroupMembershipRequest("ops", "bob"));
        assertThat(describe(bob)).as("no longer a member").isFalse();
    }

    @Test
    void aDeletedUserIsDenied() {
        call("CreateUser", new CreateUserRequest(null, "carol", null, null));
        Principal carol = user("carol");
        call("PutUserPolicy", new PutUserPolicyRequest("carol", "describe", DESCRIBE));
        assertThat(describe(carol)).isTrue();

        call("DeleteUserPolicy", new io.berth.iam.model.EntityPolicyMessages.UserPolicyNameRequest("carol", "describe"));
        call("DeleteUser", new DeleteUserRequest("carol"));
        assertThat(describe(carol)).isFalse();

        call("CreateUser", new CreateUserRequest(null, "carol", null, null));
        assertThat(describe(carol)).as("a new user of the same name has no policies").isFalse();
    }

    @Test
    void aPrincipalsPoliciesAreKeptUntilTheNextIamWrite() {
        call("CreateUser", new CreateUserRequest(null, "dave", null, null));
        call("PutUserPolicy", new PutUserPolicyRequest("dave", "describe", DESCRIBE));
        PrincipalPolicies policies = new PrincipalPolicies(directory, sessions);
        Principal dave = user("dave");

        PrincipalPolicies.Compiled first = policies.of(dave);
        assertThat(policies.of(dave)).as("no write in between").isSameAs(first);
        assertThat(first.forAction("ecs:DescribeTasks")).isSameAs(first.forAction("ecs:DescribeTasks"));

        call("CreateUser", new CreateUserRequest(null, "erin", null, null));
        PrincipalPolicies.Compiled second = policies.of(dave);
        assertThat(second).as("any IAM write starts over").isNotSameAs(first);
        assertThat(second.identity()).extracting(AttachedPolicy::sourceId)
                .containsExactly("arn:aws:iam::" + ACCOUNT + ":user/dave#describe");
        assertThat(policies.of(new Principal(Principal.Kind.USER, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/nobody",
                "AIDANOBODY", "AKIANOBODY"))).isNull();
    }

    @Test
    void policiesAreReducedToTheStatementsOfTheAction() {
        call("CreateUser", new CreateUserRequest(null, "frank", null, null));
        call("PutUserPolicy", new PutUserPolicyRequest("frank", "mixed", document("""
                {"Sid":"Read","Effect":"Allow","Action":"ecs:Describe*","Resource":"*"}""", """
                {"Sid":"Logs","Effect":"Allow","Action":"logs:*","Resource":"*"}""", """
                {"Sid":"NotIam","Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}""")));
        call("PutUserPolicy", new PutUserPolicyRequest("frank", "s3", document("""
                {"Effect":"Allow","Action":"s3:*","Resource":"*"}""")));
        call("PutUserPermissionsBoundary", new PutUserPermissionsBoundaryRequest("frank", policy("boundary", LIST)));
        PrincipalPolicies.Compiled frank = new PrincipalPolicies(directory, sessions).of(user("frank"));

        PrincipalPolicies.ForAction describe = frank.forAction("ecs:DescribeTasks");
        assertThat(describe.identity()).as("the s3 policy has nothing for it").hasSize(1);
        assertThat(describe.identity().getFirst().document().statements()).extracting(s -> s.sid())
                .containsExactly("Read", "NotIam");
        assertThat(describe.boundary()).as("an empty boundary still limits").isNotNull();
        assertThat(describe.boundary().document().statements()).isEmpty();
        assertThat(frank.forAction("iam:CreateUser").identity()).isEmpty();
        assertThat(frank.identity()).as("whole, for requestFor").hasSize(2);
        assertThat(authorizer.requestFor(user("frank"), "ecs:DescribeTasks", TASK).orElseThrow().build()
                .identityPolicies()).extracting(p -> p.document().statements().size()).containsExactly(3, 1);
    }

    @Test
    void theRequestsOwnKeysDecideWithinOneSecond() {
        call("CreateUser", new CreateUserRequest(null, "gina", null, null));
        call("PutUserPolicy", new PutUserPolicyRequest("gina", "guarded", document("""
                {"Effect":"Allow","Action":["ecs:DescribeTasks","ecs:TagResource"],"Resource":"*"}""", """
                {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}}""", """
                {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}""", """
                {"Effect":"Deny","Action":"ecs:TagResource","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestTag/team":"blue"}}}""")));
        Principal gina = user("gina");

        for (int round = 0; round < 2; round++) {
            assertThat(allows(gina, "us-east-1", "10.1.2.3", "ecs:DescribeTasks", Map.of())).isTrue();
            assertThat(allows(gina, "eu-west-1", "10.1.2.3", "ecs:DescribeTasks", Map.of())).as("region").isFalse();
            assertThat(allows(gina, "us-east-1", "192.0.2.1", "ecs:DescribeTasks", Map.of())).as("address").isFalse();
            assertThat(allows(gina, "us-east-1", "10.1.2.3", "ecs:TagResource",
                    Map.of("aws:RequestTag/team", List.of("blue")))).isTrue();
            assertThat(allows(gina, "us-east-1", "10.1.2.3", "ecs:TagResource",
                    Map.of("aws:RequestTag/team", List.of("red")))).as("request tag").isFalse();
            assertThat(allows(gina, "eu-west-1", "10.1.2.3", "ecs:TagResource",
                    Map.of("aws:RequestTag/team", List.of("blue")))).as("region, with request keys").isFalse();
        }
    }

    @Test
    void resourceTagsAreLookedUpOnlyForPoliciesThatTestThem() {
        call("CreateUser", new CreateUserRequest(null, "ivy", null, null));
        call("PutUserPolicy", new PutUserPolicyRequest("ivy", "team", document("""
                {"Effect":"Allow","Action":"ecs:DescribeTasks","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}}""", """
                {"Effect":"Allow","Action":"ecs:StopTask","Resource":"*","Condition":{"StringEquals":{"ecs:ResourceTag/team":"blue"}}}""", """
                {"Effect":"Allow","Action":"ecs:ListTasks","Resource":"*"}""")));
        RequestContext ivy = new RequestContext("r", user("ivy"), "us-east-1", NOW, "10.1.2.3");
        AtomicInteger lookups = new AtomicInteger();
        java.util.function.Function<String, java.util.function.Supplier<Map<String, String>>> tagged = team -> () -> {
            lookups.incrementAndGet();
            return Map.of("team", team);
        };

        assertThat(authorizer.allows(ivy, "ecs:DescribeTasks", TASK, Map.of(), tagged.apply("blue"))).isTrue();
        assertThat(authorizer.allows(ivy, "ecs:DescribeTasks", TASK, Map.of(), tagged.apply("red"))).isFalse();
        assertThat(authorizer.allows(ivy, "ecs:DescribeTasks", TASK, Map.of(), Map::of)).as("untagged").isFalse();
        assertThat(authorizer.allows(ivy, "ecs:StopTask", TASK, Map.of(), tagged.apply("blue")))
                .as("the service's own key").isTrue();
        assertThat(lookups).hasValue(3);
        assertThat(authorizer.allows(ivy, "ecs:ListTasks", TASK, Map.of(), tagged.apply("red"))).isTrue();
        assertThat(lookups).as("no lookup where no condition asks").hasValue(3);
    }

    @Test
    void theTimeConditionsSeeEachRequestsSecond() {
        call("CreateUser", new CreateUserRequest(null, "hank", null, null));
        call("PutUserPolicy", new PutUserPolicyRequest("hank", "until", document("""
                {"Effect":"Allow","Action":"ecs:DescribeTasks","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-11-25T12:00:01Z"}}}""")));
        Principal hank = user("hank");
        RequestContext before = new RequestContext("r", hank, "us-east-1", NOW, "10.1.2.3");
        RequestContext after = new RequestContext("r", hank, "us-east-1", NOW.plusSeconds(1), "10.1.2.3");

        assertThat(authorizer.allows(before, "ecs:DescribeTasks", TASK, Map.of(), Map::of)).isTrue();
        assertThat(authorizer.allows(after, "ecs:DescribeTasks", TASK, Map.of(), Map::of)).isFalse();
        assertThat(authorizer.allows(before, "ecs:DescribeTasks", TASK, Map.of(), Map::of)).isTrue();
    }

    @Test
    void aRoleSessionFollowsItsRoleAndKeepsItsSessionPolicy() {
        call("CreateRole", new CreateRoleRequest(null, "runner", TRUST, null, null, null, List.of(new Tag("team", "blue"))));
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/runner";
        sessions.save(session("ASIASESSIONONE000001", null));
        sessions.save(session("ASIASESSIONTWO000002", LIST));
        Principal one = roleSession("ASIASESSIONONE000001");
        Principal two = roleSession("ASIASESSIONTWO000002");
        assertThat(describe(one)).isFalse();

        call("AttachRolePolicy", new RolePolicyArnRequest("runner", policy("describe", DESCRIBE)));
        assertThat(describe(one)).as("the role's new policy").isTrue();
        assertThat(describe(two)).as("its session policy allows ecs:List* only").isFalse();

        call("AttachRolePolicy", new RolePolicyArnRequest("runner", policy("list", LIST)));
        assertThat(allows(two, "ecs:ListTasks", CLUSTER)).isTrue();
        assertThat(authorizer.requestFor(two, "ecs:ListTasks", CLUSTER).orElseThrow().build().principal().arn())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/runner/build");

        AuthorizationRequest.Builder request = authorizer.requestFor(one, "ecs:DescribeTasks", TASK).orElseThrow();
        assertThat(PolicyEvaluator.isAllowed(PolicyAuthorizer.withContext(request,
                new RequestContext("r", one, "us-east-1", NOW, "10.1.2.3")).build())).isTrue();
        assertThat(request.build().principal().roleArn()).isEqualTo(roleArn);
    }

    @Test
    void theRootUserMayDoEverything() {
        Principal root = Principal.root(ACCOUNT, "AKIAROOTROOTROOTROOT");
        assertThat(describe(root)).isTrue();
        assertThat(authorizer.requestFor(root, "ecs:DescribeTasks", TASK)).isPresent();
    }

    // ------------------------------------------------------------------------------------------

    private boolean describe(Principal principal) {
        return allows(principal, "ecs:DescribeTasks", TASK);
    }

    private boolean allows(Principal principal, String action, String resource) {
        return authorizer.allows(new RequestContext("r", principal, "us-east-1", NOW, "10.1.2.3"), action, resource, Map.of(),
                () -> {
                    throw new AssertionError("no policy here reads the resource's tags");
                });
    }

    private boolean allows(Principal principal, String region, String sourceIp, String action,
                           Map<String, List<String>> keys) {
        return authorizer.allows(new RequestContext("r", principal, region, NOW, sourceIp), action, TASK, keys, Map::of);
    }

    private Principal user(String name) {
        IamDirectory.UserInfo user = directory.user(ACCOUNT, name).orElseThrow();
        return new Principal(Principal.Kind.USER, ACCOUNT, user.arn(), user.userId(), "AKIA" + name.toUpperCase());
    }

    private static Principal roleSession(String accessKeyId) {
        return new Principal(Principal.Kind.ASSUMED_ROLE, ACCOUNT, "arn:aws:sts::" + ACCOUNT + ":assumed-role/runner/build",
                "AROA:build", accessKeyId);
    }

    private static StsSession session(String accessKeyId, String sessionPolicy) {
        return new StsSession(accessKeyId, "secret", "token", ACCOUNT, "runner", "AROA00000000000000001", "build", null,
                null, sessionPolicy, Map.of(), NOW.plusSeconds(3600));
    }

    private String policy(String name, String document) {
        call("CreatePolicy", new CreatePolicyRequest(name, null, document, null, null));
        return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
    }

    private static String document(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private <R> R call(String operation, Object request) {
        return iam.call(operation, request);
    }
}
