package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.GobCodec;
import java.util.Objects;

/**
 * One method a {@link RpcServer} serves: how to read its argument, how to write its reply, and the handler.
 *
 * @param argument codec of the argument value that follows the request header
 * @param reply codec of the reply value that follows the response header
 * @param handler computes the reply; a {@link RpcMethodException} becomes the reply's {@code Error}
 */
public record RpcMethod<A, R>(GobCodec<A> argument, GobCodec<R> reply, Handler<A, R> handler) {
    public RpcMethod {
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(handler, "handler");
    }

    @FunctionalInterface
    public interface Handler<A, R> {
        R call(A argument) throws RpcMethodException;
    }
}
