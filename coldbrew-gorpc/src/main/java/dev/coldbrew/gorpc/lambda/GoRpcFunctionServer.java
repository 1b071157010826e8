package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.rpc.RpcMethod;
import dev.coldbrew.gorpc.rpc.RpcServer;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import dev.coldbrew.runtime.api.UnsignedDecimal;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The function side of Lambda's go1.x protocol: serves {@code Function.Ping} and {@code Function.Invoke} on
 * {@code 127.0.0.1:$_LAMBDA_SERVER_PORT} as aws-lambda-go's RPC mode does ({@code lambda/rpc_function.go}),
 * so a Java function answers Lambda's go1.x runtime (or the local Lambda) exactly as a Go binary would.
 * Up to {@link RpcServer#DEFAULT_MAX_CONNECTIONS} connections; an unknown method gets net/rpc's error reply.
 *
 * <pre>{@code
 * try (var server = GoRpcFunctionServer.start(GoRpcFunctionServer.Config.from(System.getenv()), invoker)) {
 *     server.awaitClose();
 * }
 * }</pre>
 */
public final class GoRpcFunctionServer implements AutoCloseable {

    private final RpcServer server;

    private GoRpcFunctionServer(RpcServer server) {
        this.server = server;
    }

    /**
     * The server's configuration, read once from the environment.
     *
     * @param port the TCP port on 127.0.0.1; 0 picks a free one (tests)
     */
    public record Config(int port) {
        public Config {
            if (port < 0 || port > RuntimeApiAddress.MAX_PORT) {
                throw new IllegalArgumentException(
                        RuntimeApi.ENV_LAMBDA_SERVER_PORT + " must be a TCP port (1-65535), was " + port);
            }
        }

        /**
         * True when the environment asks for the go1.x protocol: {@code _LAMBDA_SERVER_PORT} is set and not
         * blank. aws-lambda-go prefers it over {@code AWS_LAMBDA_RUNTIME_API} when both are set
         * ({@code lambda/rpc_function.go} prepends its start function).
         */
        public static boolean isSelected(Map<String, String> env) {
            String value = env.get(RuntimeApi.ENV_LAMBDA_SERVER_PORT);
            return value != null && !value.isBlank();
        }

        /** Reads {@code _LAMBDA_SERVER_PORT}; rejects a missing, non-numeric or out-of-range value by name. */
        public static Config from(Map<String, String> env) {
            String value = env.get(RuntimeApi.ENV_LAMBDA_SERVER_PORT);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is not set: the go1.x "
                        + "protocol needs the port Lambda calls the function on");
            }
            long port = UnsignedDecimal.parse(value.trim(), 0, Integer.MAX_VALUE);
            if (port == UnsignedDecimal.INVALID) {
                throw new IllegalArgumentException(
                        RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is not a port number: \"" + value + "\"");
            }
            return new Config((int) port);
        }
    }

    /** Binds and starts serving; returns once the port accepts connections. */
    public static GoRpcFunctionServer start(Config config, FunctionInvoker invoker) throws IOException {
        Objects.requireNonNull(invoker, "invoker");
        RpcServer server = RpcServer.builder()
                .method(
                        FunctionService.PING,
                        new RpcMethod<>(PingRequest.GOB, PingResponse.GOB, req -> PingResponse.INSTANCE))
                .method(
                        FunctionService.INVOKE,
                        new RpcMethod<>(InvokeRequest.GOB, InvokeResponse.GOB, req -> invoke(invoker, req)))
                .start(config.port());
        return new GoRpcFunctionServer(server);
    }

    /** The port actually bound. */
    public int port() {
        return server.port();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClose() throws InterruptedException {
        server.awaitClose();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static InvokeResponse invoke(FunctionInvoker invoker, InvokeRequest request) {
        try {
            return Objects.requireNonNull(invoker.invoke(request), "FunctionInvoker returned null");
        } catch (RuntimeException | Error e) {
            // aws-lambda-go recovers a panic into an error with its stack trace and ShouldExit (lambda/panic.go).
            System.getLogger(GoRpcFunctionServer.class.getName())
                    .log(System.Logger.Level.ERROR, "gorpc invoke " + request.requestId() + " failed fatally", e);
            return InvokeResponse.failure(InvokeError.of(e, true));
        }
    }
}
