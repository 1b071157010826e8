package dev.coldbrew.startup.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.coldbrew.startup.loops.Greeting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The hello function as AWS's runtime interface client runs it: bytes in, the same log line and greeting out. */
public final class HelloStreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        context.getLogger().log(Greeting.logLine(event, context.getAwsRequestId()));
        output.write(Greeting.reply(event, context.getAwsRequestId()));
    }
}
