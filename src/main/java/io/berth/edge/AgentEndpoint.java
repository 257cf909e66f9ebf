package io.berth.edge;

import java.util.List;
import java.util.Map;

/**
 * What the ECS agent serves to code inside tasks (the task role's credentials, the task
 * metadata), reached without SigV4: the caller proves itself with a secret its task's containers
 * were given and, where tasks have their own interfaces, with the address it calls from.
 */
public interface AgentEndpoint {

    /** Whether the path is one of this endpoint's rather than an AWS API's. */
    boolean serves(String path);

    EdgeResponse serve(Request request);

    /**
     * @param headers lower-case header names
     * @param source  the caller's IP address, as the connection shows it
     * @param body    what the caller sent (empty for a GET)
     */
    record Request(String method, String path, Map<String, List<String>> headers, String source, byte[] body) {
    }
}
