package io.berth.logs;

import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.Scope;

import java.util.Optional;

/**
 * CloudWatch Logs resource names, and the resolution of a log group named either by name or by ARN.
 */
final class LogsArns {

    private static final String SERVICE = "logs";
    private static final String LOG_GROUP = "log-group:";

    private LogsArns() {
    }

    /** The log group ARN without the trailing {@code :*}: the {@code logGroupArn} field, and what tagging takes. */
    static String logGroup(RequestContext context, String name) {
        return Scope.of(context).arn(SERVICE, LOG_GROUP + name).toString();
    }

    /** The {@code arn} field of a log group: its ARN with {@code :*}, the form IAM policies name it by. */
    static String logGroupWildcard(RequestContext context, String name) {
        return logGroup(context, name) + ":*";
    }

    static String logStream(RequestContext context, String group, String stream) {
        return logGroup(context, group) + ":log-stream:" + stream;
    }

    /** The resource IAM authorizes a request on: the named log group, or every resource when none is named. */
    static String resource(RequestContext context, String groupNameOrArn) {
        if (groupNameOrArn == null) {
            return "*";
        }
        if (Arn.claims(groupNameOrArn, SERVICE)) {
            return groupNameOrArn.endsWith(":*") ? groupNameOrArn : groupNameOrArn + ":*";
        }
        return logGroupWildcard(context, groupNameOrArn);
    }

    /**
     * The group a request names by {@code logGroupName} or {@code logGroupIdentifier} (a name or an
     * ARN, with or without {@code :*}); exactly one of the two must be given.
     */
    static String groupReference(RequestContext context, String logGroupName, String logGroupIdentifier) {
        if (logGroupName != null && logGroupIdentifier != null) {
            throw LogsErrors.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (logGroupName == null && logGroupIdentifier == null) {
            throw LogsErrors.invalidParameter("Either logGroupName or logGroupIdentifier must be specified.");
        }
        return logGroupName != null ? Constraints.groupName(logGroupName, "logGroupName")
                : groupIdentifier(context, logGroupIdentifier, "logGroupIdentifier");
    }

    /** A log group name or ARN; an ARN of another account or region names no group here. */
    static String groupIdentifier(RequestContext context, String identifier, String member) {
        if (!Arn.claims(Constraints.required(identifier, member), SERVICE)) {
            return Constraints.groupName(identifier, member);
        }
        return groupOfArn(context, identifier).orElseThrow(LogsErrors::groupNotFound);
    }

    /** The group name a log group ARN of the caller's account and region names. */
    static Optional<String> groupOfArn(RequestContext context, String arn) {
        return Arn.parse(arn)
                .filter(a -> a.isOf(SERVICE) && Scope.of(context).contains(a) && a.resource().startsWith(LOG_GROUP))
                .map(a -> a.resource().substring(LOG_GROUP.length()))
                .map(rest -> rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest)
                .filter(name -> !name.isEmpty() && !name.contains(":"));
    }
}
