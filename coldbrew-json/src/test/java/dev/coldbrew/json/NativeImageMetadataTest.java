package dev.coldbrew.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeImageMetadataTest {
    private static final String METADATA =
            "/META-INF/native-image/dev.coldbrew/coldbrew-json/reachability-metadata.json";

    @Test
    void everyRegisteredTypeExistsAndEveryReflectedEventTypeIsRegistered() throws Exception {
        List<?> reflection = (List<?>) metadata().get("reflection");
        List<String> types = reflection.stream()
                .map(entry -> (String) ((Map<?, ?>) entry).get("type"))
                .toList();

        for (String type : types) {
            assertThat(Class.forName(type, false, getClass().getClassLoader())).isNotNull();
        }
        assertThat(types)
                .contains(
                        "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent",
                        "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent",
                        "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                        "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse",
                        "com.amazonaws.services.lambda.runtime.events.SQSEvent",
                        "com.amazonaws.services.lambda.runtime.events.SQSEvent$SQSMessage");
    }

    private static Map<?, ?> metadata() throws IOException {
        try (InputStream in = NativeImageMetadataTest.class.getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA).isNotNull();
            return Json.create().decode(in.readAllBytes(), Map.class);
        }
    }
}
