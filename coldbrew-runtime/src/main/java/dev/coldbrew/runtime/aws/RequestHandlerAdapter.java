package dev.coldbrew.runtime.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.Context;

/** Runs an AWS {@link RequestHandler} as a {@link BytesHandler} through codecs found at init. */
final class RequestHandlerAdapter<I, O> implements BytesHandler {
    private final RequestHandler<I, O> handler;
    private final Codec<I> input;
    private final Codec<O> output;

    RequestHandlerAdapter(RequestHandler<I, O> handler, Codec<I> input, Codec<O> output) {
        this.handler = handler;
        this.input = input;
        this.output = output;
    }

    @Override
    public byte[] handle(byte[] event, Context context) throws Exception {
        return output.encode(handler.handleRequest(input.decode(event), new AwsContext(context)));
    }
}
