package io.berth.ec2;

import io.berth.store.StoredDocument;
import io.berth.store.StoredTag;

import java.util.List;

/** A taggable EC2 resource as the store keeps it: its id and tags, and a copy with other tags. */
interface Tagged<T> extends StoredDocument {

    String id();

    List<StoredTag> tags();

    T withTags(List<StoredTag> tags);
}
