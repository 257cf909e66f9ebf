package io.berth.store;

/**
 * A tag as the store keeps it inside a document, {@code {"key":...,"value":...}}: the shape every
 * service's stored tags have had on disk, kept apart from the services' wire tags so a wire change
 * cannot change it. Services map it to and from their own tag type at their API's boundary.
 */
public record StoredTag(String key, String value) {
}
