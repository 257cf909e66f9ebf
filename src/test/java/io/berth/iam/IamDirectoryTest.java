package io.berth.iam;

import io.berth.edge.Principal;
import io.berth.iam.IamDirectory.AccessKeyOwner;
import io.berth.iam.IamDirectory.IdentityPolicy;
import io.berth.iam.IamDirectory.RoleInfo;
import io.berth.iam.model.EntityPolicyMessages.GroupPolicyArnRequest;
import io.berth.iam.model.EntityPolicyMessages.PutGroupPolicyRequest;
import io.berth.iam.model.EntityPolicyMessages.PutRolePolicyRequest;
import io.berth.iam.model.EntityPolicyMessages.PutUserPolicyRequest;
import io.berth.iam.model.EntityPolicyMessages.RolePolicyArnRequest;
import io.berth.iam.model.EntityPolicyMessages.UserPolicyArnRequest;
import io.berth.iam.model.GroupMessages.CreateGroupRequest;
import io.berth.iam.model.GroupMessages.GroupMembershipRequest;
import io.berth.iam.model.IamShapes.Tag;
import io.berth.iam.model.PolicyMessages.CreatePolicyRequest;
import io.berth.iam.model.PolicyMessages.CreatePolicyVersionRequest;
import io.berth.iam.model.RoleMessages.CreateRoleRequest;
import io.berth.iam.model.UserMessages.CreateAccessKeyRequest;
import io.berth.iam.model.UserMessages.CreateAccessKeyResult;
import io.berth.iam.model.UserMessages.CreateUserRequest;
import io.berth.iam.model.UserMessages.GetAccessKeyLastUsedRequest;
import io.berth.iam.model.UserMessages.GetAccessKeyLastUsedResult;
import io.berth.iam.model.UserMessages.UpdateAccessKeyRequest;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The read side sign-in and authorization use, driven through the IAM operations themselves. */
class IamDirectoryTest {

    private static final String ACCOUNT = "123456789012";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static final String LIST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";
    private static final String GET = LIST.replace("s3:ListBucket", "s3:GetObject");
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    @TempDir
    Path dir;
    private Store store;
    private IamDirectory directory;
    private InProcessIam iam;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        directory = new IamDirectory(store);
        iam = new InProcessIam(store, directory, ACCOUNT, NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void findsTheUserOfAnAccessKeyWithItsSecretAndStatus() {
        call("CreateUser", new CreateUserRequest("/ops/", "alice", null, null));
        CreateAccessKeyResult created = call("CreateAccessKey", new CreateAccessKeyRequest("alice"));
        String keyId = created.accessKey().accessKeyId();

        assertThat(directory.findAccessKey(keyId)).contains(new AccessKeyOwner(ACCOUNT, "alice", "AIDA00000000000000001",
                "arn:aws:iam::" + ACCOUNT + ":user/ops/alice", keyId, created.accessKey().secretAccessKey(), "Active"));

        call("UpdateAccessKey", new UpdateAccessKeyRequest("alice", keyId, "Inactive"));

        assertThat(directory.findAccessKey(keyId)).get().satisfies(owner -> {
            assertThat(owner.status()).isEqualTo("Inactive");
            assertThat(owner.active()).isFalse();
        });
        assertThat(directory.findAccessKey("AKIAUNKNOWNUNKNOWN00")).isEmpty();
    }

    @Test
    void aUsersPoliciesAreItsOwnAndItsGroups() {
        String local = "arn:aws:iam::" + ACCOUNT + ":policy/list";
        call("CreatePolicy", new CreatePolicyRequest("list", null, LIST, null, null));
        call("CreatePolicyVersion", new CreatePolicyVersionRequest(local, GET, true));
        call("CreateUser", new CreateUserRequest(null, "bob", null, null));
        call("CreateGroup", new CreateGroupRequest(null, "admins"));
        call("AddUserToGroup", new GroupMembershipRequest("admins", "bob"));
        call("AttachUserPolicy", new UserPolicyArnRequest("bob", local));
        call("PutUserPolicy", new PutUserPolicyRequest("bob", "own", LIST));
        call("AttachGroupPolicy", new GroupPolicyArnRequest("admins", ADMIN));
        call("PutGroupPolicy", new PutGroupPolicyRequest("admins", "shared", GET));

        List<IdentityPolicy> policies = directory.userPolicies(ACCOUNT, "BOB");

        assertThat(policies).extracting(IdentityPolicy::id).containsExactly(local,
                "arn:aws:iam::" + ACCOUNT + ":user/bob#own", ADMIN, "arn:aws:iam::" + ACCOUNT + ":group/admins#shared");
        assertThat(policies.getFirst().document()).as("the default version applies").isEqualTo(GET);
        assertThat(policies.get(2).document()).contains("\"Action\": \"*\"");
    }

    @Test
    void aRoleIsFoundByNameOrArnWithTrustPolicyBoundaryAndTags() {
        call("CreatePolicy", new CreatePolicyRequest("boundary", "/limits/", LIST, null, null));
        String boundary = "arn:aws:iam::" + ACCOUNT + ":policy/limits/boundary";
        call("CreateRole", new CreateRoleRequest("/app/", "Runner", TRUST, null, 7200, boundary,
                List.of(new Tag("team", "infra"))));
        call("AttachRolePolicy", new RolePolicyArnRequest("Runner", ADMIN));
        call("PutRolePolicy", new PutRolePolicyRequest("Runner", "extra", GET));
        String arn = "arn:aws:iam::" + ACCOUNT + ":role/app/Runner";

        RoleInfo role = directory.role(ACCOUNT, "runner").orElseThrow();

        assertThat(role).isEqualTo(new RoleInfo(ACCOUNT, "Runner", "AROA00000000000000002", arn, "/app/", TRUST, 7200,
                boundary, LIST, Map.of("team", "infra")));
        assertThat(directory.roleByArn(arn)).contains(role);
        assertThat(directory.roleByArn("arn:aws:iam::" + ACCOUNT + ":role/Runner")).as("wrong path").isEmpty();
        assertThat(directory.roleByArn("arn:aws:iam::999999999999:role/app/Runner")).as("other account").isEmpty();
        assertThat(directory.rolePolicies(ACCOUNT, "Runner")).extracting(IdentityPolicy::id)
                .containsExactly(ADMIN, arn + "#extra");
    }

    @Test
    void aUsersTagsAndBoundaryAreRead() {
        call("CreateUser", new CreateUserRequest(null, "carol", ADMIN, List.of(new Tag("dept", "eng"))));

        assertThat(directory.user(ACCOUNT, "carol")).get().satisfies(user -> {
            assertThat(user.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/carol");
            assertThat(user.permissionsBoundaryArn()).isEqualTo(ADMIN);
            assertThat(user.permissionsBoundaryDocument()).contains("\"Effect\": \"Allow\"");
            assertThat(user.tags()).containsExactly(Map.entry("dept", "eng"));
        });
        assertThat(directory.user(ACCOUNT, "nobody")).isEmpty();
    }

    @Test
    void cachedAnswersFollowEveryWrite() {
        call("CreateUser", new CreateUserRequest(null, "dave", null, null));
        assertThat(directory.userPolicies(ACCOUNT, "dave")).isEmpty();
        assertThat(directory.user(ACCOUNT, "erin")).isEmpty();

        call("AttachUserPolicy", new UserPolicyArnRequest("dave", ADMIN));
        call("CreateUser", new CreateUserRequest(null, "erin", null, null));

        assertThat(directory.userPolicies(ACCOUNT, "dave")).extracting(IdentityPolicy::id).containsExactly(ADMIN);
        assertThat(directory.user(ACCOUNT, "erin")).isPresent();
    }

    @Test
    void accessKeyUseIsRecordedAtMostOnceAMinuteUnlessItsServiceChanges() {
        call("CreateUser", new CreateUserRequest(null, "frank", null, null));
        String keyId = this.<CreateAccessKeyResult>call("CreateAccessKey", new CreateAccessKeyRequest("frank"))
                .accessKey().accessKeyId();

        directory.recordAccessKeyUse(keyId, NOW, "ecs", "eu-west-1");
        directory.recordAccessKeyUse(keyId, NOW.plusSeconds(30), "ecs", "eu-west-1");
        assertThat(lastUsed(keyId)).containsExactly(NOW, "ecs", "eu-west-1");

        directory.recordAccessKeyUse(keyId, NOW.plusSeconds(40), "logs", "eu-west-1");
        assertThat(lastUsed(keyId)).containsExactly(NOW.plusSeconds(40), "logs", "eu-west-1");

        directory.recordAccessKeyUse(keyId, NOW.plusSeconds(100), "logs", "eu-west-1");
        assertThat(lastUsed(keyId)).containsExactly(NOW.plusSeconds(100), "logs", "eu-west-1");

        directory.recordAccessKeyUse("AKIAUNKNOWNUNKNOWN00", NOW, "ecs", "eu-west-1");
    }

    private List<Object> lastUsed(String keyId) {
        GetAccessKeyLastUsedResult result = call("GetAccessKeyLastUsed", new GetAccessKeyLastUsedRequest(keyId));
        return List.of(result.accessKeyLastUsed().lastUsedDate(), result.accessKeyLastUsed().serviceName(),
                result.accessKeyLastUsed().region());
    }

    private <R> R call(String operation, Object request) {
        return iam.call(operation, request);
    }
}
