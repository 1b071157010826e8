/**
 * The service-provider interface for transports other than the Runtime API, such as Lambda's go1.x protocol
 * (coldbrew-gorpc-runtime, the JNI bridge): a {@link dev.coldbrew.runtime.spi.TransportProvider} starts a
 * {@link dev.coldbrew.runtime.spi.Transport} that turns each request into an
 * {@link dev.coldbrew.runtime.spi.Invocation}, runs it through the {@link dev.coldbrew.runtime.spi.Invoker} and
 * answers with its {@link dev.coldbrew.runtime.spi.Outcome}; {@link dev.coldbrew.runtime.spi.Invocation#fromGo1x}
 * maps go1.x requests for every such transport. The runtime looks providers up only when
 * {@code _LAMBDA_SERVER_PORT} is set, so the Runtime API path loads neither {@code TransportProvider} nor
 * {@code Transport}.
 */
package dev.coldbrew.runtime.spi;
