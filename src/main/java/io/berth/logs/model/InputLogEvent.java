package io.berth.logs.model;

public record InputLogEvent(Long timestamp, String message) {
}
