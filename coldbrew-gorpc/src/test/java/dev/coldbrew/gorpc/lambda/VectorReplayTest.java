package dev.coldbrew.gorpc.lambda;

import static dev.coldbrew.gorpc.testing.GobVectors.exchanges;
import static dev.coldbrew.gorpc.testing.GobVectors.twoProcessExchanges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.gob.GobCodec;
import dev.coldbrew.gorpc.gob.GobLimits;
import dev.coldbrew.gorpc.gob.TypeIdAllocator;
import dev.coldbrew.gorpc.rpc.RpcClient;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import dev.coldbrew.gorpc.rpc.RpcServer;
import dev.coldbrew.gorpc.testing.GobVectors;
import dev.coldbrew.gorpc.testing.GobVectors.Exchange;
import dev.coldbrew.gorpc.testing.RecordingProxy;
import dev.coldbrew.gorpc.testing.ReplayingPeer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Byte-exact replay of every exchange captured from Go 1.19 ({@code gob-vectors/}), both directions: our
 * server answers the Go client's bytes with the Go server's bytes, and our client writes the Go client's
 * bytes and decodes the Go server's replies. Everything runs over real loopback TCP.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VectorReplayTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String ONE_PROCESS = "oneprocess-all-calls.hex";

    static final InvokeRequest FIRST = new InvokeRequest(
            bytes("{\"name\":\"x\"}"),
            "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700",
            new Timestamp(1542409706, 888000000),
            "arn:aws:lambda:us-east-1:123456789012:function:test",
            "",
            "",
            null);

    /** What rpcdump's client receives for its seven calls. */
    static final List<Object> EXPECTED_OUTCOMES = List.of(
            PingResponse.INSTANCE,
            InvokeResponse.success(bytes("{\"NAME\":\"X\"}")),
            InvokeResponse.success(bytes("{\"NAME\":\"X\"}")),
            InvokeResponse.failure(RpcDumpService.BOOM),
            "Function.Invoke failed: method-level error",
            "Function.Nope failed: rpc: can't find method Function.Nope",
            InvokeResponse.success(new byte[0]));

    @Test
    void ourServerAnswersTheGoClientWithTheGoServersBytes() throws IOException {
        assertServerReplies(twoProcessExchanges(), twoProcessExchanges());
    }

    @Test
    void ourServerDecodesTheOneProcessTypeIdsAndAnswersAsAFreshGoServer() throws IOException {
        assertServerReplies(exchanges(ONE_PROCESS), twoProcessExchanges());
    }

    @Test
    void ourClientWritesTheGoClientsBytesAndDecodesTheGoServersReplies() throws Exception {
        assertClientAgainst(twoProcessExchanges());
    }

    @Test
    void ourClientDecodesRepliesWhoseTypeIdsDiffer() throws Exception {
        List<Exchange> oneProcessReplies = new ArrayList<>();
        List<Exchange> twoProcess = twoProcessExchanges();
        List<Exchange> oneProcess = exchanges(ONE_PROCESS);
        for (int i = 0; i < twoProcess.size(); i++) {
            oneProcessReplies.add(new Exchange(
                    twoProcess.get(i).clientToServer(), oneProcess.get(i).serverToClient()));
        }
        assertClientAgainst(oneProcessReplies);
    }

    @Test
    void ourClientAndServerSharingTypeIdsReproduceTheOneProcessCapture() throws Exception {
        TypeIdAllocator process = new TypeIdAllocator();
        List<Exchange> expected = exchanges(ONE_PROCESS);
        try (RpcServer server = RpcDumpService.builder().typeIds(() -> process).start(0);
                RecordingProxy proxy = new RecordingProxy(server.port());
                RpcClient client = RpcClient.connect(proxy.address(), TIMEOUT, GobLimits.DEFAULT, process)) {
            for (int i = 0; i < expected.size(); i++) {
                call(client, i);
                assertThat(proxy.takeUpstream())
                        .as("C>S of exchange %d", i + 1)
                        .isEqualTo(expected.get(i).clientToServer());
                assertThat(proxy.takeDownstream())
                        .as("S>C of exchange %d", i + 1)
                        .isEqualTo(expected.get(i).serverToClient());
            }
        }
    }

    @Test
    void aReplyWithAnotherSequenceNumberClosesTheConnection() throws Exception {
        List<GobVectors.Line> ping = GobVectors.read("01-ping.hex");
        byte[] wrongSeq = GobVectors.hex("14ff82010d" + HexFormat.of().formatHex(bytes("Function.Ping")) + "010500");
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.writeBytes(ping.get(4).bytes());
        reply.writeBytes(wrongSeq);
        reply.writeBytes(ping.get(6).bytes());
        reply.writeBytes(ping.get(7).bytes());
        Exchange exchange = new Exchange(GobVectors.stream("01-ping.hex", "C>S"), reply.toByteArray());
        try (ReplayingPeer peer = new ReplayingPeer(List.of(exchange));
                RpcClient client = RpcClient.connect(peer.address(), TIMEOUT)) {
            assertThatThrownBy(() -> call(client, 0))
                    .isInstanceOf(IOException.class)
                    .hasMessage("rpc: call Function.Ping (seq 0) to " + peer.address() + " failed: reply has sequence "
                            + "number 5, expected 0");
            assertThat(client.isOpen()).isFalse();
        }
    }

    private static void assertServerReplies(List<Exchange> requests, List<Exchange> replies) throws IOException {
        try (RpcServer server = RpcDumpService.builder().start(0);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = socket.getInputStream();
            for (int i = 0; i < requests.size(); i++) {
                socket.getOutputStream().write(requests.get(i).clientToServer());
                byte[] expected = replies.get(i).serverToClient();
                assertThat(in.readNBytes(expected.length))
                        .as("S>C of exchange %d", i + 1)
                        .isEqualTo(expected);
            }
        }
    }

    private static void assertClientAgainst(List<Exchange> exchanges) throws Exception {
        try (ReplayingPeer peer = new ReplayingPeer(exchanges);
                RpcClient client = RpcClient.connect(peer.address(), TIMEOUT)) {
            List<Object> outcomes = new ArrayList<>();
            for (int i = 0; i < exchanges.size(); i++) {
                outcomes.add(call(client, i));
            }
            assertThat(outcomes).isEqualTo(EXPECTED_OUTCOMES);
            List<Exchange> goClient = twoProcessExchanges();
            for (int i = 0; i < goClient.size(); i++) {
                assertThat(peer.received().get(i))
                        .as("C>S of exchange %d", i + 1)
                        .isEqualTo(goClient.get(i).clientToServer());
            }
        }
    }

    /** Call {@code index} of rpcdump's client; returns the reply or the rpc error's message. */
    static Object call(RpcClient client, int index) throws IOException {
        try {
            return switch (index) {
                case 0 ->
                    client.call(FunctionService.PING, PingRequest.GOB, PingRequest.INSTANCE, PingResponse.GOB, TIMEOUT);
                case 1, 2 -> invoke(client, FIRST);
                case 3 -> invoke(client, InvokeRequest.of(bytes("\"panic\""), "r2", null, null));
                case 4 -> invoke(client, InvokeRequest.of(bytes("\"rpcerr\""), null, null, null));
                case 5 ->
                    client.call("Function.Nope", PingRequest.GOB, PingRequest.INSTANCE, PingResponse.GOB, TIMEOUT);
                default -> invoke(client, InvokeRequest.of(null, null, null, null));
            };
        } catch (RpcMethodException e) {
            return e.getMessage();
        }
    }

    private static InvokeResponse invoke(RpcClient client, InvokeRequest request)
            throws IOException, RpcMethodException {
        GobCodec<InvokeRequest> pointer = InvokeRequest.GOB.pointer();
        return client.call(FunctionService.INVOKE, pointer, request, InvokeResponse.GOB, TIMEOUT);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
