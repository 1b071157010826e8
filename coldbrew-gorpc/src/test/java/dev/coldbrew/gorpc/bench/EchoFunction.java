package dev.coldbrew.gorpc.bench;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionServer;
import dev.coldbrew.gorpc.lambda.InvokeResponse;

/**
 * A Java go1.x function that echoes its payload, served on {@code 127.0.0.1:$_LAMBDA_SERVER_PORT} until
 * killed: the Java side of the Go-caller comparison ({@code go-interop/cmd/bench}).
 */
public final class EchoFunction {
    private EchoFunction() {}

    public static void main(String[] args) throws Exception {
        GoRpcFunctionServer.Config config = GoRpcFunctionServer.Config.from(System.getenv());
        try (GoRpcFunctionServer server =
                GoRpcFunctionServer.start(config, request -> InvokeResponse.success(request.payload()))) {
            server.awaitClose();
        }
    }
}
