package io.berth.iam;

import io.berth.edge.AwsException;
import io.berth.iam.model.RoleMessages.CreateRoleRequest;
import io.berth.iam.model.RoleMessages.RoleNameRequest;
import io.berth.iam.model.RoleMessages.UpdateAssumeRolePolicyRequest;
import io.berth.iam.model.UserMessages.CreateUserRequest;
import io.berth.iam.model.UserMessages.DeleteUserRequest;
import io.berth.iam.model.UserMessages.UpdateUserRequest;
import io.berth.store.Documents;
import io.berth.store.SqliteStore;
import io.berth.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The users and roles of stored policies: checked, kept by unique id, shown by ARN while they exist. */
class PolicyPrincipalsTest {

    private static final String ACCOUNT = "123456789012";
    private static final String TRUST_SERVICE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    @TempDir
    Path dir;
    private Store store;
    private InProcessIam iam;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("berth.db"));
        iam = new InProcessIam(store, new IamDirectory(store), ACCOUNT, Instant.parse("2026-11-25T12:00:00Z"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String trusting(String... principals) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\""
                + String.join("\",\"", principals) + "\"]},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private String bind(String document) {
        return store.write(documents -> PolicyPrincipals.bind(documents, ACCOUNT, document));
    }

    private String show(String stored) {
        return store.read(documents -> PolicyPrincipals.show(documents, stored));
    }

    private String userId(String name) {
        return store.read(d -> IamRepository.user(d, ACCOUNT, name)).map(StoredUser::userId).orElseThrow();
    }

    private Optional<StoredRole> role(String name) {
        return store.read(d -> IamRepository.role(d, ACCOUNT, name));
    }

    private List<Documents.ScopedDocument> indexed() {
        return store.read(d -> d.scan(PolicyPrincipals.KIND));
    }

    @Test
    void usersAndRolesOfTheAccountAreKeptByUniqueIdAndShownByTheirArns() {
        iam.call("CreateUser", new CreateUserRequest("/ops/", "alice", null, null));
        iam.call("CreateRole", new CreateRoleRequest(null, "deployer", TRUST_SERVICE, null, null, null, null));
        String alice = "arn:aws:iam::" + ACCOUNT + ":user/ops/alice";
        String deployer = "arn:aws:iam::" + ACCOUNT + ":role/deployer";

        String stored = bind(trusting(alice, deployer));

        assertThat(stored).isEqualTo(trusting("AIDA00000000000000001", "AROA00000000000000002"));
        assertThat(show(stored)).isEqualTo(trusting(alice, deployer));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "123456789012", "arn:aws:iam::123456789012:root", "arn:aws:iam::210987654321:user/nobody",
            "arn:aws:iam::210987654321:role/missing", "arn:aws:sts::123456789012:assumed-role/missing/session",
            "arn:aws:iam::123456789012:federated-user/someone", "arn:aws-cn:iam::123456789012:user/nobody"})
    void whatNamesNoUserOrRoleOfTheAccountIsKeptAsWritten(String principal) {
        String document = trusting(principal);

        assertThat(bind(document)).isSameAs(document);
        assertThat(show(document)).isSameAs(document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user/nobody", "role/missing", "user/elsewhere/alice", "user/alice/"})
    void aUserOrRoleOfTheAccountThatDoesNotExistIsAnInvalidPrincipal(String resource) {
        iam.call("CreateUser", new CreateUserRequest("/ops/", "alice", null, null));
        String arn = "arn:aws:iam::" + ACCOUNT + ":" + resource;

        assertThatThrownBy(() -> bind(trusting("arn:aws:iam::" + ACCOUNT + ":root", arn)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedPolicyDocument");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid principal in policy: \"AWS\":\"" + arn + "\"");
                });
        assertThat(indexed()).as("nothing recorded").isEmpty();
    }

    @Test
    void namesMatchIgnoringCaseAndTheEntitysOwnArnIsShown() {
        iam.call("CreateUser", new CreateUserRequest(null, "Alice", null, null));

        String stored = bind(trusting("arn:aws:iam::" + ACCOUNT + ":user/ALICE"));

        assertThat(show(stored)).isEqualTo(trusting("arn:aws:iam::" + ACCOUNT + ":user/Alice"));
    }

    @Test
    void aDeletedUserIsShownByItsIdEvenOnceANewUserHasItsName() {
        iam.call("CreateUser", new CreateUserRequest(null, "bob", null, null));
        String oldId = userId("bob");
        String stored = bind(trusting("arn:aws:iam::" + ACCOUNT + ":user/bob"));

        iam.call("DeleteUser", new DeleteUserRequest("bob"));

        assertThat(show(stored)).isEqualTo(trusting(oldId));
        assertThat(indexed()).as("the id names nothing any more").isEmpty();
        iam.call("CreateUser", new CreateUserRequest(null, "bob", null, null));
        assertThat(userId("bob")).isNotEqualTo(oldId);
        assertThat(show(stored)).isEqualTo(trusting(oldId));
    }

    @Test
    void aDeletedRoleIsShownByItsId() {
        iam.call("CreateRole", new CreateRoleRequest(null, "ci", TRUST_SERVICE, null, null, null, null));
        String stored = bind(trusting("arn:aws:iam::" + ACCOUNT + ":role/ci"));

        iam.call("DeleteRole", new RoleNameRequest("ci"));

        assertThat(show(stored)).isEqualTo(trusting("AROA00000000000000001"));
    }

    @Test
    void aRenamedOrMovedUserIsShownByItsNewArn() {
        iam.call("CreateUser", new CreateUserRequest(null, "carol", null, null));
        String stored = bind(trusting("arn:aws:iam::" + ACCOUNT + ":user/carol"));

        iam.call("UpdateUser", new UpdateUserRequest("carol", "/moved/", "caroline"));

        assertThat(show(stored)).isEqualTo(trusting("arn:aws:iam::" + ACCOUNT + ":user/moved/caroline"));
    }

    @Test
    void aRoleMayTrustItselfOnceItExists() {
        String self = "arn:aws:iam::" + ACCOUNT + ":role/self";
        assertThatThrownBy(() -> iam.call("CreateRole", new CreateRoleRequest(null, "self", trusting(self), null, null,
                null, null))).hasMessage("Invalid principal in policy: \"AWS\":\"" + self + "\"");
        assertThat(role("self")).as("nothing created").isEmpty();

        iam.call("CreateRole", new CreateRoleRequest(null, "self", TRUST_SERVICE, null, null, null, null));
        iam.call("UpdateAssumeRolePolicy", new UpdateAssumeRolePolicyRequest("self",
                trusting(self)));

        StoredRole role = role("self").orElseThrow();
        assertThat(role.assumeRolePolicyDocument()).isEqualTo(trusting(role.roleId()));
    }

    @Test
    void aUniqueIdIsNoPrincipalACallerMayWrite() {
        iam.call("CreateUser", new CreateUserRequest(null, "dave", null, null));
        String id = userId("dave");

        assertThatThrownBy(() -> iam.call("CreateRole", new CreateRoleRequest(null, "by-id", trusting(id), null, null,
                null, null))).hasMessage("Invalid principal in policy: \"AWS\":\"" + id + "\"");
    }
}
