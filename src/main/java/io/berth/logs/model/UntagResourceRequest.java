package io.berth.logs.model;

import java.util.List;

public record UntagResourceRequest(String resourceArn, List<String> tagKeys) {
}
