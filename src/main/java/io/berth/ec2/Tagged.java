package io.berth.ec2;

import io.berth.ec2.Ec2Messages.Tag;
import io.berth.store.StoredDocument;

import java.util.List;

/** A taggable EC2 resource as the store keeps it: its id and tags, and a copy with other tags. */
interface Tagged<T> extends StoredDocument {

    String id();

    List<Tag> tags();

    T withTags(List<Tag> tags);
}
