package io.berth.iam;

import io.berth.store.Documents;
import io.berth.store.Store;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * What every IAM operation works with: the store, the clock and the id source. Each write moves
 * {@link IamDirectory}'s stored generation on in its own transaction, so no cache keeps what it replaced.
 */
final class IamRuntime {

    final IamIds ids;
    private final Store store;
    private final InstantSource clock;

    IamRuntime(Store store, InstantSource clock, IamIds ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    <T> T read(Function<Documents, T> work) {
        return store.read(work);
    }

    /** One transaction, durable before this returns; it moves the directory's generation on. */
    <T> T write(Function<Documents, T> work) {
        return store.write(documents -> {
            T result = work.apply(documents);
            IamDirectory.bump(documents);
            return result;
        });
    }

    /** Now, in the whole seconds IAM shows. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
