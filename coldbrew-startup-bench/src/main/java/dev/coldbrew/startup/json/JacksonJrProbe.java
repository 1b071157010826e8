package dev.coldbrew.startup.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;

/** A fresh JVM's first decode of an API Gateway proxy event (stdin) with jackson-jr. */
public final class JacksonJrProbe {
    private JacksonJrProbe() {}

    public static void main(String[] args) throws IOException {
        byte[] json = System.in.readAllBytes();
        DecodedLine.print(JSON.std.beanFrom(APIGatewayProxyRequestEvent.class, json));
    }
}
