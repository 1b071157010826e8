package dev.coldbrew.examples.sin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The sin(x) function for AWS's own Java runtime: handler {@code dev.coldbrew.examples.sin.SinAwsHandler::handleRequest}.
 */
public final class SinAwsHandler implements RequestStreamHandler {
    private final Sin sin = new Sin();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(sin.run(SinRequest.fromJson(input.readAllBytes())).toJson());
    }
}
