package dev.coldbrew.bridge.jnigo;

import dev.coldbrew.runtime.spi.Go1xTransportProvider;
import dev.coldbrew.runtime.spi.Invoker;
import dev.coldbrew.runtime.spi.Transport;
import java.io.IOException;

/**
 * Lambda's go1.x protocol served by Go's own {@code net/rpc} in a shared library, with the function in Java over
 * JNI: the seed's bridge as a coldbrew transport. Registered in {@code META-INF/services}; chosen only when asked
 * for by name, {@code COLDBREW_TRANSPORT=}{@value #NAME} next to {@code _LAMBDA_SERVER_PORT}, so that with
 * coldbrew-gorpc-runtime also on the class path the pure-Java transport stays the default.
 */
public final class JniGoTransportProvider extends Go1xTransportProvider {
    /** The value of {@code COLDBREW_TRANSPORT} that selects this transport. */
    public static final String NAME = "jni-go";

    /** Public and without arguments, for {@link java.util.ServiceLoader}. */
    public JniGoTransportProvider() {
        super(NAME, false);
    }

    /**
     * Loads the library ({@link BridgeLibrary}: {@code -Dcoldbrew.jnigo.library}, {@code COLDBREW_JNI_GO_LIBRARY},
     * {@code java.library.path}, or next to this jar) and starts serving.
     *
     * @throws IOException when the library cannot be loaded or the port cannot be bound (an init failure)
     */
    @Override
    public Transport start(int port, Invoker invoker) throws IOException {
        try {
            BridgeLibrary.load(System.getenv(), System.getProperty(BridgeLibrary.PROPERTY));
        } catch (UnsatisfiedLinkError e) {
            throw new IOException(e.getMessage(), e);
        }
        return JniGoTransport.start(port, invoker, System.err);
    }
}
