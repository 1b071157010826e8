package dev.coldbrew.gorpc.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.spi.TransportProvider;
import dev.coldbrew.runtime.testing.ReachabilityMetadata;
import org.junit.jupiter.api.Test;

/** The native-image metadata this module ships registers the provider and its service file for the ServiceLoader. */
class NativeImageMetadataTest {
    @Test
    void theProviderAndItsServiceFileAreRegisteredWithExistingClasses() throws Exception {
        ReachabilityMetadata metadata = ReachabilityMetadata.of(
                "dev.coldbrew", "coldbrew-gorpc-runtime", getClass().getClassLoader());

        metadata.assertEveryTypeExists();
        assertThat(metadata.entries("reflection").get(0).get("type")).isEqualTo(GoRpcTransportProvider.class.getName());
        assertThat(metadata.entries("resources").get(0).get("glob"))
                .isEqualTo("META-INF/services/" + TransportProvider.class.getName());
    }
}
