package dev.coldbrew.examples.echo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The echo function for AWS's own Java runtime: handler
 * {@code dev.coldbrew.examples.echo.EchoAwsHandler::handleRequest}.
 */
public final class EchoAwsHandler implements RequestStreamHandler {
    private final Echo echo = new Echo();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(echo.run(input.readAllBytes()));
    }
}
