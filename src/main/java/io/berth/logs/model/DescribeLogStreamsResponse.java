package io.berth.logs.model;

import java.util.List;

public record DescribeLogStreamsResponse(List<LogStream> logStreams, String nextToken) {
}
