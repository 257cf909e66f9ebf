package io.berth.logs.model;

/** Indices into the request's events; the two end indices are exclusive, the start index inclusive. */
public record RejectedLogEventsInfo(Integer tooNewLogEventStartIndex, Integer tooOldLogEventEndIndex,
                                    Integer expiredLogEventEndIndex) {
}
