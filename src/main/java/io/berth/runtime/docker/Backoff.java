package io.berth.runtime.docker;

import java.time.Duration;

/**
 * When to try again after a run of failures: first after {@code first}, then twice as late each
 * time, never later than {@code max}; a success ends the run. It also tells which failures are
 * news (the first of a run, or one with another cause than the one before), so a missing
 * prerequisite is said once rather than at every retry.
 */
final class Backoff {

    /** The wait before the next try, and whether this failure is worth saying. */
    record Retry(Duration delay, boolean news) {
    }

    private final Duration first;
    private final Duration max;
    private Duration next;
    private String cause;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    synchronized Retry failed(String cause) {
        boolean news = !cause.equals(this.cause);
        this.cause = cause;
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return new Retry(delay, news);
    }

    /** Ends a run of failures; answers whether there was one (then the recovery is worth saying). */
    synchronized boolean succeeded() {
        boolean recovered = cause != null;
        cause = null;
        next = first;
        return recovered;
    }
}
