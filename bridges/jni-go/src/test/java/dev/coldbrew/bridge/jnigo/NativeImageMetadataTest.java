package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.testing.ReachabilityMetadata;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The native-image metadata this module ships names classes that exist, and registers for JNI exactly the
 * constructor the library calls ({@code src/main/go/jni.go}: {@code BridgeRequest.<init>}).
 */
class NativeImageMetadataTest {
    private static ReachabilityMetadata metadata() throws Exception {
        return ReachabilityMetadata.of(
                "dev.coldbrew", "coldbrew-bridge-jni-go", NativeImageMetadataTest.class.getClassLoader());
    }

    @Test
    void everyTypeAndConditionNamesAnExistingClass() throws Exception {
        metadata().assertEveryTypeExists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJniEntryIsTheRequestConstructor() throws Exception {
        Map<String, Object> request = metadata().entries("jni").get(0);
        Map<String, Object> constructor = (Map<String, Object>) ((List<Object>) request.get("methods")).get(0);

        assertThat(request.get("type")).isEqualTo(BridgeRequest.class.getName());
        assertThat((List<Object>) constructor.get("parameterTypes"))
                .containsExactlyElementsOf(Arrays.stream(BridgeRequest.class.getRecordComponents())
                        .map(RecordComponent::getType)
                        .map(Class::getTypeName)
                        .toList());
    }

    @Test
    void theProviderIsRegisteredForTheServiceLoader() throws Exception {
        assertThat(metadata().entries("reflection").get(0).get("type"))
                .isEqualTo(JniGoTransportProvider.class.getName());
    }
}
