package dev.coldbrew.startup.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.dslplatform.json.DslJson;
import com.dslplatform.json.runtime.Settings;
import java.io.IOException;

/** A fresh JVM's first decode of an API Gateway proxy event (stdin) with DSL-JSON's run-time analysis. */
public final class DslJsonProbe {
    private DslJsonProbe() {}

    public static void main(String[] args) throws IOException {
        byte[] json = System.in.readAllBytes();
        DslJson<Object> dsl = new DslJson<>(Settings.withRuntime().includeServiceLoader());
        DecodedLine.print(dsl.deserialize(APIGatewayProxyRequestEvent.class, json, json.length));
    }
}
