package dev.coldbrew.gorpc.rpc;

import static dev.coldbrew.gorpc.rpc.RpcServerClientTest.ARGS;
import static dev.coldbrew.gorpc.rpc.RpcServerClientTest.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.gob.GobEncoder;
import dev.coldbrew.gorpc.rpc.RpcServerClientTest.Args;
import dev.coldbrew.gorpc.rpc.RpcServerClientTest.Product;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a server holds for its peers is bounded: connections, threads, the time a started request takes. Every wait is bounded by a socket timeout,
 * so a server that stopped serving fails the test instead of hanging it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcServerLimitsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int POLLS = 1_000;
    private static final long POLL_MS = 10;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(200);
    private static final long TRICKLE_MS = 20;

    @Test
    void connectionsBeyondTheMaximumAreClosedAtOnceAndANewOneIsServedWhenOneEnds() throws Exception {
        try (RpcServer server = multiply().maxConnections(2).start(0)) {
            RpcClient first = connect(server);
            try (RpcClient second = connect(server)) {
                assertThat(multiply(first, 2, 3)).isEqualTo(6);
                assertThat(multiply(second, 4, 5)).isEqualTo(20);
                for (int i = 0; i < 3; i++) {
                    assertClosedByServer(server);
                }
                first.close();
                awaitOpenConnections(server, 1);
                try (RpcClient third = connect(server)) {
                    assertThat(multiply(third, 6, 7)).isEqualTo(42);
                }
                assertThat(multiply(second, 8, 9)).isEqualTo(72);
            }
        }
    }

    @Test
    void aConnectionThatGetsNoThreadIsClosedAndTheServerAcceptsOn() throws Exception {
        AtomicBoolean outOfThreads = new AtomicBoolean(true);
        try (RpcServer server =
                multiply().threadFactory(failingWhen(() -> outOfThreads.get())).start(0)) {
            for (int i = 0; i < 3; i++) {
                assertClosedByServer(server);
            }
            awaitOpenConnections(server, 0);
            outOfThreads.set(false);
            try (RpcClient client = connect(server)) {
                assertThat(multiply(client, 6, 7)).isEqualTo(42);
            }
        }
    }

    @Test
    void aReaderThatCannotHandOffReadingAnswersItsCallAndReadsOn() throws Exception {
        AtomicInteger created = new AtomicInteger();
        // The connection's first thread is created; every later one fails, so each call is read and run on it.
        try (RpcServer server = multiply()
                        .threadFactory(failingWhen(() -> created.incrementAndGet() > 1))
                        .start(0);
                RpcClient client = connect(server)) {
            for (long i = 1; i <= 3; i++) {
                assertThat(multiply(client, i, 10)).isEqualTo(i * 10);
            }
        }
        assertThat(created.get()).isGreaterThan(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"half a header", "a header, no body", "a header and half a body"})
    void aRequestCutOffAndFollowedBySilenceIsClosedAfterTheRequestTimeout(String cut) throws Exception {
        byte[] header = requestHeader();
        byte[] request = request();
        byte[] sent = switch (cut) {
            case "half a header" -> Arrays.copyOf(header, header.length / 2);
            case "a header, no body" -> header;
            default -> Arrays.copyOf(request, header.length + (request.length - header.length) / 2);
        };
        try (RpcServer server = multiply().requestTimeout(REQUEST_TIMEOUT).start(0);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(sent);
            socket.getOutputStream().flush();
            assertThat(readUntilClosed(socket.getInputStream()))
                    .as("what the server wrote before closing")
                    .isEmpty();
            awaitOpenConnections(server, 0);
        }
    }

    @Test
    void aRequestTrickledByteByByteIsClosedAfterTheRequestTimeout() throws Exception {
        byte[] request = request();
        try (RpcServer server = multiply().requestTimeout(REQUEST_TIMEOUT).start(0);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                // one byte every 20 ms: the whole request would take request.length * 20 ms, far beyond the timeout
                for (byte b : request) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(TRICKLE_MS);
                }
            } catch (IOException e) {
                // the server closed the connection mid-request
            }
            assertThat(readUntilClosed(socket.getInputStream()))
                    .as("what the server wrote before closing")
                    .isEmpty();
        }
    }

    @Test
    void aConnectionIdleBetweenRequestsIsKeptOpen() throws Exception {
        try (RpcServer server = multiply().requestTimeout(REQUEST_TIMEOUT).start(0);
                RpcClient client = connect(server)) {
            assertThat(multiply(client, 2, 3)).isEqualTo(6);
            Thread.sleep(REQUEST_TIMEOUT.multipliedBy(3).toMillis());
            assertThat(multiply(client, 4, 5)).isEqualTo(20);
        }
    }

    @Test
    void aRequestTimeoutOutOfRangeIsRejectedByValue() {
        assertThatThrownBy(() -> RpcServer.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rpc: requestTimeout must be from 1 ms to 2147483647 ms, was PT0S");
    }

    @Test
    void aMaximumOfNoConnectionsIsRejectedByValue() {
        assertThatThrownBy(() -> RpcServer.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rpc: maxConnections must be positive, was 0");
    }

    /** The bytes Go's client sends for one call's request header (with its type definitions). */
    private static byte[] requestHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GobEncoder(out).encode(RequestHeader.GOB, new RequestHeader("Arith.Multiply", 1));
        return out.toByteArray();
    }

    /** A whole call: {@link #requestHeader()} followed by the arguments (with their type definitions). */
    private static byte[] request() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GobEncoder encoder = new GobEncoder(out);
        encoder.encode(RequestHeader.GOB, new RequestHeader("Arith.Multiply", 1));
        encoder.encode(ARGS, new Args(6, 7));
        return out.toByteArray();
    }

    static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        } catch (SocketException e) {
            // a reset also means the server closed the connection
        }
        return out.toByteArray();
    }

    /** A thread factory that fails as the JVM does when the process may create no more threads. */
    private static ThreadFactory failingWhen(java.util.function.BooleanSupplier outOfThreads) {
        ThreadFactory threads =
                Thread.ofPlatform().daemon().name("gorpc-test-", 0).factory();
        return task -> {
            if (outOfThreads.getAsBoolean()) {
                throw new OutOfMemoryError(
                        "unable to create native thread: possibly out of memory or process/resource limits reached");
            }
            return threads.newThread(task);
        };
    }

    private static RpcServer.Builder multiply() {
        return RpcServer.builder()
                .method("Arith.Multiply", new RpcMethod<>(ARGS, PRODUCT, args -> new Product(args.a() * args.b())));
    }

    private static long multiply(RpcClient client, long a, long b) throws IOException, RpcMethodException {
        return client.call("Arith.Multiply", ARGS, new Args(a, b), PRODUCT, TIMEOUT)
                .c();
    }

    static RpcClient connect(RpcServer server) throws IOException {
        return RpcClient.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), TIMEOUT);
    }

    /** Connects and expects the server to close the connection without a byte of reply. */
    private static void assertClosedByServer(RpcServer server) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketException e) {
                read = -1; // a reset also means the server closed it
            }
            assertThat(read)
                    .as("the server closes the connection without a reply")
                    .isEqualTo(-1);
        }
    }

    static void awaitOpenConnections(RpcServer server, int expected) throws InterruptedException {
        for (int i = 0; i < POLLS && server.openConnections() != expected; i++) {
            Thread.sleep(POLL_MS);
        }
        assertThat(server.openConnections()).isEqualTo(expected);
    }
}
