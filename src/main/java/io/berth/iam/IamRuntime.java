package io.berth.iam;

import io.berth.store.Documents;
import io.berth.store.Store;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * What every IAM operation works with: the store, the clock, the id source, and the directory
 * whose caches each write invalidates (after the commit, so no cache keeps what was replaced).
 */
final class IamRuntime {

    final IamIds ids;
    private final Store store;
    private final InstantSource clock;
    private final IamDirectory directory;

    IamRuntime(Store store, InstantSource clock, IamIds ids, IamDirectory directory) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.directory = directory;
    }

    <T> T read(Function<Documents, T> work) {
        return store.read(work);
    }

    /** One transaction, durable before this returns. */
    <T> T write(Function<Documents, T> work) {
        try {
            return store.write(work);
        } finally {
            directory.changed();
        }
    }

    /** Now, in the whole seconds IAM shows. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
