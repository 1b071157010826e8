package dev.coldbrew.startup.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A fresh JVM's first decode of an API Gateway proxy event (stdin) with Jackson databind. */
public final class DatabindProbe {
    private DatabindProbe() {}

    public static void main(String[] args) throws IOException {
        byte[] json = System.in.readAllBytes();
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        DecodedLine.print(mapper.readValue(json, APIGatewayProxyRequestEvent.class));
    }
}
