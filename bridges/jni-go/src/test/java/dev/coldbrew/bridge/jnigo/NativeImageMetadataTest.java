package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.json.JsonReader;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The native-image metadata this module ships parses, names classes that exist, and registers for JNI exactly
 * the constructor the library calls ({@code src/main/go/jni.go}: {@code BridgeRequest.<init>}).
 */
class NativeImageMetadataTest {
    private static final String METADATA =
            "META-INF/native-image/dev.coldbrew/coldbrew-bridge-jni-go/reachability-metadata.json";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata() throws Exception {
        try (InputStream in = NativeImageMetadataTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA).isNotNull();
            return JsonReader.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJniEntriesNameExistingClassesAndTheRequestConstructor() throws Exception {
        List<Object> jni = (List<Object>) metadata().get("jni");
        Map<String, Object> request = (Map<String, Object>) jni.get(0);
        Map<String, Object> constructor = (Map<String, Object>) ((List<Object>) request.get("methods")).get(0);

        assertThat(request.get("type")).isEqualTo(BridgeRequest.class.getName());
        assertThat((List<Object>) constructor.get("parameterTypes"))
                .containsExactlyElementsOf(Arrays.stream(BridgeRequest.class.getRecordComponents())
                        .map(RecordComponent::getType)
                        .map(Class::getTypeName)
                        .toList());
        for (Object entry : jni) {
            Map<String, Object> type = (Map<String, Object>) entry;
            Class.forName((String) type.get("type"));
            Class.forName((String) ((Map<String, Object>) type.get("condition")).get("typeReached"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProviderIsRegisteredForTheServiceLoader() throws Exception {
        Map<String, Object> reflection =
                (Map<String, Object>) ((List<Object>) metadata().get("reflection")).get(0);

        assertThat(reflection.get("type")).isEqualTo(JniGoTransportProvider.class.getName());
    }
}
