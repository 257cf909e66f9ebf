package io.berth.logs;

import io.berth.edge.RequestContext;

import java.util.Optional;

/**
 * CloudWatch Logs resource names, the store scope (account and region) they live in, and the
 * resolution of a log group named either by name or by ARN.
 */
final class LogsArns {

    private static final String PREFIX = "arn:aws:logs:";

    private LogsArns() {
    }

    static String scope(String accountId, String region) {
        return accountId + "/" + region;
    }

    static String scope(RequestContext context) {
        return scope(context.accountId(), context.region());
    }

    /** The log group ARN without the trailing {@code :*}: the {@code logGroupArn} field, and what tagging takes. */
    static String logGroup(RequestContext context, String name) {
        return PREFIX + context.region() + ":" + context.accountId() + ":log-group:" + name;
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
        if (groupNameOrArn.startsWith(PREFIX)) {
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
        if (!Constraints.required(identifier, member).startsWith(PREFIX)) {
            return Constraints.groupName(identifier, member);
        }
        return groupOfArn(context, identifier).orElseThrow(LogsErrors::groupNotFound);
    }

    /** The group name a log group ARN of the caller's account and region names. */
    static Optional<String> groupOfArn(RequestContext context, String arn) {
        String local = PREFIX + context.region() + ":" + context.accountId() + ":log-group:";
        if (!arn.startsWith(local)) {
            return Optional.empty();
        }
        String rest = arn.substring(local.length());
        String name = rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest;
        return name.isEmpty() || name.contains(":") ? Optional.empty() : Optional.of(name);
    }
}
