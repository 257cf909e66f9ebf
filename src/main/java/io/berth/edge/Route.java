package io.berth.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * One entry of the edge's route table: who it is for, which requests it takes, how much body it
 * accepts and what answers them. The edge tries routes in order; the first that matches answers.
 *
 * @param maxBodyBytes the largest request body the route accepts; a longer one is refused before
 *                     the endpoint sees it
 */
public record Route(String name, Audience audience, BiPredicate<String, String> methodAndPath, long maxBodyBytes,
                    Endpoint endpoint) {

    /** Whose address a route answers on. */
    public enum Audience {
        /** Clients of the AWS APIs, on the bind address. */
        API,
        /**
         * Code inside tasks, on the agent's own address (169.254.170.2 where tasks have a network,
         * else a listener of its own), so that API paths such as the registry's /v2/ stay free
         * on the API address. Tasks reach the APIs on the agent's address too.
         */
        AGENT
    }

    /** A route for every method on every path under a prefix. */
    public static Route prefix(String name, Audience audience, String prefix, long maxBodyBytes, Endpoint endpoint) {
        return new Route(name, audience, (method, path) -> path.startsWith(prefix), maxBodyBytes, endpoint);
    }

    /** The paths of an agent endpoint. */
    public static Route agent(String name, AgentEndpoint agent, long maxBodyBytes) {
        return new Route(name, Audience.AGENT, (method, path) -> agent.serves(path), maxBodyBytes,
                (Endpoint.Buffered) (request, body) -> agent.serve(new AgentEndpoint.Request(
                        request.method(), request.rawPath(), request.headers(), request.source(), body)));
    }

    /** Whether the route takes a request that reached the given audience's address; API routes answer on every address. */
    public boolean matches(Audience audience, String method, String path) {
        return (this.audience == Audience.API || this.audience == audience) && methodAndPath.test(method, path);
    }

    /** What answers a route's requests. */
    public sealed interface Endpoint {

        /**
         * Reads the whole body (up to the route's limit) and answers at once: the AWS APIs, whose
         * signatures hash the exact body bytes.
         */
        @FunctionalInterface
        non-sealed interface Buffered extends Endpoint {
            EdgeResponse serve(Exchange request, byte[] body);
        }

        /**
         * Reads the body as it arrives and writes the answer as it goes, for bodies too large to
         * hold (image layers); the body stream ends at the route's limit with an IOException.
         */
        @FunctionalInterface
        non-sealed interface Streaming extends Endpoint {
            void serve(Exchange request, InputStream body, ResponseWriter response) throws IOException;
        }
    }

    /**
     * What a route sees of a request besides its body.
     *
     * @param rawPath  the path as sent, still percent-encoded
     * @param rawQuery the query as sent, or null
     * @param headers  lower-case header names, values as the client encoded them (UTF-8)
     * @param source   the caller's IP address, as the connection shows it
     */
    public record Exchange(String requestId, String method, String rawPath, String rawQuery,
                           Map<String, List<String>> headers, String source) {
    }

    /** The answer of a streaming route: status and headers first, then the body. */
    public interface ResponseWriter {
        /** Sends the status and headers; contentLength -1 when unknown (the body is then chunked). */
        OutputStream start(int status, String contentType, long contentLength, Map<String, String> headers)
                throws IOException;
    }
}
