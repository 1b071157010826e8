package dev.coldbrew.startup.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.coldbrew.json.Json;
import java.io.IOException;

/** A fresh JVM's first decode of an API Gateway proxy event (stdin) with coldbrew-json (jackson-jr + events). */
public final class ColdbrewJsonProbe {
    private ColdbrewJsonProbe() {}

    public static void main(String[] args) throws IOException {
        byte[] json = System.in.readAllBytes();
        DecodedLine.print(Json.create().decode(json, APIGatewayProxyRequestEvent.class));
    }
}
