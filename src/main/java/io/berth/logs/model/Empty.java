package io.berth.logs.model;

public record Empty() {
}
