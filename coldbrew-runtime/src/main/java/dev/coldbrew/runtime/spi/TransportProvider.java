package dev.coldbrew.runtime.spi;

import dev.coldbrew.runtime.Invoker;
import java.io.IOException;

/**
 * A protocol other than the Runtime API through which Lambda can deliver invocations, found with
 * {@link java.util.ServiceLoader} only when the environment asks for it: {@code _LAMBDA_SERVER_PORT} selects
 * Lambda's go1.x protocol ({@link #GO1X}), which coldbrew-gorpc provides. Register an implementation in
 * {@code META-INF/services/dev.coldbrew.runtime.spi.TransportProvider}.
 */
public interface TransportProvider {
    /** Lambda's go1.x runtime: Go {@code net/rpc} with gob on {@code 127.0.0.1:$_LAMBDA_SERVER_PORT}. */
    String GO1X = "go1.x";

    /** The protocol this provider speaks, as Lambda names the runtime (e.g. {@link #GO1X}). */
    String protocol();

    /**
     * Binds {@code 127.0.0.1:port} and serves invocations through {@code invoker}; returns once the port accepts
     * connections.
     *
     * @throws IOException when the port cannot be bound (an init failure)
     */
    Transport start(int port, Invoker invoker) throws IOException;
}
