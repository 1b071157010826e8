package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.gorpc.rpc.RpcMethod;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import dev.coldbrew.gorpc.rpc.RpcServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The behaviour of the Go program that captured the vectors ({@code gob-vectors/README.md}, "Server"), built
 * from our net/rpc server and message codecs, so its replies can be compared with Go's byte for byte.
 */
final class RpcDumpService {
    private RpcDumpService() {}

    static final InvokeError BOOM = new InvokeError(
            "boom",
            "errorString",
            List.of(new StackFrame("main.go", 42, "main.handler"), new StackFrame("x.go", -1, "")),
            true);

    static RpcServer.Builder builder() {
        return RpcServer.builder()
                .method(
                        FunctionService.PING,
                        new RpcMethod<>(PingRequest.GOB, PingResponse.GOB, req -> PingResponse.INSTANCE))
                .method(
                        FunctionService.INVOKE,
                        new RpcMethod<>(InvokeRequest.GOB, InvokeResponse.GOB, RpcDumpService::invoke));
    }

    private static InvokeResponse invoke(InvokeRequest request) throws RpcMethodException {
        String payload = new String(request.payload(), StandardCharsets.UTF_8);
        return switch (payload) {
            case "\"panic\"" -> InvokeResponse.failure(BOOM);
            case "\"rpcerr\"" -> throw new RpcMethodException(FunctionService.INVOKE, "method-level error");
            default -> InvokeResponse.success(payload.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        };
    }
}
