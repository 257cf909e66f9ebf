package io.berth.store;

import java.util.function.Function;

/**
 * Berth's durable state: JSON documents addressed by kind, scope (account and region, or
 * "global") and id. Services keep typed repositories on top of it.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} against a consistent snapshot. */
    <T> T read(Function<Documents, T> work);

    /**
     * Runs {@code work} in one serialised transaction, committed (durably) before this returns,
     * and rolled back whole if it throws.
     */
    <T> T write(Function<Documents, T> work);

    @Override
    void close();
}
