package io.berth.logs.model;

import java.util.Map;

public record CreateLogGroupRequest(String logGroupName, String kmsKeyId, Map<String, String> tags,
                                    String logGroupClass, Boolean deletionProtectionEnabled) {
}
