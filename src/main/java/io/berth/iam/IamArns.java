package io.berth.iam;

import io.berth.kit.Scope;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IAM ARNs: {@code arn:aws:iam::ACCOUNT:TYPE/PATH/NAME}, where PATH is "/" or "/a/b/". */
final class IamArns {

    /** The account IAM names for the policies AWS manages. */
    static final String AWS = "aws";
    private static final Pattern POLICY = Pattern.compile("arn:[^:]+:iam::(\\d{12}|aws):policy(/.*/|/)([^/]+)");
    private static final Pattern ENTITY = Pattern.compile("arn:aws:iam::(\\d{12}):(user|role)(/.*/|/)([^/]+)");

    private IamArns() {
    }

    static String of(String account, String type, String path, String name) {
        return Scope.global(account).arn("iam", type + path + name).toString();
    }

    /** A managed policy ARN taken apart. */
    record PolicyArn(String account, String path, String name) {
    }

    /** The parts of a well-formed managed policy ARN, in any account. */
    static Optional<PolicyArn> parsePolicy(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher matcher = POLICY.matcher(arn);
        return matcher.matches() ? Optional.of(new PolicyArn(matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }

    /** A user or role ARN taken apart. */
    record EntityArn(String account, EntityKind kind, String path, String name) {
    }

    /** The parts of an ARN that names a user or a role (in the partition Berth serves), in any account. */
    static Optional<EntityArn> parseEntity(String arn) {
        Matcher matcher = ENTITY.matcher(arn);
        return matcher.matches() ? Optional.of(new EntityArn(matcher.group(1),
                matcher.group(2).equals("user") ? EntityKind.USER : EntityKind.ROLE, matcher.group(3), matcher.group(4)))
                : Optional.empty();
    }

    /** The entity name at the end of an ARN such as a user's. */
    static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
