package io.berth.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** IsTruncated, Marker and MaxItems, as every IAM listing pages. */
class IamPaginationIT extends IamItSupport {

    @Test
    void listUsersPagesByMarker() {
        String path = "/" + unique("paged") + "/";
        List<String> names = List.of("user-a", "user-b", "user-c", "user-d", "user-e");
        names.forEach(n -> iam.createUser(r -> r.userName(n).path(path)));

        ListUsersResponse first = iam.listUsers(r -> r.pathPrefix(path).maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotBlank();
        assertThat(first.users()).extracting(User::userName).containsExactly("user-a", "user-b");
        ListUsersResponse second = iam.listUsers(r -> r.pathPrefix(path).maxItems(2).marker(first.marker()));
        assertThat(second.users()).extracting(User::userName).containsExactly("user-c", "user-d");
        ListUsersResponse last = iam.listUsers(r -> r.pathPrefix(path).maxItems(2).marker(second.marker()));
        assertThat(last.users()).extracting(User::userName).containsExactly("user-e");
        assertThat(last.isTruncated()).isFalse();
        assertThat(last.marker()).isNull();
        assertThat(iam.listUsersPaginator(r -> r.pathPrefix(path).maxItems(1)).users()).extracting(User::userName)
                .containsExactlyElementsOf(names);
    }

    @Test
    void listRolesGroupsAndPoliciesPage() {
        String path = "/" + unique("many") + "/";
        for (int i = 0; i < 3; i++) {
            String suffix = unique("x");
            iam.createRole(r -> r.roleName("role-" + suffix).path(path).assumeRolePolicyDocument(TRUST_EC2));
            iam.createGroup(r -> r.groupName("group-" + suffix).path(path));
            iam.createPolicy(r -> r.policyName("policy-" + suffix).path(path).policyDocument(ALLOW_LIST_BUCKET));
        }

        ListRolesResponse roles = iam.listRoles(r -> r.pathPrefix(path).maxItems(2));
        assertThat(roles.roles()).hasSize(2);
        assertThat(roles.isTruncated()).isTrue();
        assertThat(iam.listRoles(r -> r.pathPrefix(path).marker(roles.marker())).roles()).hasSize(1);
        assertThat(iam.listRolesPaginator(r -> r.pathPrefix(path).maxItems(1)).roles()).extracting(Role::path)
                .hasSize(3).containsOnly(path);
        assertThat(iam.listGroupsPaginator(r -> r.pathPrefix(path).maxItems(2)).groups()).extracting(Group::path)
                .hasSize(3).containsOnly(path);
        assertThat(iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix(path).maxItems(2)).policies())
                .extracting(Policy::path).hasSize(3).containsOnly(path);
        assertThat(iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.AWS).maxItems(2)).policies()).hasSize(5);
    }

    @Test
    void listingsOfOneEntityPage() {
        String role = unique("paged-role");
        String user = unique("paged-user");
        String group = unique("paged-group");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST_EC2));
        iam.createUser(r -> r.userName(user).tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("bb").value("2").build(), Tag.builder().key("ccc").value("3").build()));
        iam.createGroup(r -> r.groupName(group));
        List<String> policyArns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String arn = createPolicy(unique("attached"));
            policyArns.add(arn);
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(arn));
            String inline = "inline-" + i;
            iam.putRolePolicy(r -> r.roleName(role).policyName(inline).policyDocument(ALLOW_LIST_BUCKET));
            String member = unique("member");
            iam.createUser(r -> r.userName(member));
            iam.addUserToGroup(r -> r.groupName(group).userName(member));
        }
        iam.createAccessKey(r -> r.userName(user));
        iam.createAccessKey(r -> r.userName(user));

        assertThat(all((marker, max) -> iam.listAttachedRolePolicies(r -> r.roleName(role).marker(marker).maxItems(max)),
                r -> r.attachedPolicies(), r -> r.marker())).extracting(AttachedPolicy::policyArn)
                .containsExactlyInAnyOrderElementsOf(policyArns);
        assertThat(all((marker, max) -> iam.listRolePolicies(r -> r.roleName(role).marker(marker).maxItems(max)),
                r -> r.policyNames(), r -> r.marker())).containsExactly("inline-0", "inline-1", "inline-2");
        assertThat(all((marker, max) -> iam.getGroup(r -> r.groupName(group).marker(marker).maxItems(max)),
                r -> r.users(), r -> r.marker())).hasSize(3);
        assertThat(all((marker, max) -> iam.listUserTags(r -> r.userName(user).marker(marker).maxItems(max)),
                r -> r.tags(), r -> r.marker())).extracting(Tag::key).containsExactly("a", "bb", "ccc");
        assertThat(all((marker, max) -> iam.listAccessKeys(r -> r.userName(user).marker(marker).maxItems(max)),
                r -> r.accessKeyMetadata(), r -> r.marker())).hasSize(2);
        assertThat(all((marker, max) -> iam.listEntitiesForPolicy(r -> r.policyArn(policyArns.getFirst()).marker(marker)
                .maxItems(max)), r -> r.policyRoles(), r -> r.marker())).extracting(PolicyRole::roleName).containsExactly(role);

        String versioned = policyArns.getFirst();
        iam.createPolicyVersion(r -> r.policyArn(versioned).policyDocument(ALLOW_LIST_BUCKET));
        iam.createPolicyVersion(r -> r.policyArn(versioned).policyDocument(ALLOW_LIST_BUCKET));
        assertThat(all((marker, max) -> iam.listPolicyVersions(r -> r.policyArn(versioned).marker(marker).maxItems(max)),
                r -> r.versions(), r -> r.marker())).extracting(PolicyVersion::versionId).containsExactly("v3", "v2", "v1");
    }

    @Test
    void maxItemsIsBetweenOneAndAThousand() {
        assertValidationError(() -> iam.listUsers(r -> r.maxItems(0)),
                "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertValidationError(() -> iam.listRoles(r -> r.maxItems(1001)),
                "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000");
    }

    /** Every item of a listing, read one item per page. */
    private static <P, T> List<T> all(BiFunction<String, Integer, P> call, Function<P, List<T>> items,
                                      Function<P, String> markerOf) {
        List<T> out = new ArrayList<>();
        String marker = null;
        do {
            P page = call.apply(marker, 1);
            assertThat(items.apply(page)).hasSizeLessThanOrEqualTo(1);
            out.addAll(items.apply(page));
            marker = markerOf.apply(page);
        } while (marker != null);
        return out;
    }
}
