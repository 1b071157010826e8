package dev.coldbrew.runtime.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.ResponseBuffer;
import java.io.ByteArrayInputStream;

/** Runs an AWS {@link RequestStreamHandler} as a {@link BytesHandler}; its output is buffered as AWS's runtime does. */
final class RequestStreamAdapter implements BytesHandler {
    private final RequestStreamHandler handler;

    RequestStreamAdapter(RequestStreamHandler handler) {
        this.handler = handler;
    }

    @Override
    public byte[] handle(byte[] event, Context context) throws Exception {
        ResponseBuffer out = new ResponseBuffer();
        handler.handleRequest(new ByteArrayInputStream(event), out, new AwsContext(context));
        return out.toByteArray();
    }
}
