package io.berth.iam;

import io.berth.iam.model.SimulationMessages;
import io.berth.edge.Operation;
import io.berth.edge.ResourceResolver;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceModule;
import io.berth.iam.model.EntityPolicyMessages.GetGroupPolicyResult;
import io.berth.iam.model.EntityPolicyMessages.GetRolePolicyResult;
import io.berth.iam.model.EntityPolicyMessages.GetUserPolicyResult;
import io.berth.iam.model.EntityPolicyMessages.GroupPolicyArnRequest;
import io.berth.iam.model.EntityPolicyMessages.GroupPolicyNameRequest;
import io.berth.iam.model.EntityPolicyMessages.ListAttachedGroupPoliciesRequest;
import io.berth.iam.model.EntityPolicyMessages.ListAttachedRolePoliciesRequest;
import io.berth.iam.model.EntityPolicyMessages.ListAttachedUserPoliciesRequest;
import io.berth.iam.model.EntityPolicyMessages.ListGroupPoliciesRequest;
import io.berth.iam.model.EntityPolicyMessages.ListRolePoliciesRequest;
import io.berth.iam.model.EntityPolicyMessages.ListUserPoliciesRequest;
import io.berth.iam.model.EntityPolicyMessages.PutGroupPolicyRequest;
import io.berth.iam.model.EntityPolicyMessages.PutRolePolicyRequest;
import io.berth.iam.model.EntityPolicyMessages.PutUserPolicyRequest;
import io.berth.iam.model.EntityPolicyMessages.RolePolicyArnRequest;
import io.berth.iam.model.EntityPolicyMessages.RolePolicyNameRequest;
import io.berth.iam.model.EntityPolicyMessages.UserPolicyArnRequest;
import io.berth.iam.model.EntityPolicyMessages.UserPolicyNameRequest;
import io.berth.iam.model.GroupMessages.CreateGroupRequest;
import io.berth.iam.model.GroupMessages.DeleteGroupRequest;
import io.berth.iam.model.GroupMessages.GetGroupRequest;
import io.berth.iam.model.GroupMessages.GroupMembershipRequest;
import io.berth.iam.model.GroupMessages.ListGroupsForUserRequest;
import io.berth.iam.model.GroupMessages.ListGroupsRequest;
import io.berth.iam.model.PolicyMessages.CreatePolicyRequest;
import io.berth.iam.model.PolicyMessages.CreatePolicyVersionRequest;
import io.berth.iam.model.PolicyMessages.ListEntitiesForPolicyRequest;
import io.berth.iam.model.PolicyMessages.ListPoliciesRequest;
import io.berth.iam.model.PolicyMessages.ListPolicyTagsRequest;
import io.berth.iam.model.PolicyMessages.ListPolicyVersionsRequest;
import io.berth.iam.model.PolicyMessages.PolicyArnRequest;
import io.berth.iam.model.PolicyMessages.PolicyVersionRequest;
import io.berth.iam.model.PolicyMessages.TagPolicyRequest;
import io.berth.iam.model.PolicyMessages.UntagPolicyRequest;
import io.berth.iam.model.RoleMessages.CreateRoleRequest;
import io.berth.iam.model.RoleMessages.ListInstanceProfilesForRoleRequest;
import io.berth.iam.model.RoleMessages.ListRoleTagsRequest;
import io.berth.iam.model.RoleMessages.ListRolesRequest;
import io.berth.iam.model.RoleMessages.PutRolePermissionsBoundaryRequest;
import io.berth.iam.model.RoleMessages.RoleNameRequest;
import io.berth.iam.model.RoleMessages.TagRoleRequest;
import io.berth.iam.model.RoleMessages.UntagRoleRequest;
import io.berth.iam.model.RoleMessages.UpdateAssumeRolePolicyRequest;
import io.berth.iam.model.RoleMessages.UpdateRoleRequest;
import io.berth.iam.model.UserMessages.CreateAccessKeyRequest;
import io.berth.iam.model.UserMessages.CreateUserRequest;
import io.berth.iam.model.UserMessages.DeleteAccessKeyRequest;
import io.berth.iam.model.UserMessages.DeleteUserPermissionsBoundaryRequest;
import io.berth.iam.model.UserMessages.DeleteUserRequest;
import io.berth.iam.model.UserMessages.GetAccessKeyLastUsedRequest;
import io.berth.iam.model.UserMessages.GetUserRequest;
import io.berth.iam.model.UserMessages.ListAccessKeysRequest;
import io.berth.iam.model.UserMessages.ListUserTagsRequest;
import io.berth.iam.model.UserMessages.ListUsersRequest;
import io.berth.iam.model.UserMessages.PutUserPermissionsBoundaryRequest;
import io.berth.iam.model.UserMessages.TagUserRequest;
import io.berth.iam.model.UserMessages.UntagUserRequest;
import io.berth.iam.model.UserMessages.UpdateAccessKeyRequest;
import io.berth.iam.model.UserMessages.UpdateUserRequest;
import io.berth.kit.ServiceContext;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static io.berth.iam.EntityKind.GROUP;
import static io.berth.iam.EntityKind.ROLE;
import static io.berth.iam.EntityKind.USER;
import static io.berth.iam.Violations.EXISTING_USER_NAME;
import static io.berth.iam.Violations.GROUP_NAME;
import static io.berth.iam.Violations.ROLE_NAME;
import static io.berth.iam.Violations.USER_NAME;

/**
 * AWS IAM over the Query protocol (version 2010-05-08), every operation declared once with the
 * IAM action and the resource IAM authorizes it on. IAM is global: state is per account, the
 * request's region plays no part.
 */
public final class IamApi {

    public static final String VERSION = "2010-05-08";
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamApi() {
    }

    /**
     * IAM with random ids, whose users', roles' and policies' tags policies read as
     * aws:ResourceTag/… keys; {@code directory} is the one sign-in and authorization read.
     */
    public static ServiceModule module(Store store, InstantSource clock, IamDirectory directory) {
        ServiceContext<IamIds> iam = context(store, clock, IamIds.random());
        IamResources on = new IamResources(iam);
        return ServiceModule.of(definition(iam, on, directory), "iam").withTags(on::tags);
    }

    public static ServiceDefinition definition(Store store, InstantSource clock, IamIds ids, IamDirectory directory) {
        ServiceContext<IamIds> iam = context(store, clock, ids);
        return definition(iam, new IamResources(iam), directory);
    }

    /**
     * Each write moves the directory's stored generation on in its own transaction, so no cache keeps
     * what it replaced; IAM shows times in whole seconds.
     */
    private static ServiceContext<IamIds> context(Store store, InstantSource clock, IamIds ids) {
        return ServiceContext.of(store, clock, ids).inWholeSeconds().afterEachWrite(IamDirectory::bump);
    }

    private static ServiceDefinition definition(ServiceContext<IamIds> iam, IamResources on, IamDirectory directory) {
        Attachments attachments = new Attachments(iam);
        List<Operation<?, ?>> operations = new ArrayList<>();
        operations.addAll(users(new Users(iam), new AccessKeys(iam), new Groups(iam), on));
        operations.addAll(roles(new Roles(iam), on));
        operations.addAll(policies(new ManagedPolicies(iam), new PolicyVersions(iam), attachments));
        operations.addAll(attachments(attachments, on));
        operations.addAll(inlinePolicies(new InlinePolicies(iam), on));
        Simulations simulations = new Simulations(directory);
        operations.add(Operation.named("iam", "SimulatePrincipalPolicy",
                        SimulationMessages.SimulatePrincipalPolicyRequest.class)
                .on((c, r) -> List.of(String.valueOf(r.policySourceArn())))
                .handledBy(simulations::simulatePrincipalPolicy));
        operations.add(Operation.named("iam", "SimulateCustomPolicy",
                        SimulationMessages.SimulateCustomPolicyRequest.class)
                .on(ResourceResolver.any()).handledBy(simulations::simulateCustomPolicy));
        return new ServiceDefinition.Query("iam", VERSION, NAMESPACE, operations);
    }

    private static List<Operation<?, ?>> users(Users users, AccessKeys keys, Groups groups, IamResources on) {
        return List.of(
                Operation.named("iam", "CreateUser", CreateUserRequest.class)
                        .on((c, r) -> IamResources.created(c, "user", r.path(), r.userName()))
                        .handledBy(users::createUser),
                Operation.named("iam", "GetUser", GetUserRequest.class).on((c, r) -> on.user(c, r.userName()))
                        .handledBy(users::getUser),
                Operation.named("iam", "ListUsers", ListUsersRequest.class).on(ResourceResolver.any())
                        .handledBy(users::listUsers),
                Operation.named("iam", "UpdateUser", UpdateUserRequest.class).on((c, r) -> on.user(c, r.userName()))
                        .handledBy(users::updateUser),
                Operation.named("iam", "DeleteUser", DeleteUserRequest.class).on((c, r) -> on.user(c, r.userName()))
                        .handledBy(users::deleteUser),
                Operation.named("iam", "TagUser", TagUserRequest.class).on((c, r) -> on.user(c, r.userName()))
                        .handledBy((c, r) -> users.tags().tag(c, r.userName(), r.tags())),
                Operation.named("iam", "UntagUser", UntagUserRequest.class).on((c, r) -> on.user(c, r.userName()))
                        .handledBy((c, r) -> users.tags().untag(c, r.userName(), r.tagKeys())),
                Operation.named("iam", "ListUserTags", ListUserTagsRequest.class)
                        .on((c, r) -> on.user(c, r.userName()))
                        .handledBy((c, r) -> users.tags().list(c, r.userName(), r.marker(), r.maxItems())),
                Operation.named("iam", "PutUserPermissionsBoundary", PutUserPermissionsBoundaryRequest.class)
                        .on((c, r) -> on.user(c, r.userName())).handledBy(users::putUserPermissionsBoundary),
                Operation.named("iam", "DeleteUserPermissionsBoundary", DeleteUserPermissionsBoundaryRequest.class)
                        .on((c, r) -> on.user(c, r.userName())).handledBy(users::deleteUserPermissionsBoundary),
                Operation.named("iam", "CreateAccessKey", CreateAccessKeyRequest.class)
                        .on((c, r) -> on.user(c, r.userName())).handledBy(keys::createAccessKey),
                Operation.named("iam", "ListAccessKeys", ListAccessKeysRequest.class)
                        .on((c, r) -> on.user(c, r.userName())).handledBy(keys::listAccessKeys),
                Operation.named("iam", "UpdateAccessKey", UpdateAccessKeyRequest.class)
                        .on((c, r) -> on.user(c, r.userName())).handledBy(keys::updateAccessKey),
                Operation.named("iam", "DeleteAccessKey", DeleteAccessKeyRequest.class)
                        .on((c, r) -> on.user(c, r.userName())).handledBy(keys::deleteAccessKey),
                Operation.named("iam", "GetAccessKeyLastUsed", GetAccessKeyLastUsedRequest.class)
                        .on((c, r) -> on.accessKeyOwner(c, r.accessKeyId())).handledBy(keys::getAccessKeyLastUsed),
                Operation.named("iam", "CreateGroup", CreateGroupRequest.class)
                        .on((c, r) -> IamResources.created(c, "group", r.path(), r.groupName()))
                        .handledBy(groups::createGroup),
                Operation.named("iam", "GetGroup", GetGroupRequest.class).on((c, r) -> on.group(c, r.groupName()))
                        .handledBy(groups::getGroup),
                Operation.named("iam", "ListGroups", ListGroupsRequest.class).on(ResourceResolver.any())
                        .handledBy(groups::listGroups),
                Operation.named("iam", "DeleteGroup", DeleteGroupRequest.class)
                        .on((c, r) -> on.group(c, r.groupName())).handledBy(groups::deleteGroup),
                Operation.named("iam", "AddUserToGroup", GroupMembershipRequest.class)
                        .on((c, r) -> on.group(c, r.groupName())).handledBy(groups::addUserToGroup),
                Operation.named("iam", "RemoveUserFromGroup", GroupMembershipRequest.class)
                        .on((c, r) -> on.group(c, r.groupName())).handledBy(groups::removeUserFromGroup),
                Operation.named("iam", "ListGroupsForUser", ListGroupsForUserRequest.class)
                        .on((c, r) -> on.user(c, r.userName())).handledBy(groups::listGroupsForUser));
    }

    private static List<Operation<?, ?>> roles(Roles roles, IamResources on) {
        return List.of(
                Operation.named("iam", "CreateRole", CreateRoleRequest.class)
                        .on((c, r) -> IamResources.created(c, "role", r.path(), r.roleName()))
                        .handledBy(roles::createRole),
                Operation.named("iam", "GetRole", RoleNameRequest.class).on((c, r) -> on.role(c, r.roleName()))
                        .handledBy(roles::getRole),
                Operation.named("iam", "ListRoles", ListRolesRequest.class).on(ResourceResolver.any())
                        .handledBy(roles::listRoles),
                Operation.named("iam", "UpdateRole", UpdateRoleRequest.class).on((c, r) -> on.role(c, r.roleName()))
                        .handledBy(roles::updateRole),
                Operation.named("iam", "UpdateAssumeRolePolicy", UpdateAssumeRolePolicyRequest.class)
                        .on((c, r) -> on.role(c, r.roleName())).handledBy(roles::updateAssumeRolePolicy),
                Operation.named("iam", "DeleteRole", RoleNameRequest.class).on((c, r) -> on.role(c, r.roleName()))
                        .handledBy(roles::deleteRole),
                Operation.named("iam", "TagRole", TagRoleRequest.class).on((c, r) -> on.role(c, r.roleName()))
                        .handledBy((c, r) -> roles.tags().tag(c, r.roleName(), r.tags())),
                Operation.named("iam", "UntagRole", UntagRoleRequest.class).on((c, r) -> on.role(c, r.roleName()))
                        .handledBy((c, r) -> roles.tags().untag(c, r.roleName(), r.tagKeys())),
                Operation.named("iam", "ListRoleTags", ListRoleTagsRequest.class)
                        .on((c, r) -> on.role(c, r.roleName()))
                        .handledBy((c, r) -> roles.tags().list(c, r.roleName(), r.marker(), r.maxItems())),
                Operation.named("iam", "ListInstanceProfilesForRole", ListInstanceProfilesForRoleRequest.class)
                        .on((c, r) -> on.role(c, r.roleName())).handledBy(roles::listInstanceProfilesForRole),
                Operation.named("iam", "PutRolePermissionsBoundary", PutRolePermissionsBoundaryRequest.class)
                        .on((c, r) -> on.role(c, r.roleName())).handledBy(roles::putRolePermissionsBoundary),
                Operation.named("iam", "DeleteRolePermissionsBoundary", RoleNameRequest.class)
                        .on((c, r) -> on.role(c, r.roleName())).handledBy(roles::deleteRolePermissionsBoundary));
    }

    private static List<Operation<?, ?>> policies(ManagedPolicies policies, PolicyVersions versions,
                                                     Attachments attachments) {
        return List.of(
                Operation.named("iam", "CreatePolicy", CreatePolicyRequest.class)
                        .on((c, r) -> IamResources.created(c, "policy", r.path(), r.policyName()))
                        .handledBy(policies::createPolicy),
                Operation.named("iam", "GetPolicy", PolicyArnRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn())).handledBy(policies::getPolicy),
                Operation.named("iam", "ListPolicies", ListPoliciesRequest.class).on(ResourceResolver.any())
                        .handledBy(policies::listPolicies),
                Operation.named("iam", "DeletePolicy", PolicyArnRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn())).handledBy(policies::deletePolicy),
                Operation.named("iam", "TagPolicy", TagPolicyRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn()))
                        .handledBy((c, r) -> policies.tags().tag(c, r.policyArn(), r.tags())),
                Operation.named("iam", "UntagPolicy", UntagPolicyRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn()))
                        .handledBy((c, r) -> policies.tags().untag(c, r.policyArn(), r.tagKeys())),
                Operation.named("iam", "ListPolicyTags", ListPolicyTagsRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn()))
                        .handledBy((c, r) -> policies.tags().list(c, r.policyArn(), r.marker(), r.maxItems())),
                Operation.named("iam", "CreatePolicyVersion", CreatePolicyVersionRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn())).handledBy(versions::createPolicyVersion),
                Operation.named("iam", "GetPolicyVersion", PolicyVersionRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn())).handledBy(versions::getPolicyVersion),
                Operation.named("iam", "ListPolicyVersions", ListPolicyVersionsRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn())).handledBy(versions::listPolicyVersions),
                Operation.named("iam", "DeletePolicyVersion", PolicyVersionRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn())).handledBy(versions::deletePolicyVersion),
                Operation.named("iam", "SetDefaultPolicyVersion", PolicyVersionRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn())).handledBy(versions::setDefaultPolicyVersion),
                Operation.named("iam", "ListEntitiesForPolicy", ListEntitiesForPolicyRequest.class)
                        .on((c, r) -> IamResources.policy(r.policyArn()))
                        .handledBy(attachments::listEntitiesForPolicy));
    }

    private static List<Operation<?, ?>> attachments(Attachments a, IamResources on) {
        return List.of(
                Operation.named("iam", "AttachUserPolicy", UserPolicyArnRequest.class)
                        .on((c, r) -> on.entity(c, USER, r.userName()))
                        .handledBy((c, r) -> a.attach(c, USER, r.userName(), USER_NAME, r.policyArn())),
                Operation.named("iam", "DetachUserPolicy", UserPolicyArnRequest.class)
                        .on((c, r) -> on.entity(c, USER, r.userName()))
                        .handledBy((c, r) -> a.detach(c, USER, r.userName(), USER_NAME, r.policyArn())),
                Operation.named("iam", "ListAttachedUserPolicies", ListAttachedUserPoliciesRequest.class)
                        .on((c, r) -> on.entity(c, USER, r.userName()))
                        .handledBy((c, r) -> a.listAttached(c, USER, r.userName(), USER_NAME, r.pathPrefix(),
                                r.marker(), r.maxItems())),
                Operation.named("iam", "AttachRolePolicy", RolePolicyArnRequest.class)
                        .on((c, r) -> on.entity(c, ROLE, r.roleName()))
                        .handledBy((c, r) -> a.attach(c, ROLE, r.roleName(), ROLE_NAME, r.policyArn())),
                Operation.named("iam", "DetachRolePolicy", RolePolicyArnRequest.class)
                        .on((c, r) -> on.entity(c, ROLE, r.roleName()))
                        .handledBy((c, r) -> a.detach(c, ROLE, r.roleName(), ROLE_NAME, r.policyArn())),
                Operation.named("iam", "ListAttachedRolePolicies", ListAttachedRolePoliciesRequest.class)
                        .on((c, r) -> on.entity(c, ROLE, r.roleName()))
                        .handledBy((c, r) -> a.listAttached(c, ROLE, r.roleName(), ROLE_NAME, r.pathPrefix(),
                                r.marker(), r.maxItems())),
                Operation.named("iam", "AttachGroupPolicy", GroupPolicyArnRequest.class)
                        .on((c, r) -> on.entity(c, GROUP, r.groupName()))
                        .handledBy((c, r) -> a.attach(c, GROUP, r.groupName(), GROUP_NAME, r.policyArn())),
                Operation.named("iam", "DetachGroupPolicy", GroupPolicyArnRequest.class)
                        .on((c, r) -> on.entity(c, GROUP, r.groupName()))
                        .handledBy((c, r) -> a.detach(c, GROUP, r.groupName(), GROUP_NAME, r.policyArn())),
                Operation.named("iam", "ListAttachedGroupPolicies", ListAttachedGroupPoliciesRequest.class)
                        .on((c, r) -> on.entity(c, GROUP, r.groupName()))
                        .handledBy((c, r) -> a.listAttached(c, GROUP, r.groupName(), GROUP_NAME, r.pathPrefix(),
                                r.marker(), r.maxItems())));
    }

    private static List<Operation<?, ?>> inlinePolicies(InlinePolicies p, IamResources on) {
        return List.of(
                Operation.named("iam", "PutUserPolicy", PutUserPolicyRequest.class)
                        .on((c, r) -> on.entity(c, USER, r.userName()))
                        .handledBy((c, r) -> p.put(c, USER, r.userName(), EXISTING_USER_NAME, r.policyName(),
                                r.policyDocument())),
                Operation.named("iam", "GetUserPolicy", UserPolicyNameRequest.class)
                        .on((c, r) -> on.entity(c, USER, r.userName()))
                        .handledBy((c, r) -> {
                            InlinePolicies.Found found = p.get(c, USER, r.userName(), EXISTING_USER_NAME,
                                    r.policyName());
                            return new GetUserPolicyResult(found.entityName(), found.policyName(),
                                    PolicyDocuments.urlEncode(found.document()));
                        }),
                Operation.named("iam", "DeleteUserPolicy", UserPolicyNameRequest.class)
                        .on((c, r) -> on.entity(c, USER, r.userName()))
                        .handledBy((c, r) -> p.delete(c, USER, r.userName(), EXISTING_USER_NAME, r.policyName())),
                Operation.named("iam", "ListUserPolicies", ListUserPoliciesRequest.class)
                        .on((c, r) -> on.entity(c, USER, r.userName()))
                        .handledBy((c, r) -> p.list(c, USER, r.userName(), EXISTING_USER_NAME, r.marker(),
                                r.maxItems())),
                Operation.named("iam", "PutRolePolicy", PutRolePolicyRequest.class)
                        .on((c, r) -> on.entity(c, ROLE, r.roleName()))
                        .handledBy((c, r) -> p.put(c, ROLE, r.roleName(), ROLE_NAME, r.policyName(),
                                r.policyDocument())),
                Operation.named("iam", "GetRolePolicy", RolePolicyNameRequest.class)
                        .on((c, r) -> on.entity(c, ROLE, r.roleName()))
                        .handledBy((c, r) -> {
                            InlinePolicies.Found found = p.get(c, ROLE, r.roleName(), ROLE_NAME, r.policyName());
                            return new GetRolePolicyResult(found.entityName(), found.policyName(),
                                    PolicyDocuments.urlEncode(found.document()));
                        }),
                Operation.named("iam", "DeleteRolePolicy", RolePolicyNameRequest.class)
                        .on((c, r) -> on.entity(c, ROLE, r.roleName()))
                        .handledBy((c, r) -> p.delete(c, ROLE, r.roleName(), ROLE_NAME, r.policyName())),
                Operation.named("iam", "ListRolePolicies", ListRolePoliciesRequest.class)
                        .on((c, r) -> on.entity(c, ROLE, r.roleName()))
                        .handledBy((c, r) -> p.list(c, ROLE, r.roleName(), ROLE_NAME, r.marker(), r.maxItems())),
                Operation.named("iam", "PutGroupPolicy", PutGroupPolicyRequest.class)
                        .on((c, r) -> on.entity(c, GROUP, r.groupName()))
                        .handledBy((c, r) -> p.put(c, GROUP, r.groupName(), GROUP_NAME, r.policyName(),
                                r.policyDocument())),
                Operation.named("iam", "GetGroupPolicy", GroupPolicyNameRequest.class)
                        .on((c, r) -> on.entity(c, GROUP, r.groupName()))
                        .handledBy((c, r) -> {
                            InlinePolicies.Found found = p.get(c, GROUP, r.groupName(), GROUP_NAME, r.policyName());
                            return new GetGroupPolicyResult(found.entityName(), found.policyName(),
                                    PolicyDocuments.urlEncode(found.document()));
                        }),
                Operation.named("iam", "DeleteGroupPolicy", GroupPolicyNameRequest.class)
                        .on((c, r) -> on.entity(c, GROUP, r.groupName()))
                        .handledBy((c, r) -> p.delete(c, GROUP, r.groupName(), GROUP_NAME, r.policyName())),
                Operation.named("iam", "ListGroupPolicies", ListGroupPoliciesRequest.class)
                        .on((c, r) -> on.entity(c, GROUP, r.groupName()))
                        .handledBy((c, r) -> p.list(c, GROUP, r.groupName(), GROUP_NAME, r.marker(), r.maxItems())));
    }
}
