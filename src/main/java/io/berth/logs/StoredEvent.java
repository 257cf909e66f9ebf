package io.berth.logs;

/** One stored log event as reads return it. */
record StoredEvent(String logStreamName, EventKey key, String message, long ingestionTime) {
}
