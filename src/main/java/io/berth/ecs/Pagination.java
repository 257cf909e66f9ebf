package io.berth.ecs;

import io.berth.kit.PageTokens;


/** ECS list pagination: {@code maxResults} bounds and opaque {@code nextToken}s, with ECS's error for a bad one. */
final class Pagination {

    static final PageTokens TOKENS = new PageTokens(token -> EcsErrors.invalidParameter("Invalid token " + token));

    private Pagination() {
    }

    static int maxResults(Integer requested, int defaultValue) {
        if (requested == null) {
            return defaultValue;
        }
        if (requested < 1 || requested > 100) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
        }
        return requested;
    }
}
