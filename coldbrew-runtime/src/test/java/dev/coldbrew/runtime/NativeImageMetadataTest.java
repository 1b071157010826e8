package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.spi.TransportProvider;
import dev.coldbrew.runtime.testing.ReachabilityMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native-image reachability metadata the runtime ships names classes that exist and its two service files. */
class NativeImageMetadataTest {
    @Test
    void everyTypeAndConditionNamesAnExistingClass() throws Exception {
        ReachabilityMetadata metadata = ReachabilityMetadata.of(
                "dev.coldbrew", "coldbrew-runtime", getClass().getClassLoader());

        metadata.assertEveryTypeExists();
        for (Map<String, Object> resource : metadata.entries("resources")) {
            assertThat((String) resource.get("glob"))
                    .isIn(
                            "META-INF/services/" + CodecProvider.class.getName(),
                            "META-INF/services/" + TransportProvider.class.getName());
        }
    }
}
