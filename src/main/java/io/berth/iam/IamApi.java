package io.berth.iam;

import io.berth.iam.model.SimulationMessages;
import io.berth.edge.Handler;
import io.berth.edge.Operation;
import io.berth.edge.ResourceResolver;
import io.berth.edge.ServiceDefinition;
import io.berth.edge.ServiceDefinition.QueryBinding;
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

    /** IAM with random ids; {@code directory} is the one sign-in and authorization read. */
    public static ServiceDefinition definition(Store store, InstantSource clock, IamDirectory directory) {
        return definition(store, clock, IamIds.random(), directory);
    }

    public static ServiceDefinition definition(Store store, InstantSource clock, IamIds ids, IamDirectory directory) {
        IamRuntime iam = new IamRuntime(store, clock, ids);
        IamResources on = new IamResources(iam);
        Attachments attachments = new Attachments(iam);
        List<QueryBinding<?, ?>> operations = new ArrayList<>();
        operations.addAll(users(new Users(iam), new AccessKeys(iam), new Groups(iam), on));
        operations.addAll(roles(new Roles(iam), on));
        operations.addAll(policies(new ManagedPolicies(iam), new PolicyVersions(iam), attachments));
        operations.addAll(attachments(attachments, on));
        operations.addAll(inlinePolicies(new InlinePolicies(iam), on));
        Simulations simulations = new Simulations(directory);
        operations.add(op("SimulatePrincipalPolicy", SimulationMessages.SimulatePrincipalPolicyRequest.class,
                (c, r) -> List.of(String.valueOf(r.policySourceArn())), simulations::simulatePrincipalPolicy));
        operations.add(op("SimulateCustomPolicy", SimulationMessages.SimulateCustomPolicyRequest.class,
                ResourceResolver.any(), simulations::simulateCustomPolicy));
        return new ServiceDefinition.Query("iam", VERSION, NAMESPACE, operations);
    }

    private static List<QueryBinding<?, ?>> users(Users users, AccessKeys keys, Groups groups, IamResources on) {
        return List.of(
                op("CreateUser", CreateUserRequest.class,
                        (c, r) -> IamResources.created(c, "user", r.path(), r.userName()), users::createUser),
                op("GetUser", GetUserRequest.class, (c, r) -> on.user(c, r.userName()), users::getUser),
                op("ListUsers", ListUsersRequest.class, ResourceResolver.any(), users::listUsers),
                op("UpdateUser", UpdateUserRequest.class, (c, r) -> on.user(c, r.userName()), users::updateUser),
                op("DeleteUser", DeleteUserRequest.class, (c, r) -> on.user(c, r.userName()), users::deleteUser),
                op("TagUser", TagUserRequest.class, (c, r) -> on.user(c, r.userName()), users::tagUser),
                op("UntagUser", UntagUserRequest.class, (c, r) -> on.user(c, r.userName()), users::untagUser),
                op("ListUserTags", ListUserTagsRequest.class, (c, r) -> on.user(c, r.userName()), users::listUserTags),
                op("PutUserPermissionsBoundary", PutUserPermissionsBoundaryRequest.class,
                        (c, r) -> on.user(c, r.userName()), users::putUserPermissionsBoundary),
                op("DeleteUserPermissionsBoundary", DeleteUserPermissionsBoundaryRequest.class,
                        (c, r) -> on.user(c, r.userName()), users::deleteUserPermissionsBoundary),
                op("CreateAccessKey", CreateAccessKeyRequest.class, (c, r) -> on.user(c, r.userName()),
                        keys::createAccessKey),
                op("ListAccessKeys", ListAccessKeysRequest.class, (c, r) -> on.user(c, r.userName()),
                        keys::listAccessKeys),
                op("UpdateAccessKey", UpdateAccessKeyRequest.class, (c, r) -> on.user(c, r.userName()),
                        keys::updateAccessKey),
                op("DeleteAccessKey", DeleteAccessKeyRequest.class, (c, r) -> on.user(c, r.userName()),
                        keys::deleteAccessKey),
                op("GetAccessKeyLastUsed", GetAccessKeyLastUsedRequest.class,
                        (c, r) -> on.accessKeyOwner(c, r.accessKeyId()), keys::getAccessKeyLastUsed),
                op("CreateGroup", CreateGroupRequest.class,
                        (c, r) -> IamResources.created(c, "group", r.path(), r.groupName()), groups::createGroup),
                op("GetGroup", GetGroupRequest.class, (c, r) -> on.group(c, r.groupName()), groups::getGroup),
                op("ListGroups", ListGroupsRequest.class, ResourceResolver.any(), groups::listGroups),
                op("DeleteGroup", DeleteGroupRequest.class, (c, r) -> on.group(c, r.groupName()), groups::deleteGroup),
                op("AddUserToGroup", GroupMembershipRequest.class, (c, r) -> on.group(c, r.groupName()),
                        groups::addUserToGroup),
                op("RemoveUserFromGroup", GroupMembershipRequest.class, (c, r) -> on.group(c, r.groupName()),
                        groups::removeUserFromGroup),
                op("ListGroupsForUser", ListGroupsForUserRequest.class, (c, r) -> on.user(c, r.userName()),
                        groups::listGroupsForUser));
    }

    private static List<QueryBinding<?, ?>> roles(Roles roles, IamResources on) {
        return List.of(
                op("CreateRole", CreateRoleRequest.class,
                        (c, r) -> IamResources.created(c, "role", r.path(), r.roleName()), roles::createRole),
                op("GetRole", RoleNameRequest.class, (c, r) -> on.role(c, r.roleName()), roles::getRole),
                op("ListRoles", ListRolesRequest.class, ResourceResolver.any(), roles::listRoles),
                op("UpdateRole", UpdateRoleRequest.class, (c, r) -> on.role(c, r.roleName()), roles::updateRole),
                op("UpdateAssumeRolePolicy", UpdateAssumeRolePolicyRequest.class, (c, r) -> on.role(c, r.roleName()),
                        roles::updateAssumeRolePolicy),
                op("DeleteRole", RoleNameRequest.class, (c, r) -> on.role(c, r.roleName()), roles::deleteRole),
                op("TagRole", TagRoleRequest.class, (c, r) -> on.role(c, r.roleName()), roles::tagRole),
                op("UntagRole", UntagRoleRequest.class, (c, r) -> on.role(c, r.roleName()), roles::untagRole),
                op("ListRoleTags", ListRoleTagsRequest.class, (c, r) -> on.role(c, r.roleName()), roles::listRoleTags),
                op("ListInstanceProfilesForRole", ListInstanceProfilesForRoleRequest.class,
                        (c, r) -> on.role(c, r.roleName()), roles::listInstanceProfilesForRole),
                op("PutRolePermissionsBoundary", PutRolePermissionsBoundaryRequest.class,
                        (c, r) -> on.role(c, r.roleName()), roles::putRolePermissionsBoundary),
                op("DeleteRolePermissionsBoundary", RoleNameRequest.class, (c, r) -> on.role(c, r.roleName()),
                        roles::deleteRolePermissionsBoundary));
    }

    private static List<QueryBinding<?, ?>> policies(ManagedPolicies policies, PolicyVersions versions,
                                                     Attachments attachments) {
        return List.of(
                op("CreatePolicy", CreatePolicyRequest.class,
                        (c, r) -> IamResources.created(c, "policy", r.path(), r.policyName()), policies::createPolicy),
                op("GetPolicy", PolicyArnRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        policies::getPolicy),
                op("ListPolicies", ListPoliciesRequest.class, ResourceResolver.any(), policies::listPolicies),
                op("DeletePolicy", PolicyArnRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        policies::deletePolicy),
                op("TagPolicy", TagPolicyRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        policies::tagPolicy),
                op("UntagPolicy", UntagPolicyRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        policies::untagPolicy),
                op("ListPolicyTags", ListPolicyTagsRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        policies::listPolicyTags),
                op("CreatePolicyVersion", CreatePolicyVersionRequest.class,
                        (c, r) -> IamResources.policy(r.policyArn()), versions::createPolicyVersion),
                op("GetPolicyVersion", PolicyVersionRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        versions::getPolicyVersion),
                op("ListPolicyVersions", ListPolicyVersionsRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        versions::listPolicyVersions),
                op("DeletePolicyVersion", PolicyVersionRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        versions::deletePolicyVersion),
                op("SetDefaultPolicyVersion", PolicyVersionRequest.class, (c, r) -> IamResources.policy(r.policyArn()),
                        versions::setDefaultPolicyVersion),
                op("ListEntitiesForPolicy", ListEntitiesForPolicyRequest.class,
                        (c, r) -> IamResources.policy(r.policyArn()), attachments::listEntitiesForPolicy));
    }

    private static List<QueryBinding<?, ?>> attachments(Attachments a, IamResources on) {
        return List.of(
                op("AttachUserPolicy", UserPolicyArnRequest.class, (c, r) -> on.entity(c, USER, r.userName()),
                        (c, r) -> a.attach(c, USER, r.userName(), USER_NAME, r.policyArn())),
                op("DetachUserPolicy", UserPolicyArnRequest.class, (c, r) -> on.entity(c, USER, r.userName()),
                        (c, r) -> a.detach(c, USER, r.userName(), USER_NAME, r.policyArn())),
                op("ListAttachedUserPolicies", ListAttachedUserPoliciesRequest.class,
                        (c, r) -> on.entity(c, USER, r.userName()), (c, r) -> a.listAttached(c, USER, r.userName(),
                                USER_NAME, r.pathPrefix(), r.marker(), r.maxItems())),
                op("AttachRolePolicy", RolePolicyArnRequest.class, (c, r) -> on.entity(c, ROLE, r.roleName()),
                        (c, r) -> a.attach(c, ROLE, r.roleName(), ROLE_NAME, r.policyArn())),
                op("DetachRolePolicy", RolePolicyArnRequest.class, (c, r) -> on.entity(c, ROLE, r.roleName()),
                        (c, r) -> a.detach(c, ROLE, r.roleName(), ROLE_NAME, r.policyArn())),
                op("ListAttachedRolePolicies", ListAttachedRolePoliciesRequest.class,
                        (c, r) -> on.entity(c, ROLE, r.roleName()), (c, r) -> a.listAttached(c, ROLE, r.roleName(),
                                ROLE_NAME, r.pathPrefix(), r.marker(), r.maxItems())),
                op("AttachGroupPolicy", GroupPolicyArnRequest.class, (c, r) -> on.entity(c, GROUP, r.groupName()),
                        (c, r) -> a.attach(c, GROUP, r.groupName(), GROUP_NAME, r.policyArn())),
                op("DetachGroupPolicy", GroupPolicyArnRequest.class, (c, r) -> on.entity(c, GROUP, r.groupName()),
                        (c, r) -> a.detach(c, GROUP, r.groupName(), GROUP_NAME, r.policyArn())),
                op("ListAttachedGroupPolicies", ListAttachedGroupPoliciesRequest.class,
                        (c, r) -> on.entity(c, GROUP, r.groupName()), (c, r) -> a.listAttached(c, GROUP, r.groupName(),
                                GROUP_NAME, r.pathPrefix(), r.marker(), r.maxItems())));
    }

    private static List<QueryBinding<?, ?>> inlinePolicies(InlinePolicies p, IamResources on) {
        return List.of(
                op("PutUserPolicy", PutUserPolicyRequest.class, (c, r) -> on.entity(c, USER, r.userName()),
                        (c, r) -> p.put(c, USER, r.userName(), EXISTING_USER_NAME, r.policyName(), r.policyDocument())),
                op("GetUserPolicy", UserPolicyNameRequest.class, (c, r) -> on.entity(c, USER, r.userName()), (c, r) -> {
                    InlinePolicies.Found found = p.get(c, USER, r.userName(), EXISTING_USER_NAME, r.policyName());
                    return new GetUserPolicyResult(found.entityName(), found.policyName(),
                            PolicyDocuments.urlEncode(found.document()));
                }),
                op("DeleteUserPolicy", UserPolicyNameRequest.class, (c, r) -> on.entity(c, USER, r.userName()),
                        (c, r) -> p.delete(c, USER, r.userName(), EXISTING_USER_NAME, r.policyName())),
                op("ListUserPolicies", ListUserPoliciesRequest.class, (c, r) -> on.entity(c, USER, r.userName()),
                        (c, r) -> p.list(c, USER, r.userName(), EXISTING_USER_NAME, r.marker(), r.maxItems())),
                op("PutRolePolicy", PutRolePolicyRequest.class, (c, r) -> on.entity(c, ROLE, r.roleName()),
                        (c, r) -> p.put(c, ROLE, r.roleName(), ROLE_NAME, r.policyName(), r.policyDocument())),
                op("GetRolePolicy", RolePolicyNameRequest.class, (c, r) -> on.entity(c, ROLE, r.roleName()), (c, r) -> {
                    InlinePolicies.Found found = p.get(c, ROLE, r.roleName(), ROLE_NAME, r.policyName());
                    return new GetRolePolicyResult(found.entityName(), found.policyName(),
                            PolicyDocuments.urlEncode(found.document()));
                }),
                op("DeleteRolePolicy", RolePolicyNameRequest.class, (c, r) -> on.entity(c, ROLE, r.roleName()),
                        (c, r) -> p.delete(c, ROLE, r.roleName(), ROLE_NAME, r.policyName())),
                op("ListRolePolicies", ListRolePoliciesRequest.class, (c, r) -> on.entity(c, ROLE, r.roleName()),
                        (c, r) -> p.list(c, ROLE, r.roleName(), ROLE_NAME, r.marker(), r.maxItems())),
                op("PutGroupPolicy", PutGroupPolicyRequest.class, (c, r) -> on.entity(c, GROUP, r.groupName()),
                        (c, r) -> p.put(c, GROUP, r.groupName(), GROUP_NAME, r.policyName(), r.policyDocument())),
                op("GetGroupPolicy", GroupPolicyNameRequest.class, (c, r) -> on.entity(c, GROUP, r.groupName()),
                        (c, r) -> {
                            InlinePolicies.Found found = p.get(c, GROUP, r.groupName(), GROUP_NAME, r.policyName());
                            return new GetGroupPolicyResult(found.entityName(), found.policyName(),
                                    PolicyDocuments.urlEncode(found.document()));
                        }),
                op("DeleteGroupPolicy", GroupPolicyNameRequest.class, (c, r) -> on.entity(c, GROUP, r.groupName()),
                        (c, r) -> p.delete(c, GROUP, r.groupName(), GROUP_NAME, r.policyName())),
                op("ListGroupPolicies", ListGroupPoliciesRequest.class, (c, r) -> on.entity(c, GROUP, r.groupName()),
                        (c, r) -> p.list(c, GROUP, r.groupName(), GROUP_NAME, r.marker(), r.maxItems())));
    }

    private static <Q extends Record, R extends Record> QueryBinding<Q, R> op(String name, Class<Q> type,
                                                                             ResourceResolver<Q> resources,
                                                                             Handler<Q, R> handler) {
        return new QueryBinding<>(Operation.of("iam", name, type, resources, handler), QueryRecords.codec(type));
    }
}
