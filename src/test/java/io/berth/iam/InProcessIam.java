package io.berth.iam;

import io.berth.edge.Principal;
import io.berth.edge.RequestContext;
import io.berth.edge.ServiceDefinition;
import io.berth.store.Store;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The IAM operations called in-process as the account's root, at a fixed instant, with ids
 * counted up so tests can name them: for unit tests of what sits behind the IAM API.
 */
final class InProcessIam {

    private final ServiceDefinition iam;
    private final RequestContext root;

    InProcessIam(Store store, IamDirectory directory, String accountId, Instant now) {
        this.iam = IamApi.definition(store, InstantSource.fixed(now), countingIds(), directory);
        this.root = new RequestContext("test", Principal.root(accountId, "AKIAROOTROOTROOTROOT"), "us-east-1", now,
                "127.0.0.1");
    }

    @SuppressWarnings("unchecked")
    <R> R call(String operation, Object request) {
        return (R) iam.operations().get(operation).invoke(root, request);
    }

    private static IamIds countingIds() {
        AtomicInteger next = new AtomicInteger();
        return new IamIds() {
            @Override
            public String uniqueId(String prefix) {
                return prefix + "%017d".formatted(next.incrementAndGet());
            }

            @Override
            public String accessKeyId() {
                return "AKIA" + "%016d".formatted(next.incrementAndGet());
            }

            @Override
            public String secretAccessKey() {
                return "s".repeat(39) + next.incrementAndGet() % 10;
            }
        };
    }
}
