package io.berth.logs.model;

/** rejectedEntityInfo is left out: Berth accepts and ignores entities, so never rejects one. */
public record PutLogEventsResponse(String nextSequenceToken, RejectedLogEventsInfo rejectedLogEventsInfo) {
}
