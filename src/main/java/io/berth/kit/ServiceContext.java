package io.berth.kit;

import io.berth.store.Documents;
import io.berth.store.Store;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a service's operations work with: the store, the clock and the service's id source,
 * injected so tests control time and ids. A service that must do something in every write
 * transaction (IAM moves its directory's generation on) says so once with {@link #afterEachWrite}.
 *
 * @param <I>       the service's id source
 * @param afterWrite runs last in every write transaction
 */
public record ServiceContext<I>(Store store, InstantSource clock, I ids, Consumer<Documents> afterWrite) {

    public ServiceContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(afterWrite, "afterWrite");
    }

    public static <I> ServiceContext<I> of(Store store, InstantSource clock, I ids) {
        return new ServiceContext<>(store, clock, ids, documents -> { });
    }

    /** This context, also running {@code step} last in every write transaction. */
    public ServiceContext<I> afterEachWrite(Consumer<Documents> step) {
        return new ServiceContext<>(store, clock, ids, afterWrite.andThen(step));
    }

    /** This context with a clock that reads in whole seconds, for services that show no fractions (IAM). */
    public ServiceContext<I> inWholeSeconds() {
        InstantSource source = clock;
        return new ServiceContext<>(store, () -> source.instant().truncatedTo(ChronoUnit.SECONDS), ids, afterWrite);
    }

    public <T> T read(Function<Documents, T> work) {
        return store.read(work);
    }

    /** One transaction, durable before this returns. */
    public <T> T write(Function<Documents, T> work) {
        return store.write(documents -> {
            T result = work.apply(documents);
            afterWrite.accept(documents);
            return result;
        });
    }

    public Instant now() {
        return clock.instant();
    }
}
