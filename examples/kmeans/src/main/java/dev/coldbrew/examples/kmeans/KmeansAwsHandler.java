package dev.coldbrew.examples.kmeans;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The k-means function for AWS's own Java runtime ({@code java21}/{@code java25} managed runtimes):
 * handler {@code dev.coldbrew.examples.kmeans.KmeansAwsHandler::handleRequest}.
 */
public final class KmeansAwsHandler implements RequestStreamHandler {
    private final Kmeans kmeans = new Kmeans();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(kmeans.run(KmeansRequest.fromJson(input.readAllBytes())).toJson());
    }
}
