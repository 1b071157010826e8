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

    @Test
    void theServiceRegistrationIsReachable() throws Exception {
        Map<?, ?> metadata = metadata();
        List<?> resources = (List<?>) metadata.get("resources");
        String glob = (String) ((Map<?, ?>) resources.get(0)).get("glob");

        assertThat(getClass().getClassLoader().getResource(glob)).as(glob).isNotNull();
        assertThat(((List<?>) metadata.get("reflection")).get(0))
                .isEqualTo(Map.of(
                        "type",
                        JsonCodecProvider.class.getName(),
                        "methods",
                        List.of(Map.of("name", "<init>", "parameterTypes", List.of()))));
        assertThat(JsonCodecProvider.class.getConstructor()).isNotNull();
    }

    private static Map<?, ?> metadata() throws IOException {
        try (InputStream in = NativeImageMetadataTest.class.getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA).isNotNull();
            return Json.create().decode(in.readAllBytes(), Map.class);
        }
    }
}
