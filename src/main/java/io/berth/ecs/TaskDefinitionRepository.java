package io.berth.ecs;

import io.berth.ecs.model.Tag;
import io.berth.ecs.model.TaskDefinition;
import io.berth.store.Documents;
import io.berth.store.EmbeddedJson;
import io.berth.store.StoredJson;

import java.util.List;
import java.util.Optional;

/**
 * Task definition revisions in the store, as {@link TaskDefinitionDocument}s. Ids are
 * "family revision" with the revision zero-padded, so id order is family order, then revision
 * order (a space sorts before every character a family name may contain).
 */
final class TaskDefinitionRepository {

    private static final String KIND = "ecs.task-definition";

    private TaskDefinitionRepository() {
    }

    static String id(String family, int revision) {
        return family + " " + String.format("%010d", revision);
    }

    static Optional<StoredTaskDefinition> find(Documents documents, String scope, String family, int revision) {
        return documents.get(KIND, scope, id(family, revision)).map(TaskDefinitionRepository::read);
    }

    static void save(Documents documents, String scope, StoredTaskDefinition stored) {
        documents.put(KIND, scope, id(stored.taskDefinition().family(), stored.taskDefinition().revision()),
                StoredJson.write(new TaskDefinitionDocument(TaskDefinitionDocument.SCHEMA,
                        EmbeddedJson.of(stored.taskDefinition()), stored.tags() == null ? null
                        : stored.tags().stream().map(t -> new TagDocument(t.key(), t.value())).toList())));
    }

    /** Revisions of one family, newest first, older than the revision with id {@code before} if given. */
    static List<StoredTaskDefinition> newestFirst(Documents documents, String scope, String family, String before,
                                                  int limit) {
        return documents.list(new Documents.Query(KIND, scope, family + " ", before, limit, true)).stream()
                .map(d -> read(d.body())).toList();
    }

    /** Revisions whose family starts with {@code familyPrefix}, in id order from {@code after}. */
    static List<StoredTaskDefinition> page(Documents documents, String scope, String familyPrefix, String after,
                                           int limit, boolean descending) {
        return documents.list(new Documents.Query(KIND, scope, familyPrefix, after, limit, descending)).stream()
                .map(d -> read(d.body())).toList();
    }

    static StoredTaskDefinition read(String json) {
        TaskDefinitionDocument document = StoredJson.read(json, TaskDefinitionDocument.class);
        return new StoredTaskDefinition(EmbeddedJson.read(document.taskDefinition(), TaskDefinition.class),
                document.tags() == null ? null
                        : document.tags().stream().map(t -> new Tag(t.key(), t.value())).toList());
    }
}
