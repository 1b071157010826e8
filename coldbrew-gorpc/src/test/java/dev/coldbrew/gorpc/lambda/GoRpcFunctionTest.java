package dev.coldbrew.gorpc.lambda;

import static dev.coldbrew.gorpc.lambda.VectorReplayTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.rpc.RefusedConnectionException;
import dev.coldbrew.gorpc.rpc.RpcClient;
import dev.coldbrew.gorpc.rpc.RpcMethod;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import dev.coldbrew.gorpc.rpc.RpcServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our go1.x function server and Lambda-side client against each other (Go peers: GoInteropIT). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GoRpcFunctionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<InvokeRequest> received = new CopyOnWriteArrayList<>();
    private GoRpcFunctionServer server;

    @BeforeEach
    void start() throws IOException {
        server = GoRpcFunctionServer.start(new GoRpcFunctionServer.Config(0), this::handle);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private InvokeResponse handle(InvokeRequest request) {
        received.add(request);
        String payload = new String(request.payload());
        return switch (payload) {
            case "fail" -> InvokeResponse.failure(new InvokeError("bad input", "ValidationError", List.of(), false));
            case "crash" -> throw new IllegalStateException("handler crashed");
            default -> InvokeResponse.success(bytes("echo:" + payload));
        };
    }

    @Test
    void aRefusedPeerEndsTheConnectAtOnceBeforeAnythingIsSent() {
        List<InetSocketAddress> judged = new CopyOnWriteArrayList<>();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());

        assertThatThrownBy(() -> GoRpcFunctionClient.connect(address, TIMEOUT, (local, remote) -> {
                    judged.add(remote);
                    throw new RefusedConnectionException("port " + remote.getPort() + " is held by pid 77");
                }))
                .isInstanceOf(RefusedConnectionException.class)
                .hasMessage("port " + server.port() + " is held by pid 77");
        assertThat(judged).containsExactly(address);
        assertThat(received).isEmpty();
    }

    @Test
    void anAcceptedPeerIsJudgedOnceThenInvoked() throws Exception {
        List<InetSocketAddress> judged = new CopyOnWriteArrayList<>();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());

        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(address, TIMEOUT, (local, remote) -> {
            assertThat(local.getAddress().isLoopbackAddress()).isTrue();
            judged.add(remote);
        })) {
            client.invoke(InvokeRequest.of(bytes("x"), "r", null, null), TIMEOUT);
        }
        assertThat(judged).containsExactly(address);
        assertThat(received).hasSize(1);
    }

    @Test
    void configComesFromTheLambdaServerPortVariable() {
        assertThat(GoRpcFunctionServer.Config.from(Map.of("_LAMBDA_SERVER_PORT", "8001"))
                        .port())
                .isEqualTo(8001);
        assertThatThrownBy(() -> GoRpcFunctionServer.Config.from(Map.of()))
                .hasMessageStartingWith("_LAMBDA_SERVER_PORT is not set");
        assertThatThrownBy(() -> GoRpcFunctionServer.Config.from(Map.of("_LAMBDA_SERVER_PORT", "x1")))
                .hasMessage("_LAMBDA_SERVER_PORT is not a port number: \"x1\"");
        assertThatThrownBy(() -> GoRpcFunctionServer.Config.from(Map.of("_LAMBDA_SERVER_PORT", "70000")))
                .hasMessage("_LAMBDA_SERVER_PORT must be a TCP port (1-65535), was 70000");
    }

    @Test
    void theGoRpcModeIsSelectedByANonBlankPortVariable() {
        assertThat(GoRpcFunctionServer.Config.isSelected(Map.of("_LAMBDA_SERVER_PORT", "8001")))
                .isTrue();
        assertThat(GoRpcFunctionServer.Config.isSelected(Map.of("_LAMBDA_SERVER_PORT", " ")))
                .isFalse();
        assertThat(GoRpcFunctionServer.Config.isSelected(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")))
                .isFalse();
    }

    @Test
    void everyRequestFieldReachesTheInvoker() throws Exception {
        InvokeRequest request = new InvokeRequest(
                bytes("{\"k\":1}"),
                "req-1",
                "Root=1-abc",
                new Timestamp(1_700_000_000L, 123_000_000L),
                "arn:aws:lambda:eu-west-1:1:function:f",
                "identity",
                "pool",
                bytes("{\"client\":{}}"));
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(server.port(), TIMEOUT)) {
            assertThat(client.invoke(request, TIMEOUT)).isEqualTo(InvokeResponse.success(bytes("echo:{\"k\":1}")));
        }
        assertThat(received).containsExactly(request);
        assertThat(received.getFirst().deadline().toInstant()).hasToString("2023-11-14T22:13:20.123Z");
    }

    @Test
    void aZeroValuedRequestArrivesAsGoZeroValues() throws Exception {
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(server.port(), TIMEOUT)) {
            client.invoke(InvokeRequest.of(null, null, null, null), TIMEOUT);
        }
        assertThat(received.getFirst())
                .isEqualTo(new InvokeRequest(new byte[0], "", "", Timestamp.ZERO, "", "", "", null));
    }

    @Test
    void aHandlerFailureTravelsInsideTheReply() throws Exception {
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(server.port(), TIMEOUT)) {
            InvokeResponse response = client.invoke(InvokeRequest.of(bytes("fail"), "r", null, null), TIMEOUT);
            assertThat(response.error()).isEqualTo(new InvokeError("bad input", "ValidationError", List.of(), false));
            assertThat(client.invoke(InvokeRequest.of(bytes("ok"), "r", null, null), TIMEOUT)
                            .payload())
                    .isEqualTo(bytes("echo:ok"));
        }
    }

    @Test
    void anExceptionFromTheInvokerIsReportedLikeAGoPanic() throws Exception {
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(server.port(), TIMEOUT)) {
            InvokeError error = client.invoke(InvokeRequest.of(bytes("crash"), "r", null, null), TIMEOUT)
                    .error();
            assertThat(error.type()).isEqualTo("IllegalStateException");
            assertThat(error.message()).isEqualTo("handler crashed");
            assertThat(error.shouldExit()).isTrue();
            assertThat(error.stackTrace().getFirst())
                    .isEqualTo(new StackFrame(
                            "GoRpcFunctionTest.java",
                            error.stackTrace().getFirst().line(),
                            GoRpcFunctionTest.class.getName() + ".handle"));
        }
    }

    @Test
    void anUnknownMethodGetsNetRpcsErrorAndTheConnectionLives() throws Exception {
        try (RpcClient client = RpcClient.connect(VectorReplayTest.loopback(server.port()), TIMEOUT)) {
            assertThatThrownBy(() -> client.call(
                            "Function.Nope", PingRequest.GOB, PingRequest.INSTANCE, PingResponse.GOB, TIMEOUT))
                    .isInstanceOfSatisfying(
                            RpcMethodException.class,
                            e -> assertThat(e.remoteError()).isEqualTo("rpc: can't find method Function.Nope"));
            assertThat(client.call(
                            FunctionService.PING, PingRequest.GOB, PingRequest.INSTANCE, PingResponse.GOB, TIMEOUT))
                    .isEqualTo(PingResponse.INSTANCE);
        }
    }

    @Test
    void severalConnectionsAreServedAtOnce() throws Exception {
        try (GoRpcFunctionClient a = GoRpcFunctionClient.connect(server.port(), TIMEOUT);
                GoRpcFunctionClient b = GoRpcFunctionClient.connect(server.port(), TIMEOUT)) {
            assertThat(b.invoke(InvokeRequest.of(bytes("b"), "2", null, null), TIMEOUT)
                            .payload())
                    .isEqualTo(bytes("echo:b"));
            assertThat(a.invoke(InvokeRequest.of(bytes("a"), "1", null, null), TIMEOUT)
                            .payload())
                    .isEqualTo(bytes("echo:a"));
        }
    }

    @Test
    void theClientWaitsForAFunctionThatStartsListeningLater() throws Exception {
        int port = freePort();
        CompletableFuture<GoRpcFunctionClient> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return GoRpcFunctionClient.connect(port, TIMEOUT);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try (GoRpcFunctionServer late = GoRpcFunctionServer.start(new GoRpcFunctionServer.Config(port), this::handle);
                GoRpcFunctionClient client = connecting.get(20, TimeUnit.SECONDS)) {
            assertThat(late.port()).isEqualTo(port);
            assertThat(client.invoke(InvokeRequest.of(bytes("late"), "r", null, null), TIMEOUT)
                            .payload())
                    .isEqualTo(bytes("echo:late"));
        }
    }

    @Test
    void theClientGivesUpAfterItsDeadlineNamingTheLastError() throws Exception {
        int port = freePort();
        assertThatThrownBy(() -> GoRpcFunctionClient.connect(port, Duration.ofMillis(200)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("go1.x: function at ")
                .hasMessageContaining(":" + port + " not ready within 200 ms after ")
                .hasMessageContaining("last error: rpc: connect to");
    }

    @Test
    void aPeerWithoutFunctionPingFailsAtOnceInsteadOfRetrying() throws Exception {
        try (RpcServer other = RpcServer.builder()
                .method("Other.Ping", new RpcMethod<>(PingRequest.GOB, PingResponse.GOB, req -> PingResponse.INSTANCE))
                .start(0)) {
            assertThatThrownBy(() -> GoRpcFunctionClient.connect(other.port(), Duration.ofMinutes(5)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("go1.x: function at " + VectorReplayTest.loopback(other.port()) + " answered "
                            + "Function.Ping with an rpc error: rpc: can't find service Function.Ping");
        }
    }

    @Test
    void aRequestBeyondTheSizeLimitClosesTheConnectionButNotTheServer() throws Exception {
        byte[] tooBig = new byte[7 * 1024 * 1024];
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(server.port(), TIMEOUT)) {
            assertThatThrownBy(() -> client.invoke(InvokeRequest.of(tooBig, "big", null, null), TIMEOUT))
                    .isInstanceOf(IOException.class);
            assertThat(client.isOpen()).isFalse();
        }
        assertThat(received).isEmpty();
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(server.port(), TIMEOUT)) {
            assertThat(client.invoke(InvokeRequest.of(bytes("x"), "r", null, null), TIMEOUT)
                            .payload())
                    .isEqualTo(bytes("echo:x"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
