package io.berth.logs;

import io.berth.edge.RequestContext;
import io.berth.kit.PageTokens;
import io.berth.kit.Scope;
import io.berth.logs.model.CreateLogGroupRequest;
import io.berth.logs.model.DeleteLogGroupRequest;
import io.berth.logs.model.DeleteRetentionPolicyRequest;
import io.berth.logs.model.DescribeLogGroupsRequest;
import io.berth.logs.model.DescribeLogGroupsResponse;
import io.berth.logs.model.Empty;
import io.berth.logs.model.LogGroup;
import io.berth.logs.model.PutLogGroupDeletionProtectionRequest;
import io.berth.logs.model.PutRetentionPolicyRequest;
import io.berth.store.Store;

import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The log group operations: create, delete, describe, retention and deletion protection. */
final class LogGroups {

    static final String DEFAULT_CLASS = "STANDARD";
    private static final int MAX_LIMIT = 50;

    private final Store store;
    private final InstantSource clock;

    LogGroups(Store store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    Empty createLogGroup(RequestContext context, CreateLogGroupRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        String logGroupClass = Constraints.oneOf(request.logGroupClass(), "logGroupClass", Constraints.GROUP_CLASSES);
        Map<String, String> tags = request.tags() == null ? Map.of() : Constraints.tags(request.tags(), "tags");
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            if (LogsRepository.findGroup(documents, scope, name).isPresent()) {
                throw LogsErrors.groupExists();
            }
            LogsRepository.saveGroup(documents, scope, StoredGroup.created(name, clock.millis(), request.kmsKeyId(),
                    logGroupClass == null ? DEFAULT_CLASS : logGroupClass,
                    Boolean.TRUE.equals(request.deletionProtectionEnabled()), tags));
            return new Empty();
        });
    }

    Empty deleteLogGroup(RequestContext context, DeleteLogGroupRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            StoredGroup group = LogsRepository.requireGroup(documents, scope, name);
            if (group.deletionProtectionEnabled()) {
                throw LogsErrors.validation(
                        "Cannot delete log group with deletion protection enabled. Disable deletion protection first.");
            }
            LogsRepository.deleteGroup(documents, scope, group);
            return new Empty();
        });
    }

    DescribeLogGroupsResponse describeLogGroups(RequestContext context, DescribeLogGroupsRequest request) {
        String prefix = Constraints.groupNamePrefix(request.logGroupNamePrefix(), "logGroupNamePrefix");
        String pattern = request.logGroupNamePattern();
        if (prefix != null && pattern != null) {
            throw LogsErrors.invalidParameter(
                    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        String logGroupClass = Constraints.oneOf(request.logGroupClass(), "logGroupClass", Constraints.GROUP_CLASSES);
        Set<String> identifiers = request.logGroupIdentifiers() == null ? null : Set.copyOf(
                request.logGroupIdentifiers().stream().map(id -> LogsArns.groupOfArn(context, id).orElse(id)).toList());
        Predicate<StoredGroup> keep = group -> (pattern == null || group.logGroupName().contains(pattern))
                && (logGroupClass == null || logGroupClass.equals(group.logGroupClass()))
                && (identifiers == null || identifiers.contains(group.logGroupName()));
        int limit = Constraints.limit(request.limit(), MAX_LIMIT, MAX_LIMIT);
        String scope = Scope.of(context).key();
        PageTokens.Page<StoredGroup> page = store.read(documents -> Tokens.PAGES.page(request.nextToken(), limit,
                (after, size) -> LogsRepository.groups(documents, scope, prefix == null ? "" : prefix, after, size),
                keep, StoredGroup::logGroupName));
        // AWS answers a pattern search with only the name, creation time and ARN of each group.
        return new DescribeLogGroupsResponse(page.items().stream()
                .map(group -> pattern == null ? view(context, group) : brief(context, group)).toList(),
                page.nextToken());
    }

    Empty putRetentionPolicy(RequestContext context, PutRetentionPolicyRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        int days = Constraints.retentionInDays(request.retentionInDays());
        return change(context, name, group -> group.withRetention(days));
    }

    Empty deleteRetentionPolicy(RequestContext context, DeleteRetentionPolicyRequest request) {
        String name = Constraints.groupName(request.logGroupName(), "logGroupName");
        return change(context, name, group -> group.withRetention(null));
    }

    Empty putLogGroupDeletionProtection(RequestContext context, PutLogGroupDeletionProtectionRequest request) {
        String name = LogsArns.groupIdentifier(context, request.logGroupIdentifier(), "logGroupIdentifier");
        boolean enabled = Constraints.required(request.deletionProtectionEnabled(), "deletionProtectionEnabled");
        return change(context, name, group -> group.withDeletionProtection(enabled));
    }

    private Empty change(RequestContext context, String name, UnaryOperator<StoredGroup> edit) {
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            LogsRepository.saveGroup(documents, scope, edit.apply(LogsRepository.requireGroup(documents, scope, name)));
            return new Empty();
        });
    }

    private static LogGroup view(RequestContext context, StoredGroup group) {
        String name = group.logGroupName();
        return new LogGroup(name, group.creationTime(), group.retentionInDays(), 0,
                LogsArns.logGroupWildcard(context, name), group.storedBytes(), group.kmsKeyId(),
                group.logGroupClass(), LogsArns.logGroup(context, name), group.deletionProtectionEnabled());
    }

    private static LogGroup brief(RequestContext context, StoredGroup group) {
        return new LogGroup(group.logGroupName(), group.creationTime(), null, null,
                LogsArns.logGroupWildcard(context, group.logGroupName()), null, null, null, null, null);
    }
}
