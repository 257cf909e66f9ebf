package io.berth.kit;

import io.berth.edge.RequestContext;

import java.util.Objects;

/**
 * Where a request's state lives: an account and a region, or an account alone for a global
 * service such as IAM. Its {@link #key()} is the store scope of the service's documents.
 *
 * @param region null for a global service
 */
public record Scope(String accountId, String region) {

    private static final String GLOBAL = "global";

    public Scope {
        Objects.requireNonNull(accountId, "accountId");
    }

    /** The caller's account and the request's region. */
    public static Scope of(RequestContext context) {
        return new Scope(context.accountId(), context.region());
    }

    /** The caller's account, for a service whose state is not per region. */
    public static Scope global(RequestContext context) {
        return global(context.accountId());
    }

    public static Scope global(String accountId) {
        return new Scope(accountId, null);
    }

    public boolean isGlobal() {
        return region == null;
    }

    /** The store scope: {@code ACCOUNT/REGION}, or {@code ACCOUNT/global}. */
    public String key() {
        return accountId + "/" + (isGlobal() ? GLOBAL : region);
    }

    /** An ARN of this scope; a global scope leaves the ARN's region empty. */
    public Arn arn(String service, String resource) {
        return new Arn(Arn.PARTITION, service, isGlobal() ? "" : region, accountId, resource);
    }

    /** Whether {@code arn} names something of this scope: same account, and same region (none when global). */
    public boolean contains(Arn arn) {
        return arn.accountId().equals(accountId) && arn.region().equals(isGlobal() ? "" : region);
    }
}
