package io.berth.edge;

import java.util.List;
import java.util.Map;

/**
 * What the ECS agent serves to code inside tasks (credentials of the task role), reached without
 * SigV4: the caller proves itself with the token the task's containers were given.
 */
@FunctionalInterface
public interface AgentEndpoint {

    /** Paths under this prefix go to the agent endpoint, not to the AWS APIs. */
    String PREFIX = "/v2/";

    /** @param headers lower-case header names */
    EdgeResponse serve(String method, String path, Map<String, List<String>> headers);
}
