package io.berth.ecs;

/** A resource tag as ECS documents in the store keep it. */
record TagDocument(String key, String value) {
}
