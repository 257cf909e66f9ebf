package io.berth.edge;

/** The implementation of one AWS operation: typed request in, typed response out. */
@FunctionalInterface
public interface Handler<Q, R> {
    R handle(RequestContext context, Q request);
}
