package io.berth.ec2;

import io.berth.ec2.Ec2Messages.Tag;

import java.util.List;

/** A taggable EC2 resource: its id and tags, and a copy with other tags. */
interface Tagged<T> {

    String id();

    List<Tag> tags();

    T withTags(List<Tag> tags);
}
