package dev.coldbrew.runtime.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.TypedHandler;

/**
 * An AWS {@link RequestHandler} as a {@link TypedHandler}: AWS's {@code Context} view of coldbrew's; the codecs
 * are {@code BytesHandler.of}'s, as for any typed handler.
 */
final class RequestHandlerAdapter<I, O> implements TypedHandler<I, O> {
    private final RequestHandler<I, O> handler;

    RequestHandlerAdapter(RequestHandler<I, O> handler) {
        this.handler = handler;
    }

    @Override
    public O handle(I input, Context context) {
        return handler.handleRequest(input, new AwsContext(context));
    }
}
