package io.berth.logs.model;

import java.util.List;

public record UntagLogGroupRequest(String logGroupName, List<String> tags) {
}
