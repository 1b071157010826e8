package dev.coldbrew.runtime;

/** Runs a {@link TypedHandler} as a {@link BytesHandler} through its input and output codecs. */
final class TypedAdapter<I, O> implements BytesHandler {
    private final TypedHandler<I, O> handler;
    private final Codec<I> input;
    private final Codec<O> output;

    TypedAdapter(TypedHandler<I, O> handler, Codec<I> input, Codec<O> output) {
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
