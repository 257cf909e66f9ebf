package io.berth.iam;

import io.berth.edge.RequestContext;
import io.berth.iam.model.IamShapes.NoResult;
import io.berth.iam.model.IamShapes.Tag;
import io.berth.iam.model.UserMessages.TagsResult;
import io.berth.kit.ServiceContext;
import io.berth.store.Documents;
import io.berth.store.StoredTag;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What tagging needs to know of a kind of IAM entity (users, roles, managed policies), so that
 * its Tag*, Untag* and List*Tags operations are one code: the request member naming the entity
 * and its constraint, the quota a 51st tag exceeds, whether keys are unique ignoring case, how the
 * entity's tags are read, and how they are changed. Validation runs first, then the tag set's own
 * duplicate-key check, and only then the lookup, which is the order IAM reports errors in. IamApi
 * declares TagUser, UntagRole, ListPolicyTags and the others straight on an entity's description.
 */
record TaggableEntity(ServiceContext<IamIds> iam, String field, Violations.Text constraint, String quota,
                      boolean caseInsensitive, Reader read, Writer write) {

    /** The entity's tags; throws the entity's own not-found (or invalid-input) error. */
    @FunctionalInterface
    interface Reader {
        List<StoredTag> tags(Documents documents, String account, String name);
    }

    /** Looks the entity up for a change (throwing as its kind does), changes its tags and saves it. */
    @FunctionalInterface
    interface Writer {
        void retag(Documents documents, String account, String name, UnaryOperator<List<StoredTag>> change);
    }

    /** A stored entity that carries tags. */
    interface Tagged<E> {
        List<StoredTag> tags();

        E withTags(List<StoredTag> tags);
    }

    /** The entity a request names, or its kind's not-found error. */
    @FunctionalInterface
    interface Lookup<E> {
        E find(Documents documents, String account, String name);
    }

    @FunctionalInterface
    interface Saver<E> {
        void save(Documents documents, String account, E entity);
    }

    /** Reads the tags of the entity {@code lookup} finds. */
    static Reader reader(Lookup<? extends Tagged<?>> lookup) {
        return (documents, account, name) -> lookup.find(documents, account, name).tags();
    }

    /** Changes the tags of the entity {@code lookup} finds, and saves it. */
    static <E extends Tagged<E>> Writer writer(Lookup<E> lookup, Saver<E> save) {
        return (documents, account, name, change) -> {
            E entity = lookup.find(documents, account, name);
            save.save(documents, account, entity.withTags(change.apply(entity.tags())));
        };
    }

    /** Refuses a tag set that names a key twice, as this kind compares keys. */
    void requireDistinct(List<Tag> added) {
        IamTags.requireDistinct(added, caseInsensitive);
    }

    /** The stored tags of an entity created with {@code added}. */
    List<StoredTag> initial(List<Tag> added) {
        return IamTags.merge(List.of(), added, quota, caseInsensitive);
    }

    /** TagUser, TagRole, TagPolicy. */
    NoResult tag(RequestContext context, String name, List<Tag> added) {
        Violations.check().text(field, name, constraint).required("tags", added).tags(added).done();
        requireDistinct(added);
        return update(context, name, tags -> IamTags.merge(tags, added, quota, caseInsensitive));
    }

    /** UntagUser, UntagRole, UntagPolicy. */
    NoResult untag(RequestContext context, String name, List<String> keys) {
        Violations.check().text(field, name, constraint).tagKeys(keys).done();
        return update(context, name, tags -> IamTags.remove(tags, keys, caseInsensitive));
    }

    /** ListUserTags, ListRoleTags, ListPolicyTags. */
    TagsResult list(RequestContext context, String name, String marker, Integer maxItems) {
        Violations.check().text(field, name, constraint).marker(marker).maxItems(maxItems).done();
        String account = context.accountId();
        return IamTags.page(iam.read(documents -> read.tags(documents, account, name)), marker, maxItems);
    }

    private NoResult update(RequestContext context, String name, UnaryOperator<List<StoredTag>> change) {
        String account = context.accountId();
        return iam.write(documents -> {
            write.retag(documents, account, name, change);
            return new NoResult();
        });
    }
}
