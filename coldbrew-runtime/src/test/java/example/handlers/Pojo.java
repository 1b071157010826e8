package example.handlers;

import dev.coldbrew.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Handler methods without handler interfaces, named as package.Class::method. */
public class Pojo {
    public byte[] bytes(byte[] event, Context context) {
        return (context.requestId() + ":" + new String(event, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    public void stream(InputStream in, OutputStream out, com.amazonaws.services.lambda.runtime.Context context)
            throws IOException {
        out.write((context.getAwsRequestId() + ":" + new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    public static Greeter.Greeting greet(Greeter.Name name) {
        return new Greeter.Greeting("Hi " + name.value());
    }

    public void nothing() {}

    public byte[] fail(byte[] event) {
        throw new IllegalArgumentException("refused " + event.length + " bytes");
    }

    public String twoInputs(String a, String b) {
        return a + b;
    }
}
