package io.berth.elb;

import io.berth.edge.RequestContext;
import io.berth.kit.Scope;
import io.berth.kit.ServiceContext;
import io.berth.store.Store;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * ELBv2's service context (store, clock, and ids of 16 hex digits, as ELB's ARNs end), with the
 * state of the request's account and region as one transaction sees it.
 */
record ElbRuntime(ServiceContext<Supplier<String>> service) {

    static ElbRuntime random(Store store, InstantSource clock) {
        SecureRandom random = new SecureRandom();
        return new ElbRuntime(ServiceContext.of(store, clock, () -> {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }));
    }

    String newId() {
        return service.ids().get();
    }

    InstantSource clock() {
        return service.clock();
    }

    <T> T read(RequestContext context, Function<ElbDocuments, T> work) {
        return service.read(documents -> work.apply(new ElbDocuments(documents, Scope.of(context))));
    }

    /** One transaction, durable before this returns: persist, then answer. */
    <T> T write(RequestContext context, Function<ElbDocuments, T> work) {
        return service.write(documents -> work.apply(new ElbDocuments(documents, Scope.of(context))));
    }
}
