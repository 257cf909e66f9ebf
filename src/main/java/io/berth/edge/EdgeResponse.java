package io.berth.edge;

import java.nio.charset.StandardCharsets;

/** What the edge answers: status, content type and body; the request id header is added by the server. */
public record EdgeResponse(int status, String contentType, byte[] body) {

    public static EdgeResponse json(int status, String body) {
        return new EdgeResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
}
