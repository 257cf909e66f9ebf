package io.berth.iam;

import io.berth.iam.policy.AwsPrincipalText;
import io.berth.iam.policy.PolicyParser;
import io.berth.store.Documents;
import io.berth.store.StoredDocument;
import io.berth.store.StoredJson;

import java.util.Optional;

/**
 * The users and roles named in the resource policies IAM keeps (a role's trust policy; any other
 * stored resource policy, such as an ECR repository policy, goes through the same two calls),
 * kept as IAM keeps them: by unique id.
 *
 * <p>When IAM stores a policy it turns the ARN of a user or role into that entity's unique id
 * (AIDA…, AROA…), and when it shows the policy it turns the id back into the entity's current
 * ARN. Once the entity is deleted the policy shows the bare id, and a new entity given the same
 * name, which has another id, is not trusted by it. A user or role ARN of the account that names
 * no entity is refused with {@code MalformedPolicyDocument} "Invalid principal in policy:
 * "AWS":"ARN"".
 *
 * <p>Left as written, as IAM leaves them: "*", account ids and root ARNs, role session ARNs (a
 * session is no IAM entity, so there is nothing to look up), federated users, and user or role
 * ARNs of other accounts: Berth serves one account and cannot know another's entities, so it
 * accepts them, as IAM accepts those of accounts that exist. Such principals keep matching by ARN.
 *
 * <p>Ids lead back to entities through the index {@code iam.principal-id} (scope "global", keyed
 * by id, since an id names its entity in every account): an entry is written when a policy is
 * bound to an entity, follows a user's renames, and goes with the entity. Evaluation needs none of
 * this: a stored policy's ids are compared with the caller's own unique id, which sign-in already
 * knows (see {@link io.berth.iam.policy.PrincipalElement}).
 */
public final class PolicyPrincipals {

    static final String KIND = "iam.principal-id";
    private static final int UNIQUE_ID_LENGTH = 21;

    /** Which entity a unique id names; the account and name find it. */
    record Entry(String accountId, EntityKind kind, String name) implements StoredDocument {
    }

    private PolicyPrincipals() {
    }

    /**
     * The policy as it is to be stored: each user or role ARN of {@code account} replaced by the
     * unique id of the entity it names. {@code document} must be valid already (the parser's
     * verdict comes first); throws IAM's "Invalid principal in policy" for the first ARN, in
     * document order, that names no user or role.
     */
    public static String bind(Documents documents, String account, String document) {
        String users = IamArns.of(account, "user", "/", "");
        String roles = IamArns.of(account, "role", "/", "");
        return AwsPrincipalText.replace(document, value -> {
            if (!value.startsWith(users) && !value.startsWith(roles)) {
                return value;
            }
            return IamArns.parseEntity(value).flatMap(arn -> idOf(documents, arn))
                    .orElseThrow(() -> PolicyDocuments.malformed(PolicyParser.invalidPrincipal("AWS", value)));
        });
    }

    /** The stored policy as IAM shows it: the ids of users and roles that exist replaced by their current ARNs. */
    public static String show(Documents documents, String stored) {
        if (stored == null) {
            return null;
        }
        return AwsPrincipalText.replace(stored, value -> arnOf(documents, value).orElse(value));
    }

    /** Keeps the index on a user's id pointing at its new name. */
    static void renamed(Documents documents, String id, String newName) {
        entry(documents, id).ifPresent(entry -> documents.put(KIND, IamRepository.KEY_SCOPE, id,
                StoredJson.write(new Entry(entry.accountId(), entry.kind(), newName))));
    }

    /** The entity is deleted: its id names nothing any more. */
    static void forget(Documents documents, String id) {
        documents.delete(KIND, IamRepository.KEY_SCOPE, id);
    }

    private static Optional<String> idOf(Documents documents, IamArns.EntityArn arn) {
        return arn.kind().find(documents, arn.account(), arn.name())
                .filter(entity -> entity.path().equals(arn.path()))
                .map(entity -> {
                    documents.put(KIND, IamRepository.KEY_SCOPE, entity.id(),
                            StoredJson.write(new Entry(arn.account(), arn.kind(), entity.name())));
                    return entity.id();
                });
    }

    private static Optional<String> arnOf(Documents documents, String value) {
        if (value.length() != UNIQUE_ID_LENGTH || !(value.startsWith("AIDA") || value.startsWith("AROA"))) {
            return Optional.empty();
        }
        return entry(documents, value).flatMap(entry -> entry.kind().find(documents, entry.accountId(), entry.name())
                .filter(entity -> entity.id().equals(value))
                .map(entity -> entry.kind().arn(entry.accountId(), entity)));
    }

    private static Optional<Entry> entry(Documents documents, String id) {
        return documents.get(KIND, IamRepository.KEY_SCOPE, id).map(json -> StoredJson.read(json, Entry.class));
    }
}
