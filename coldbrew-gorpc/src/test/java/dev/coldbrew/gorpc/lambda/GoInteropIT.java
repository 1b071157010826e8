package dev.coldbrew.gorpc.lambda;

import static dev.coldbrew.gorpc.lambda.VectorReplayTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.rpc.RpcClient;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import dev.coldbrew.gorpc.testing.BoundedProcess;
import dev.coldbrew.gorpc.testing.GoPrograms;
import dev.coldbrew.gorpc.testing.GoToolchain;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with real Go 1.19 net/rpc + gob: Go's own client calls our {@link GoRpcFunctionServer}, and our
 * {@link GoRpcFunctionClient} calls a Go function served as aws-lambda-go serves it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@EnabledIf(value = GoToolchain.FOUND, disabledReason = GoToolchain.NOT_FOUND)
class GoInteropIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    @TempDir
    static Path dir;

    private static GoPrograms programs;

    @BeforeAll
    static void buildGoPrograms() throws Exception {
        programs = GoPrograms.build(dir);
    }

    @Test
    void goClientCallsOurFunctionServer() throws Exception {
        List<InvokeRequest> received = new CopyOnWriteArrayList<>();
        try (GoRpcFunctionServer server = GoRpcFunctionServer.start(new GoRpcFunctionServer.Config(0), request -> {
            received.add(request);
            return javaFunction(request);
        })) {
            List<String> lines = runGoClient(server.port());
            assertThat(lines)
                    .containsExactly(
                            "ping ok",
                            "fields ok payload=req-1|Root=1-abc|1700000000|123000000|arn:aws:lambda:eu-west-1:1:function:f"
                                    + "|identity|pool|{\"client\":{}}",
                            "fail ok message=boom type=errorString exit=true frames=[main.go:42:main.handler][x.go:-1:]",
                            "json ok " + JSON_ERROR.toJson(),
                            "json-plain ok " + PLAIN_ERROR.toJson(),
                            "crash ok type=IllegalStateException message=java crash exit=true frames>0=true",
                            "nope err=rpc: can't find method Function.Nope",
                            "zero ok payload= error=<nil>",
                            "size 0 ok equal=true",
                            "size 1 ok equal=true",
                            "size 1024 ok equal=true",
                            "size 1048576 ok equal=true",
                            "size 6291456 ok equal=true",
                            "pipelined 20 of 20 matched",
                            "ping-again ok");
        }
        assertThat(received.get(5))
                .as("the zero-valued request")
                .isEqualTo(new InvokeRequest(null, null, null, null, null, null, null, null));
    }

    @Test
    void ourClientCallsAGoFunction() throws Exception {
        int port = freePort();
        Path log = dir.resolve("go-server.log");
        ProcessBuilder builder = new ProcessBuilder(programs.server().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("_LAMBDA_SERVER_PORT", Integer.toString(port));
        Process go = builder.start();
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(port, TIMEOUT)) {
            InvokeRequest full = new InvokeRequest(
                    bytes("fields"),
                    "req-1",
                    "Root=1-abc",
                    new Timestamp(1_700_000_000L, 123_000_000L),
                    "arn:aws:lambda:eu-west-1:1:function:f",
                    "identity",
                    "pool",
                    bytes("{\"client\":{}}"));
            assertThat(text(client.invoke(full, TIMEOUT)))
                    .isEqualTo("fields:req-1|Root=1-abc|1700000000|123000000|arn:aws:lambda:eu-west-1:1:function:f"
                            + "|identity|pool|{\"client\":{}}");
            assertThat(text(client.invoke(InvokeRequest.of(null, null, null, null), TIMEOUT)))
                    .as("zero-valued request")
                    .isEqualTo("fields:||0|0||||");
            assertThat(client.invoke(InvokeRequest.of(bytes("fail"), "r", null, null), TIMEOUT)
                            .error())
                    .isEqualTo(new InvokeError(
                            "boom",
                            "errorString",
                            List.of(new StackFrame("main.go", 42, "main.handler"), new StackFrame("x.go", -1, "")),
                            true));
            assertThatThrownBy(() -> client.invoke(InvokeRequest.of(bytes("rpcerr"), "r", null, null), TIMEOUT))
                    .isInstanceOfSatisfying(
                            RpcMethodException.class,
                            e -> assertThat(e.remoteError()).isEqualTo("method-level error"));
            for (int size : new int[] {1, 1024, 6 * 1024 * 1024}) {
                byte[] payload = pattern(size);
                assertThat(client.invoke(InvokeRequest.of(payload, "size", null, null), TIMEOUT)
                                .payload())
                        .as("echo of %d bytes", size)
                        .isEqualTo(payload);
            }
            client.ping(TIMEOUT);
        } finally {
            stop(go);
        }
        assertThat(Files.readString(log)).isEmpty();
    }

    @Test
    void goAnswersAnUnknownMethodToOurClientWithTheSameError() throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(programs.server().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("go-server-2.log").toFile());
        builder.environment().put("_LAMBDA_SERVER_PORT", Integer.toString(port));
        Process go = builder.start();
        try (GoRpcFunctionClient ready = GoRpcFunctionClient.connect(port, TIMEOUT);
                RpcClient client = RpcClient.connect(VectorReplayTest.loopback(port), TIMEOUT)) {
            assertThat(ready.isOpen()).isTrue();
            assertThatThrownBy(() -> client.call(
                            "Function.Nope", PingRequest.GOB, PingRequest.INSTANCE, PingResponse.GOB, TIMEOUT))
                    .isInstanceOfSatisfying(
                            RpcMethodException.class,
                            e -> assertThat(e.remoteError()).isEqualTo("rpc: can't find method Function.Nope"));
        } finally {
            stop(go);
        }
    }

    /** An error whose JSON needs every kind of escape Go's encoding/json applies. */
    private static final InvokeError JSON_ERROR = new InvokeError(
            "quote \" backslash \\ <tag> & amp\nnew\rline\ttab \u0001 \u001f \u2028 \u2029 é 😀 \u007f",
            "Type<&>",
            List.of(new StackFrame("dir/<file>.go", -7, "pkg.(*T).Method"), new StackFrame("", 0, "")),
            true);
    /** No stack trace: Go omits the field (omitempty). */
    private static final InvokeError PLAIN_ERROR = new InvokeError("plain", "errorString", List.of(), false);

    /** What the Java function does for the Go client's calls. */
    private static InvokeResponse javaFunction(InvokeRequest request) {
        return switch (new String(request.payload(), StandardCharsets.UTF_8)) {
            case "fields" ->
                InvokeResponse.success(bytes(String.join(
                        "|",
                        request.requestId(),
                        request.xAmznTraceId(),
                        Long.toString(request.deadline().seconds()),
                        Long.toString(request.deadline().nanos()),
                        request.invokedFunctionArn(),
                        request.cognitoIdentityId(),
                        request.cognitoIdentityPoolId(),
                        new String(request.clientContext(), StandardCharsets.UTF_8))));
            case "fail" ->
                InvokeResponse.failure(new InvokeError(
                        "boom",
                        "errorString",
                        List.of(new StackFrame("main.go", 42, "main.handler"), new StackFrame("x.go", -1, "")),
                        true));
            case "json" -> InvokeResponse.failure(JSON_ERROR);
            case "json-plain" -> InvokeResponse.failure(PLAIN_ERROR);
            case "crash" -> throw new IllegalStateException("java crash");
            default -> InvokeResponse.success(request.payload());
        };
    }

    private static List<String> runGoClient(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(programs.client().toString());
        builder.environment().put("_LAMBDA_SERVER_PORT", Integer.toString(port));
        BoundedProcess.Result go = BoundedProcess.run(builder, Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS));
        assertThat(go.exited())
                .as("Go client exited within %d s; output:\n%s", PROCESS_TIMEOUT_SECONDS, go.output())
                .isTrue();
        assertThat(go.exitCode())
                .as("Go client exit code; output:\n%s", go.output())
                .isZero();
        return go.output().lines().toList();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static String text(InvokeResponse response) {
        assertThat(response.error()).isNull();
        return new String(response.payload(), StandardCharsets.UTF_8);
    }

    /** The same bytes as the Go client's pattern: 'a' + i % 23. */
    private static byte[] pattern(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) ('a' + i % 23);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
