package io.berth.edge;

import java.time.Instant;

/** What a handler knows about the request besides its typed input. */
public record RequestContext(String requestId, Principal principal, String region, Instant receivedAt,
                             String sourceIp) {

    public String accountId() {
        return principal.accountId();
    }
}
