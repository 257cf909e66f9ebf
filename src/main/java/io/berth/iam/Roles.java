package io.berth.iam;

import io.berth.edge.RequestContext;
import io.berth.iam.IamViews.Detail;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.RoleMessages.CreateRoleRequest;
import io.berth.iam.model.RoleMessages.ListInstanceProfilesForRoleRequest;
import io.berth.iam.model.RoleMessages.ListInstanceProfilesResult;
import io.berth.iam.model.RoleMessages.ListRolesRequest;
import io.berth.iam.model.RoleMessages.ListRolesResult;
import io.berth.iam.model.RoleMessages.PutRolePermissionsBoundaryRequest;
import io.berth.iam.model.RoleMessages.RoleNameRequest;
import io.berth.iam.model.RoleMessages.RoleResult;
import io.berth.iam.model.RoleMessages.UpdateAssumeRolePolicyRequest;
import io.berth.iam.model.RoleMessages.UpdateRoleRequest;
import io.berth.iam.policy.PolicyKind;
import io.berth.kit.PageTokens.Page;
import io.berth.kit.ServiceContext;
import io.berth.store.Documents;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.berth.iam.Violations.ARN;
import static io.berth.iam.Violations.PATH;
import static io.berth.iam.Violations.PATH_PREFIX;
import static io.berth.iam.Violations.POLICY_DOCUMENT;
import static io.berth.iam.Violations.ROLE_DESCRIPTION;
import static io.berth.iam.Violations.ROLE_NAME;

/** IAM roles: trust policy, session duration, tags and permissions boundary. */
final class Roles {

    static final int DEFAULT_SESSION_SECONDS = 3600;
    private static final int MIN_SESSION_SECONDS = 3600;
    private static final int MAX_SESSION_SECONDS = 43200;
    /** A trust policy's size limit, whitespace not counted. */
    private static final int MAX_TRUST_POLICY = 2048;

    private final ServiceContext<IamIds> iam;
    private final TaggableEntity tags;

    Roles(ServiceContext<IamIds> iam) {
        this.iam = iam;
        this.tags = new TaggableEntity(iam, "roleName", ROLE_NAME, "TagsPerRole", true,
                TaggableEntity.reader(Roles::require), TaggableEntity.writer(Roles::require, IamRepository::saveRole));
    }

    /** Roles' tags: keys unique ignoring case, at most 50 (TagsPerRole). */
    TaggableEntity tags() {
        return tags;
    }

    RoleResult createRole(RequestContext context, CreateRoleRequest request) {
        Violations.check().optional("path", request.path(), PATH).text("roleName", request.roleName(), ROLE_NAME)
                .text("assumeRolePolicyDocument", request.assumeRolePolicyDocument(), POLICY_DOCUMENT)
                .optional("description", request.description(), ROLE_DESCRIPTION)
                .number("maxSessionDuration", request.maxSessionDuration(), MIN_SESSION_SECONDS, MAX_SESSION_SECONDS)
                .optional("permissionsBoundary", request.permissionsBoundary(), ARN).tags(request.tags()).done();
        validateTrustPolicy(request.assumeRolePolicyDocument());
        tags.requireDistinct(request.tags());
        String account = context.accountId();
        return iam.write(documents -> {
            String trustPolicy = PolicyPrincipals.bind(documents, account, request.assumeRolePolicyDocument());
            String boundary = request.permissionsBoundary() == null ? null
                    : Boundaries.require(documents, account, request.permissionsBoundary());
            if (IamRepository.role(documents, account, request.roleName()).isPresent()) {
                throw IamErrors.alreadyExists("Role with name " + request.roleName() + " already exists.");
            }
            StoredRole role = new StoredRole(request.roleName(), iam.ids().uniqueId("AROA"),
                    request.path() == null ? "/" : request.path(), iam.now(), trustPolicy,
                    request.description(),
                    request.maxSessionDuration() == null ? DEFAULT_SESSION_SECONDS : request.maxSessionDuration(),
                    boundary, tags.initial(request.tags()), null, null);
            IamRepository.saveRole(documents, account, role);
            Boundaries.replace(documents, account, EntityKind.ROLE, role.roleName(), null, boundary);
            return new RoleResult(IamViews.role(documents, account, role, Detail.CREATED));
        });
    }

    RoleResult getRole(RequestContext context, RoleNameRequest request) {
        validateName(request.roleName());
        String account = context.accountId();
        return iam.read(documents -> new RoleResult(IamViews.role(documents, account, require(documents, account,
                request.roleName()), Detail.FULL)));
    }

    ListRolesResult listRoles(RequestContext context, ListRolesRequest request) {
        Violations.check().optional("pathPrefix", request.pathPrefix(), PATH_PREFIX).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String account = context.accountId();
        return iam.read(documents -> {
            Page<StoredRole> page = IamPaging.fromStore(request.marker(), request.maxItems(),
                    (after, size) -> IamRepository.page(documents, IamRepository.ROLE, account, after, size, StoredRole.class),
                    role -> request.pathPrefix() == null || role.path().startsWith(request.pathPrefix()),
                    role -> IamRepository.key(role.roleName()));
            return new ListRolesResult(page.items().stream().map(r -> IamViews.role(documents, account, r, Detail.LISTED))
                    .toList(), page.truncated(), page.nextToken());
        });
    }

    /** What the request leaves out stays as it was. */
    NoResult updateRole(RequestContext context, UpdateRoleRequest request) {
        Violations.check().text("roleName", request.roleName(), ROLE_NAME)
                .optional("description", request.description(), ROLE_DESCRIPTION)
                .number("maxSessionDuration", request.maxSessionDuration(), MIN_SESSION_SECONDS, MAX_SESSION_SECONDS)
                .done();
        return update(context, request.roleName(), role -> role.withSettings(
                request.description() == null ? role.description() : request.description(),
                request.maxSessionDuration() == null ? role.maxSessionDuration() : request.maxSessionDuration()));
    }

    NoResult updateAssumeRolePolicy(RequestContext context, UpdateAssumeRolePolicyRequest request) {
        Violations.check().text("roleName", request.roleName(), ROLE_NAME)
                .text("policyDocument", request.policyDocument(), POLICY_DOCUMENT).done();
        validateTrustPolicy(request.policyDocument());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredRole role = require(documents, account, request.roleName());
            IamRepository.saveRole(documents, account,
                    role.withTrustPolicy(PolicyPrincipals.bind(documents, account, request.policyDocument())));
            return new NoResult();
        });
    }

    NoResult deleteRole(RequestContext context, RoleNameRequest request) {
        validateName(request.roleName());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredRole role = require(documents, account, request.roleName());
            if (!role.attachedPolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!role.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            Boundaries.replace(documents, account, EntityKind.ROLE, role.roleName(), role.permissionsBoundary(), null);
            PolicyPrincipals.forget(documents, role.roleId());
            IamRepository.delete(documents, IamRepository.ROLE, account, role.roleName());
            return new NoResult();
        });
    }

    /**
     * Instance profiles hand roles to EC2 instances; Berth runs no instances and has none, so a role
     * that exists is in no instance profile (clients such as Terraform ask before DeleteRole).
     */
    ListInstanceProfilesResult listInstanceProfilesForRole(RequestContext context,
                                                           ListInstanceProfilesForRoleRequest request) {
        Violations.check().text("roleName", request.roleName(), ROLE_NAME).marker(request.marker())
                .maxItems(request.maxItems()).done();
        String account = context.accountId();
        iam.read(documents -> require(documents, account, request.roleName()));
        return new ListInstanceProfilesResult(List.of(), false, null);
    }

    NoResult putRolePermissionsBoundary(RequestContext context, PutRolePermissionsBoundaryRequest request) {
        Violations.check().text("roleName", request.roleName(), ROLE_NAME)
                .text("permissionsBoundary", request.permissionsBoundary(), ARN).done();
        String account = context.accountId();
        return iam.write(documents -> {
            StoredRole role = require(documents, account, request.roleName());
            String boundary = Boundaries.require(documents, account, request.permissionsBoundary());
            Boundaries.replace(documents, account, EntityKind.ROLE, role.roleName(), role.permissionsBoundary(), boundary);
            IamRepository.saveRole(documents, account, role.withPermissionsBoundary(boundary));
            return new NoResult();
        });
    }

    NoResult deleteRolePermissionsBoundary(RequestContext context, RoleNameRequest request) {
        validateName(request.roleName());
        String account = context.accountId();
        return iam.write(documents -> {
            StoredRole role = require(documents, account, request.roleName());
            Boundaries.replace(documents, account, EntityKind.ROLE, role.roleName(), role.permissionsBoundary(), null);
            IamRepository.saveRole(documents, account, role.withPermissionsBoundary(null));
            return new NoResult();
        });
    }

    static StoredRole require(Documents documents, String account, String name) {
        return IamRepository.role(documents, account, name).orElseThrow(() -> EntityKind.ROLE.notFound(name));
    }

    private static void validateName(String roleName) {
        Violations.check().text("roleName", roleName, ROLE_NAME).done();
    }

    /**
     * The parser's verdict first, then IAM's size quota for trust policies; whether the users and
     * roles it names exist is asked in the write ({@link PolicyPrincipals#bind}).
     */
    private static void validateTrustPolicy(String document) {
        PolicyDocuments.validate(document, PolicyKind.TRUST);
        if (PolicyDocuments.size(document) > MAX_TRUST_POLICY) {
            throw IamErrors.quota("ACLSizePerRole", MAX_TRUST_POLICY);
        }
    }

    private NoResult update(RequestContext context, String name, UnaryOperator<StoredRole> change) {
        String account = context.accountId();
        return iam.write(documents -> {
            IamRepository.saveRole(documents, account, change.apply(require(documents, account, name)));
            return new NoResult();
        });
    }
}
