package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.bridge.jnigo.testing.BridgeFunction;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.Timestamp;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The library's three calls used directly in this JVM, with coldbrew-gorpc's client as Lambda: every invoke is
 * answered exactly once, misuse is an {@link IllegalStateException} naming the invoke, a bound port is an error
 * message, and {@code stop} releases a blocked {@code readRequest}.
 */
@EnabledIf(value = BridgeLibrary.BUNDLED, disabledReason = BridgeLibrary.NOT_BUNDLED)
class GoBridgeIT {
    private static final Duration CALL = Duration.ofSeconds(30);

    private int port;

    @BeforeAll
    static void load() {
        BridgeLibrary.load(Map.of(BridgeLibrary.ENV, BridgeFunction.LIBRARY), null);
    }

    private void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(GoBridge.start(port, RuntimeApi.MAX_RESPONSE_BYTES)).isNull();
    }

    @AfterEach
    void stop() {
        GoBridge.stop();
    }

    private CompletableFuture<InvokeResponse> invokeInBackground(GoRpcFunctionClient client, String event) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.invoke(
                        InvokeRequest.of(event.getBytes(StandardCharsets.UTF_8), "r-" + event, Timestamp.ZERO, ""),
                        CALL);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anInvokeIsAnsweredOnceAndASecondAnswerIsRefused() throws Exception {
        start();
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(port, CALL)) {
            CompletableFuture<InvokeResponse> reply = invokeInBackground(client, "one");
            BridgeRequest request = GoBridge.readRequest();

            assertThat(request.requestId()).isEqualTo("r-one");
            assertThatThrownBy(GoBridge::readRequest)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("readRequest called while invoke " + request.id()
                            + " is still unanswered: answer it first");
            GoBridge.writeResponse(request.id(), "first".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> GoBridge.writeResponse(request.id(), new byte[0]))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("invoke " + request.id() + " is not waiting for an answer (no invoke is pending: it"
                            + " was answered already or never read)");
            assertThatThrownBy(() -> GoBridge.writeError(request.id(), "late", "T", new String[0], false))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(new String(reply.get(30, TimeUnit.SECONDS).payload(), StandardCharsets.UTF_8))
                    .isEqualTo("first");
        }
    }

    @Test
    void anAnswerForAnotherInvokeIsRefusedAndThePendingOneStillGetsItsOwn() throws Exception {
        start();
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(port, CALL)) {
            CompletableFuture<InvokeResponse> reply = invokeInBackground(client, "two");
            BridgeRequest request = GoBridge.readRequest();

            assertThatThrownBy(() -> GoBridge.writeResponse(request.id() + 1, new byte[0]))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("invoke " + (request.id() + 1) + " is not waiting for an answer (the pending invoke is "
                            + request.id() + ")");
            GoBridge.writeError(request.id(), "m", "T", new String[] {"a.B.c(B.java:7)", "Caused by: x"}, false);
            InvokeResponse response = reply.get(30, TimeUnit.SECONDS);
            assertThat(response.error().message()).isEqualTo("m");
            assertThat(response.error().stackTrace())
                    .extracting(frame -> frame.path() + ":" + frame.line() + ":" + frame.label())
                    .containsExactly("B.java:7:a.B.c", ":0:Caused by: x");
        }
    }

    @Test
    void afterStopReadRequestReturnsNullWhetherItWasBlockedOrNot() throws Exception {
        start();
        CompletableFuture<BridgeRequest> read = CompletableFuture.supplyAsync(GoBridge::readRequest);
        GoBridge.stop();

        assertThat(read.get(30, TimeUnit.SECONDS)).isNull();
        assertThat(GoBridge.readRequest()).isNull();
    }

    @Test
    void aPortInUseIsAnErrorNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(GoBridge.start(taken.getLocalPort(), RuntimeApi.MAX_RESPONSE_BYTES))
                    .startsWith("listen on 127.0.0.1:" + taken.getLocalPort() + " failed: ")
                    .contains("address already in use");
        }
    }
}
