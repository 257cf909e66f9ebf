package io.berth.iam.policy;

import io.berth.kit.Arn;

import java.util.Map;
import java.util.Objects;

/**
 * Who makes a request, as policy evaluation sees it.
 *
 * @param type        the kind of principal
 * @param arn         the principal's ARN: "arn:aws:iam::ACCT:root", "arn:aws:iam::ACCT:user/path/NAME",
 *                    "arn:aws:sts::ACCT:assumed-role/ROLE/SESSION"; for SERVICE the service name
 *                    ("ecs-tasks.amazonaws.com"); null for ANONYMOUS
 * @param accountId   the 12-digit account; null for ANONYMOUS and SERVICE
 * @param userId      aws:userid: the account id for ROOT, the user's unique id (AIDA...) for USER,
 *                    "AROA...:SESSION" for ASSUMED_ROLE
 * @param userName    aws:username; USER only
 * @param roleArn     the IAM role's ARN (with its path) for ASSUMED_ROLE, else null
 * @param sessionName the role session name for ASSUMED_ROLE, else null
 * @param tags        principal tags (aws:PrincipalTag/KEY): the user's or role's tags, with session tags applied
 */
public record RequestPrincipal(Type type, String arn, String accountId, String userId, String userName,
                               String roleArn, String sessionName, Map<String, String> tags) {

    public enum Type { ROOT, USER, ASSUMED_ROLE, SERVICE, ANONYMOUS }

    public RequestPrincipal {
        Objects.requireNonNull(type, "type");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        if (type == Type.ASSUMED_ROLE && roleArn == null && arn != null) roleArn = roleArnOf(arn);
    }

    public static RequestPrincipal root(String accountId) {
        return new RequestPrincipal(Type.ROOT, new Arn(Arn.PARTITION, "iam", "", accountId, "root").toString(),
                accountId, accountId, null, null, null, Map.of());
    }

    public static RequestPrincipal user(String arn, String accountId, String userId, String userName, Map<String, String> tags) {
        return new RequestPrincipal(Type.USER, arn, accountId, userId, userName, null, null, tags);
    }

    /**
     * A role session. {@code roleId} is the role's unique id (AROA...); aws:userid becomes
     * "roleId:sessionName".
     */
    public static RequestPrincipal assumedRole(String sessionArn, String roleArn, String accountId, String roleId,
                                               String sessionName, Map<String, String> tags) {
        return new RequestPrincipal(Type.ASSUMED_ROLE, sessionArn, accountId, roleId + ":" + sessionName, null, roleArn,
                sessionName, tags);
    }

    /** An AWS service principal such as "ecs-tasks.amazonaws.com" (matches Principal {"Service": ...}). */
    public static RequestPrincipal service(String serviceName) {
        return new RequestPrincipal(Type.SERVICE, serviceName, null, serviceName, null, null, null, Map.of());
    }

    public static RequestPrincipal anonymous() {
        return new RequestPrincipal(Type.ANONYMOUS, null, null, "anonymous", null, null, null, Map.of());
    }

    /** aws:PrincipalArn: the role's ARN for a role session, the principal's ARN otherwise. */
    public String principalArn() {
        return type == Type.ASSUMED_ROLE ? roleArn : arn;
    }

    /** aws:PrincipalType. */
    public String principalType() {
        return switch (type) {
            case ROOT -> "Account";
            case USER -> "User";
            case ASSUMED_ROLE -> "AssumedRole";
            case SERVICE -> "AWSService";
            case ANONYMOUS -> "Anonymous";
        };
    }

    /**
     * Whether this is a session of the role with unique id {@code roleId} (aws:userid is
     * "ROLE_ID:SESSION"); compared in place, since trust and resource policies ask it per statement.
     */
    public boolean hasRoleId(String roleId) {
        return type == Type.ASSUMED_ROLE && userId != null && userId.length() > roleId.length()
                && userId.charAt(roleId.length()) == ':' && userId.startsWith(roleId);
    }

    /** The tag's value, the key compared ignoring case as condition keys are; null when absent. */
    public String tag(String key) {
        String v = tags.get(key);
        if (v != null) return v;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }

    /** "arn:aws:sts::ACCT:assumed-role/ROLE/SESSION" → "arn:aws:iam::ACCT:role/ROLE" (path unknown, so none). */
    static String roleArnOf(String sessionArn) {
        return Arn.parse(sessionArn).filter(session -> session.resource().startsWith("assumed-role/")).map(session -> {
            String rest = session.resource().substring("assumed-role/".length());
            int slash = rest.lastIndexOf('/');
            String role = slash < 0 ? rest : rest.substring(0, slash);
            return new Arn(session.partition(), "iam", "", session.accountId(), "role/" + role).toString();
        }).orElse(null);
    }
}
