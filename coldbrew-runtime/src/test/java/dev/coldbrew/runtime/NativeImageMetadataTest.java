package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.json.JsonReader;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native-image reachability metadata the runtime ships parses and names classes that exist. */
class NativeImageMetadataTest {
    private static final String METADATA =
            "META-INF/native-image/dev.coldbrew/coldbrew-runtime/reachability-metadata.json";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata() throws Exception {
        try (InputStream in = NativeImageMetadataTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA).isNotNull();
            return JsonReader.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTypeAndConditionNamesAnExistingClass() throws Exception {
        Map<String, Object> metadata = metadata();
        for (Object entry : (List<Object>) metadata.get("reflection")) {
            Map<String, Object> reflection = (Map<String, Object>) entry;
            Class.forName((String) reflection.get("type"));
            Class.forName((String) ((Map<String, Object>) reflection.get("condition")).get("typeReached"));
        }
        for (Object entry : (List<Object>) metadata.get("resources")) {
            Map<String, Object> resource = (Map<String, Object>) entry;
            Class.forName((String) ((Map<String, Object>) resource.get("condition")).get("typeReached"));
            assertThat((String) resource.get("glob"))
                    .isIn(
                            "META-INF/services/" + CodecProvider.class.getName(),
                            "META-INF/services/" + TransportProvider.class.getName());
        }
    }
}
