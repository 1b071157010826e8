/**
 * coldbrew's runtime on Lambda's go1.x protocol: {@link dev.coldbrew.gorpc.runtime.GoRpcTransportProvider}
 * implements the runtime's {@link dev.coldbrew.runtime.spi.TransportProvider}, so {@code LambdaRuntime.run(…)}
 * and {@code dev.coldbrew.runtime.Main} serve {@code Function.Ping}/{@code Function.Invoke} when
 * {@code _LAMBDA_SERVER_PORT} is set.
 */
package dev.coldbrew.gorpc.runtime;
