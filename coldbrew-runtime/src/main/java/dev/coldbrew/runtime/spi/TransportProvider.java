package dev.coldbrew.runtime.spi;

import java.io.IOException;

/**
 * A protocol other than the Runtime API through which Lambda can deliver invocations, found with
 * {@link java.util.ServiceLoader} only when the environment asks for it: {@code _LAMBDA_SERVER_PORT} selects
 * Lambda's go1.x protocol ({@link #GO1X}), which coldbrew-gorpc-runtime provides. When several providers speak the
 * protocol, {@value #ENV_TRANSPORT} picks one by {@link #name()}; without it, the first
 * {@linkplain #selectedByDefault() default} one serves. Register an implementation in
 * {@code META-INF/services/dev.coldbrew.runtime.spi.TransportProvider}.
 */
public interface TransportProvider {
    /** Lambda's go1.x runtime: Go {@code net/rpc} with gob on {@code 127.0.0.1:$_LAMBDA_SERVER_PORT}. */
    String GO1X = "go1.x";

    /** The environment variable that picks a provider by {@link #name()} (e.g. {@code jni-go}). */
    String ENV_TRANSPORT = "COLDBREW_TRANSPORT";

    /** The protocol this provider speaks, as Lambda names the runtime (e.g. {@link #GO1X}). */
    String protocol();

    /** The name {@value #ENV_TRANSPORT} selects this provider by; the protocol unless overridden. */
    default String name() {
        return protocol();
    }

    /**
     * True when this provider serves its protocol without being named in {@value #ENV_TRANSPORT}; an alternative
     * implementation of a protocol returns false, so it is used only when asked for.
     */
    default boolean selectedByDefault() {
        return true;
    }

    /**
     * Binds {@code 127.0.0.1:port} and serves invocations through {@code invoker}; returns once the port accepts
     * connections.
     *
     * @throws IOException when the port cannot be bound (an init failure)
     */
    Transport start(int port, Invoker invoker) throws IOException;
}
