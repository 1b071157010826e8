package dev.coldbrew.runtime;

/**
 * A function handler on raw bytes: the event as Lambda delivered it, the response exactly as it is returned. The
 * most direct and cheapest form; every other form is adapted to it.
 *
 * <p>An exception thrown here is reported to Lambda as a function error ({@code Runtime.UserException}) and the
 * runtime goes on to the next event. A null result is sent as an empty response.
 */
@FunctionalInterface
public interface BytesHandler {
    byte[] handle(byte[] event, Context context) throws Exception;

    /** Adapts a streaming handler; its output is buffered and sent when it returns. */
    static BytesHandler of(StreamHandler handler) {
        return new StreamAdapter(handler);
    }

    /** Adapts a typed handler with explicit codecs for its input and output. */
    static <I, O> BytesHandler of(TypedHandler<I, O> handler, Codec<I> input, Codec<O> output) {
        return new TypedAdapter<>(handler, input, output);
    }
}
