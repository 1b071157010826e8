package dev.coldbrew.bench.strategy;

import dev.coldbrew.bridge.jnigo.BridgeLibrary;
import dev.coldbrew.bridge.jnigo.JniGoTransportProvider;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's bridge as the strategies ship it, on the JVM ({@code seed-bridge-jvm}) or in a native image
 * ({@code seed-bridge}): coldbrew-bridge-jni-go's jar, its Go library {@code libcoldbrew-jni-go.so} (from the jar,
 * built for this machine) and the variable that picks the bridge over coldbrew-gorpc.
 */
final class SeedBridge {
    /** The function's environment: {@code COLDBREW_TRANSPORT=jni-go}. */
    static final Map<String, String> ENVIRONMENT = Map.of(TransportProvider.ENV_TRANSPORT, JniGoTransportProvider.NAME);

    private SeedBridge() {}

    /** What is missing for the bridge to run here, if anything. */
    static Optional<String> missing() {
        if (SeedBridge.class.getClassLoader().getResource(BridgeLibrary.resource()) == null) {
            return Optional.of("no " + BridgeLibrary.resource() + " in coldbrew-bridge-jni-go's jar (built for"
                    + " another architecture, or without Go)");
        }
        return Optional.empty();
    }

    /** Copies the Go library into {@code dir}, where the bridge looks for it (beside the jars or the executable). */
    static void copyLibrary(Path dir) throws IOException {
        String resource = BridgeLibrary.resource();
        try (InputStream in = SeedBridge.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is not on the bench's class path");
            }
            Files.copy(in, dir.resolve(BridgeLibrary.FILE_NAME));
        }
    }
}
