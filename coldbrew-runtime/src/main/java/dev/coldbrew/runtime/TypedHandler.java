package dev.coldbrew.runtime;

/**
 * A function handler on values: the event is decoded to {@code I} and the result encoded from {@code O} by the
 * {@link Codec}s given at registration ({@link LambdaRuntime#run(TypedHandler, Codec, Codec)}).
 */
@FunctionalInterface
public interface TypedHandler<I, O> {
    O handle(I input, Context context) throws Exception;
}
