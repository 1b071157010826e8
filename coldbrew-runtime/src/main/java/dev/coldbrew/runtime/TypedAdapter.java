package dev.coldbrew.runtime.invoke;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.TypedHandler;

/** Runs a {@link TypedHandler} as a {@link BytesHandler} through its input and output codecs. */
public final class TypedAdapter<I, O> implements BytesHandler {
    private final TypedHandler<I, O> handler;
    private final Codec<I> input;
    private final Codec<O> output;

    public TypedAdapter(TypedHandler<I, O> handler, Codec<I> input, Codec<O> output) {
        this.handler = handler;
        this.input = input;
        this.output = output;
    }

    @Override
    public byte[] handle(byte[] event, Context context) throws Exception {
        return output.encode(handler.handle(input.decode(event), context));
    }

    /** The content type of responses: the output codec's. */
    public String contentType() {
        return output.contentType();
    }
}
