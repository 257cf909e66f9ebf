package io.berth.iam;

import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.Scope;
import io.berth.kit.ServiceContext;
import io.berth.store.StoredTag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource ARNs IAM authorizes its operations against: the user, role, group or policy the
 * request names, with the path it really has (or would get, for Create*), and "*" for listings
 * of a whole kind; and the tags those resources carry, as policy conditions read them. IAM's ARNs
 * carry paths, so naming an existing entity costs one read.
 */
final class IamResources {

    private final ServiceContext<IamIds> iam;

    IamResources(ServiceContext<IamIds> iam) {
        this.iam = iam;
    }

    List<String> user(RequestContext context, String name) {
        if (name == null) {
            // Operations on "my own" user: the signer itself.
            return List.of(context.principal().kind() == Principal.Kind.USER ? context.principal().arn()
                    : IamArns.of(context.accountId(), "user", "/", ""));
        }
        String account = context.accountId();
        return List.of(iam.read(documents -> IamRepository.user(documents, account, name).map(u -> u.arn(account)))
                .orElse(IamArns.of(account, "user", "/", name)));
    }

    List<String> role(RequestContext context, String name) {
        String account = context.accountId();
        return List.of(iam.read(documents -> IamRepository.role(documents, account, name).map(r -> r.arn(account)))
                .orElse(IamArns.of(account, "role", "/", String.valueOf(name))));
    }

    List<String> group(RequestContext context, String name) {
        String account = context.accountId();
        return List.of(iam.read(documents -> IamRepository.group(documents, account, name).map(g -> g.arn(account)))
                .orElse(IamArns.of(account, "group", "/", String.valueOf(name))));
    }

    List<String> entity(RequestContext context, EntityKind kind, String name) {
        return switch (kind) {
            case USER -> user(context, name);
            case ROLE -> role(context, name);
            case GROUP -> group(context, name);
        };
    }

    /** The user owning an access key; "*" for a key the account does not have (IAM then denies anyway). */
    List<String> accessKeyOwner(RequestContext context, String accessKeyId) {
        String account = context.accountId();
        return List.of(iam.read(documents -> IamRepository.accessKey(documents, accessKeyId)
                .filter(key -> key.accountId().equals(account))
                .flatMap(key -> IamRepository.user(documents, account, key.userName()))
                .map(user -> user.arn(account))).orElse("*"));
    }

    /** The ARN an entity about to be created will have. */
    static List<String> created(RequestContext context, String type, String path, String name) {
        return List.of(IamArns.of(context.accountId(), type, path == null ? "/" : path, String.valueOf(name)));
    }

    static List<String> policy(String arn) {
        return List.of(arn == null ? "*" : arn);
    }

    /**
     * The tags of the user, role or customer managed policy an ARN of the caller's account names,
     * for aws:ResourceTag/… keys; none for any other ARN, or one whose path is not the entity's.
     */
    Map<String, String> tags(RequestContext context, String arn) {
        String account = context.accountId();
        Optional<Arn> local = Arn.parse(arn).filter(a -> a.isOf("iam") && Scope.global(account).contains(a)
                && a.resource().contains("/"));
        if (local.isEmpty()) {
            return Map.of();
        }
        String name = IamArns.lastSegment(arn);
        Optional<List<StoredTag>> tags = iam.read(documents -> switch (local.get().resourceType()) {
            case "user" -> IamRepository.user(documents, account, name)
                    .filter(user -> user.arn(account).equals(arn)).map(StoredUser::tags);
            case "role" -> IamRepository.role(documents, account, name)
                    .filter(role -> role.arn(account).equals(arn)).map(StoredRole::tags);
            case "policy" -> IamRepository.policy(documents, account, name)
                    .filter(policy -> policy.arn(account).equals(arn)).map(StoredPolicy::tags);
            default -> Optional.empty();
        });
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.orElse(List.of()).forEach(tag -> byKey.put(tag.key(), tag.value()));
        return byKey;
    }
}
