package io.berth.elb;

import io.berth.edge.RequestContext;
import io.berth.store.Store;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every ELBv2 operation works with: the store, the clock and the id source (16 hex digits,
 * as ELB's ARNs end), injected so tests control them.
 */
record ElbRuntime(Store store, InstantSource clock, Supplier<String> ids) {

    static ElbRuntime random(Store store, InstantSource clock) {
        SecureRandom random = new SecureRandom();
        return new ElbRuntime(store, clock, () -> {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    <T> T read(RequestContext context, Function<ElbDocuments, T> work) {
        return store.read(documents -> work.apply(new ElbDocuments(documents, context.accountId(), context.region())));
    }

    /** One transaction, durable before this returns: persist, then answer. */
    <T> T write(RequestContext context, Function<ElbDocuments, T> work) {
        return store.write(documents -> work.apply(new ElbDocuments(documents, context.accountId(), context.region())));
    }
}
