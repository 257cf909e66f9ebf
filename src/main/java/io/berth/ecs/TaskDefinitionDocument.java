package io.berth.ecs;

import io.berth.store.EmbeddedJson;
import io.berth.store.StoredDocument;

import java.util.List;

/**
 * A task definition revision as the store keeps it (kind {@code ecs.task-definition});
 * {@link TaskDefinitionRepository} maps it from and to {@link StoredTaskDefinition}. The revision
 * is kept whole in AWS's own TaskDefinition JSON (API 2014-11-13) rather than as Berth's wire
 * record: AWS only ever adds members to it, and DescribeTaskDefinition must answer every member
 * the user registered (each container definition complete), whatever Berth's record knows.
 *
 * <p>Schema 1 is the shape revisions were stored in before documents carried a schema.
 */
record TaskDefinitionDocument(int schema, EmbeddedJson taskDefinition, List<TagDocument> tags)
        implements StoredDocument {

    static final int SCHEMA = 1;

    TaskDefinitionDocument {
        schema = schema == 0 ? 1 : schema;
    }
}
