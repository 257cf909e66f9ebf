package io.berth.ecs;

import io.berth.ecs.model.DeleteTaskDefinitionsRequest;
import io.berth.ecs.model.DeleteTaskDefinitionsResponse;
import io.berth.ecs.model.DeregisterTaskDefinitionRequest;
import io.berth.ecs.model.DescribeTaskDefinitionRequest;
import io.berth.ecs.model.Failure;
import io.berth.ecs.model.ListTaskDefinitionFamiliesRequest;
import io.berth.ecs.model.ListTaskDefinitionFamiliesResponse;
import io.berth.ecs.model.ListTaskDefinitionsRequest;
import io.berth.ecs.model.ListTaskDefinitionsResponse;
import io.berth.ecs.model.RegisterTaskDefinitionRequest;
import io.berth.ecs.model.Tag;
import io.berth.ecs.model.TaskDefinition;
import io.berth.ecs.model.TaskDefinitionResponse;
import io.berth.edge.RequestContext;
import io.berth.kit.Arn;
import io.berth.kit.PageTokens;
import io.berth.kit.Scope;
import io.berth.store.Documents;
import io.berth.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The ECS task definition operations. */
public final class TaskDefinitions {

    private static final int MAX_DELETE = 10;

    private final Store store;

    public TaskDefinitions(Store store) {
        this.store = store;
    }

    public TaskDefinitionResponse registerTaskDefinition(RequestContext context, RegisterTaskDefinitionRequest request) {
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            int revision = TaskDefinitionRepository.newestFirst(documents, scope, request.family(), null, 1).stream()
                    .map(stored -> stored.taskDefinition().revision() + 1).findFirst().orElse(1);
            TaskDefinition definition = TaskDefinitionRules.register(request,
                    EcsArns.taskDefinition(context, request.family(), revision), revision,
                    context.principal().arn(), context.receivedAt());
            List<Tag> tags = request.tags() == null ? List.of() : request.tags();
            TaskDefinitionRepository.save(documents, scope, new StoredTaskDefinition(definition, tags));
            return new TaskDefinitionResponse(definition, tags.isEmpty() ? null : tags);
        });
    }

    public TaskDefinitionResponse describeTaskDefinition(RequestContext context, DescribeTaskDefinitionRequest request) {
        boolean withTags = request.include() != null && request.include().contains("TAGS");
        StoredTaskDefinition stored = store.read(documents -> resolve(documents, context, request.taskDefinition()))
                .orElseThrow(() -> EcsErrors.client("Unable to describe task definition."));
        return new TaskDefinitionResponse(stored.taskDefinition(), withTags ? stored.tags() : null);
    }

    public ListTaskDefinitionsResponse listTaskDefinitions(RequestContext context, ListTaskDefinitionsRequest request) {
        int limit = Pagination.maxResults(request.maxResults(), 100);
        String status = request.status() == null ? "ACTIVE" : request.status();
        requireOneOf("status", status, List.of("ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"));
        String sort = request.sort() == null ? "ASC" : request.sort();
        requireOneOf("sort", sort, List.of("ASC", "DESC"));
        // ECS takes familyPrefix here as the full family name.
        String prefix = request.familyPrefix() == null ? "" : request.familyPrefix() + " ";
        String scope = Scope.of(context).key();
        PageTokens.Page<StoredTaskDefinition> page = store.read(documents -> Pagination.TOKENS.page(
                request.nextToken(), limit,
                (after, size) -> TaskDefinitionRepository.page(documents, scope, prefix, after, size, sort.equals("DESC")),
                stored -> status.equals(stored.taskDefinition().status()),
                stored -> TaskDefinitionRepository.id(stored.taskDefinition().family(), stored.taskDefinition().revision())));
        return new ListTaskDefinitionsResponse(
                page.items().stream().map(s -> s.taskDefinition().taskDefinitionArn()).toList(), page.nextToken());
    }

    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(RequestContext context,
                                                                         ListTaskDefinitionFamiliesRequest request) {
        int limit = Pagination.maxResults(request.maxResults(), 100);
        String status = request.status() == null ? "ACTIVE" : request.status();
        requireOneOf("status", status, List.of("ACTIVE", "INACTIVE", "ALL"));
        String prefix = request.familyPrefix() == null ? "" : request.familyPrefix();
        String after = Pagination.TOKENS.decode(request.nextToken());
        String scope = Scope.of(context).key();
        // A family is ACTIVE while any revision is; INACTIVE once none is.
        TreeMap<String, Boolean> families = new TreeMap<>();
        store.read(documents -> {
            for (StoredTaskDefinition stored : TaskDefinitionRepository.page(documents, scope, prefix, null,
                    Integer.MAX_VALUE, false)) {
                families.merge(stored.taskDefinition().family(),
                        "ACTIVE".equals(stored.taskDefinition().status()), Boolean::logicalOr);
            }
            return null;
        });
        List<String> matching = (after == null ? families : families.tailMap(after, false)).entrySet().stream()
                .filter(e -> status.equals("ALL") || e.getValue() == status.equals("ACTIVE"))
                .map(java.util.Map.Entry::getKey).limit(limit + 1L).toList();
        if (matching.size() <= limit) {
            return new ListTaskDefinitionFamiliesResponse(matching, null);
        }
        List<String> page = matching.subList(0, limit);
        return new ListTaskDefinitionFamiliesResponse(List.copyOf(page), Pagination.TOKENS.encode(page.getLast()));
    }

    public TaskDefinitionResponse deregisterTaskDefinition(RequestContext context, DeregisterTaskDefinitionRequest request) {
        Optional<Reference> ref = Reference.parse(context, request.taskDefinition());
        if (ref.isPresent() && ref.get().revision() == null) {
            throw EcsErrors.client("Invalid revision number. Number: " + ref.get().family());
        }
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            StoredTaskDefinition stored = ref.flatMap(r -> TaskDefinitionRepository.find(documents, scope, r.family(), r.revision()))
                    .orElseThrow(() -> EcsErrors.client("The specified task definition does not exist."));
            TaskDefinition current = stored.taskDefinition();
            if (!"ACTIVE".equals(current.status())) {
                return new TaskDefinitionResponse(current, null);
            }
            TaskDefinition inactive = TaskDefinitionCopies.withStatus(current, "INACTIVE", context.receivedAt(), null);
            TaskDefinitionRepository.save(documents, scope, new StoredTaskDefinition(inactive, stored.tags()));
            return new TaskDefinitionResponse(inactive, null);
        });
    }

    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(RequestContext context, DeleteTaskDefinitionsRequest request) {
        List<String> refs = request.taskDefinitions() == null ? List.of() : request.taskDefinitions();
        if (refs.isEmpty() || refs.size() > MAX_DELETE) {
            throw EcsErrors.invalidParameter("The number of task definitions must be between 1 and " + MAX_DELETE + ".");
        }
        String scope = Scope.of(context).key();
        return store.write(documents -> {
            List<TaskDefinition> deleted = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (String raw : refs) {
                Optional<StoredTaskDefinition> stored = Reference.parse(context, raw)
                        .filter(ref -> ref.revision() != null)
                        .flatMap(ref -> TaskDefinitionRepository.find(documents, scope, ref.family(), ref.revision()));
                if (stored.isEmpty()) {
                    failures.add(new Failure(raw, "The specified task definition does not exist. Specify a valid "
                            + "account, family, revision and try again.", null));
                } else if ("ACTIVE".equals(stored.get().taskDefinition().status())) {
                    failures.add(new Failure(stored.get().taskDefinition().taskDefinitionArn(),
                            "The specified task definition is still in ACTIVE status. Deregister the target task "
                                    + "definition revision before deleting it.", null));
                } else {
                    TaskDefinition current = stored.get().taskDefinition();
                    TaskDefinition deleting = "DELETE_IN_PROGRESS".equals(current.status()) ? current
                            : TaskDefinitionCopies.withStatus(current, "DELETE_IN_PROGRESS", current.deregisteredAt(), context.receivedAt());
                    TaskDefinitionRepository.save(documents, scope, new StoredTaskDefinition(deleting, stored.get().tags()));
                    deleted.add(deleting);
                }
            }
            return new DeleteTaskDefinitionsResponse(deleted, failures);
        });
    }

    /**
     * The revision a reference names: {@code family:revision}, a task definition ARN, or a bare
     * family meaning its latest ACTIVE revision. Other services (tasks, services) resolve with this.
     */
    static Optional<StoredTaskDefinition> resolve(Documents documents, RequestContext context, String raw) {
        Optional<Reference> parsed = Reference.parse(context, raw);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Reference ref = parsed.get();
        String scope = Scope.of(context).key();
        if (ref.revision() != null) {
            return TaskDefinitionRepository.find(documents, scope, ref.family(), ref.revision());
        }
        // Newest first, a few at a time: the latest revision is nearly always the ACTIVE one wanted.
        String after = null;
        while (true) {
            List<StoredTaskDefinition> batch = TaskDefinitionRepository.newestFirst(documents, scope, ref.family(), after, 8);
            for (StoredTaskDefinition stored : batch) {
                if ("ACTIVE".equals(stored.taskDefinition().status())) {
                    return Optional.of(stored);
                }
            }
            if (batch.size() < 8) {
                return Optional.empty();
            }
            TaskDefinition last = batch.getLast().taskDefinition();
            after = TaskDefinitionRepository.id(last.family(), last.revision());
        }
    }

    /** The task role and execution role (each possibly null) of the revision a reference names, if any. */
    List<String> rolesOf(RequestContext context, String reference) {
        if (reference == null || reference.isEmpty()) {
            return java.util.Arrays.asList(null, null);
        }
        return store.read(documents -> resolve(documents, context, reference))
                .map(s -> java.util.Arrays.asList(s.taskDefinition().taskRoleArn(), s.taskDefinition().executionRoleArn()))
                .orElse(java.util.Arrays.asList(null, null));
    }

    static void save(Documents documents, RequestContext context, StoredTaskDefinition stored) {
        TaskDefinitionRepository.save(documents, Scope.of(context).key(), stored);
    }

    /** A parsed task definition reference; {@code revision} is null for a bare family. */
    record Reference(String family, Integer revision) {
        /** Empty when an ARN names another account or region, where nothing of this caller's is. */
        static Optional<Reference> parse(RequestContext context, String raw) {
            if (raw == null || raw.isEmpty()) {
                throw EcsErrors.client("Task definition cannot be empty.");
            }
            String text = raw;
            if (raw.startsWith("arn:")) {
                Arn arn = EcsArns.parse(raw)
                        .filter(a -> a.resourceType().equals("task-definition"))
                        .orElseThrow(() -> EcsErrors.client("Invalid revision number. Number: " + raw));
                if (!EcsArns.local(arn, context)) {
                    return Optional.empty();
                }
                text = arn.resourceId();
            }
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return Optional.of(new Reference(text, null));
            }
            String number = text.substring(colon + 1);
            try {
                int revision = Integer.parseInt(number);
                if (revision < 1) {
                    throw new NumberFormatException();
                }
                return Optional.of(new Reference(text.substring(0, colon), revision));
            } catch (NumberFormatException e) {
                throw EcsErrors.client("Invalid revision number. Number: " + number);
            }
        }
    }

    private static void requireOneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw EcsErrors.invalidParameter("Invalid value for " + field + ": " + value
                    + ". Valid values are " + String.join(", ", allowed) + ".");
        }
    }

}
