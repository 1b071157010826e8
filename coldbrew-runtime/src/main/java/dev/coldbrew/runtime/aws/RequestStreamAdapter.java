package dev.coldbrew.runtime.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.StreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An AWS {@link RequestStreamHandler} as a {@link StreamHandler}: AWS's {@code Context} view of coldbrew's; its
 * output is buffered by {@code BytesHandler.of}, as AWS's runtime does.
 */
final class RequestStreamAdapter implements StreamHandler {
    private final RequestStreamHandler handler;

    RequestStreamAdapter(RequestStreamHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(InputStream in, OutputStream out, Context context) throws IOException {
        handler.handleRequest(in, out, new AwsContext(context));
    }
}
