package dev.coldbrew.startup.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;

/** The floor for the JSON probes: reads the same stdin and builds the event by hand, without a JSON library. */
public final class BaselineProbe {
    private BaselineProbe() {}

    public static void main(String[] args) throws IOException {
        byte[] json = System.in.readAllBytes();
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(json.length > 0 ? "POST" : "")
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp("203.0.113.17")));
        DecodedLine.print(event);
    }
}
