package dev.coldbrew.startup.ric;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.coldbrew.startup.loops.Greeting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The hello function as AWS's runtime interface client runs it: bytes in, the same greeting out. */
public final class HelloStreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(Greeting.reply(input.readAllBytes()));
    }
}
