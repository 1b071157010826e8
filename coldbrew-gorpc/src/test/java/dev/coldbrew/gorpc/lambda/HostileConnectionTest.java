package dev.coldbrew.gorpc.lambda;

import static dev.coldbrew.gorpc.lambda.VectorReplayTest.bytes;
import static dev.coldbrew.gorpc.testing.GobVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.gorpc.testing.GobVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile bytes sent to a running {@link GoRpcFunctionServer}: each connection is closed by the server (the
 * test reads until EOF, with a socket timeout that turns a hang into a failure), the handler is never called,
 * and the server keeps serving new connections.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileConnectionTest {
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final List<GobVectors.Line> PING = GobVectors.read("01-ping.hex");
    /** Request typedef + Request{ServiceMethod:"Function.Ping"}: a valid header whose body follows. */
    private static final byte[] HEADER = concat(PING.get(0).bytes(), PING.get(1).bytes());
    /** A complete, valid Ping call. */
    private static final byte[] PING_CALL = GobVectors.stream("01-ping.hex", "C>S");

    private static GoRpcFunctionServer server;
    private static volatile int invocations;

    @BeforeAll
    static void start() throws IOException {
        server = GoRpcFunctionServer.start(new GoRpcFunctionServer.Config(0), request -> {
            invocations++;
            return InvokeResponse.success(request.payload());
        });
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static Stream<Arguments> hostileStreams() {
        byte[] none = new byte[0];
        byte[] headerValue = PING.get(1).bytes();
        byte[] headerWithGarbage = concat(
                PING.get(0).bytes(),
                new byte[] {(byte) (headerValue[0] + 1)},
                java.util.Arrays.copyOfRange(headerValue, 1, headerValue.length),
                hex("ee"));
        return Stream.of(
                Arguments.of("garbage", hex("deadbeef"), false, none),
                Arguments.of("length beyond the 6 MiB limit", hex("fc7fffffff ff82"), false, none),
                Arguments.of("length of 2^63", hex("f88000000000000000"), false, none),
                Arguments.of("message cut off, then EOF", hex("2fff810301"), true, none),
                Arguments.of("body of an undefined type id", concat(HEADER, hex("03ffc600")), false, none),
                Arguments.of("body defining reserved id 1", concat(HEADER, hex("020100")), false, none),
                Arguments.of("value type id 0", hex("0100"), false, none),
                Arguments.of(
                        "recursive type definition",
                        concat(HEADER, hex("0dff83020102ff840001ff840000"), hex("03ff8400")),
                        false,
                        none),
                Arguments.of("garbage inside the header message", headerWithGarbage, false, none),
                Arguments.of("invoke with an empty message", concat(HEADER, hex("00")), false, none),
                Arguments.of(
                        "garbage after a valid call",
                        concat(PING_CALL, hex("ee")),
                        false,
                        GobVectors.stream("01-ping.hex", "S>C")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileStreams")
    void theServerClosesTheConnectionAndKeepsServing(String label, byte[] stream, boolean halfClose, byte[] reply)
            throws Exception {
        int before = invocations;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.getOutputStream().write(stream);
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            assertThat(readUntilClosed(socket.getInputStream()))
                    .as("what the server wrote before closing")
                    .isEqualTo(reply);
        }
        assertThat(invocations).isEqualTo(before);
        try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(server.port(), Duration.ofSeconds(10))) {
            assertThat(client.invoke(InvokeRequest.of(bytes("alive"), "r", null, null), Duration.ofSeconds(10))
                            .payload())
                    .isEqualTo(bytes("alive"));
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset also means the server closed the connection
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
