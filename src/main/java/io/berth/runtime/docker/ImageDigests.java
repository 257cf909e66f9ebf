package io.berth.runtime.docker;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Digests of images seen present lately, so a burst of launches of one image inspects it once.
 * Short-lived on purpose: a tag moved by a later pull is noticed within {@link #FRESH}.
 */
final class ImageDigests {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private record Seen(String digest, long atNanos) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    Optional<String> recent(String image) {
        Seen entry = seen.get(image);
        return entry != null && System.nanoTime() - entry.atNanos() < FRESH.toNanos()
                ? Optional.of(entry.digest()) : Optional.empty();
    }

    void remember(String image, String digest) {
        seen.put(image, new Seen(digest, System.nanoTime()));
    }
}
