package dev.coldbrew.gorpc.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.gob.GobDecoder;
import dev.coldbrew.gorpc.gob.GobEncoder;
import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our net/rpc server and client against each other over loopback TCP (Go interop is in GoInteropIT). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RpcServerClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    record Args(long a, long b) {}

    record Product(long c) {}

    static final StructCodec<Args> ARGS = StructCodec.builder("Args", Args.class)
            .field("A", GobScalars.INT, Args::a)
            .field("B", GobScalars.INT, Args::b)
            .build(v -> new Args(v.get(0), v.get(1)));
    static final StructCodec<Product> PRODUCT = StructCodec.builder("Product", Product.class)
            .field("C", GobScalars.INT, Product::c)
            .build(v -> new Product(v.get(0)));

    private final CountDownLatch never = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private RpcServer server;

    @BeforeEach
    void start() throws IOException {
        server = RpcServer.builder()
                .method("Arith.Multiply", new RpcMethod<>(ARGS, PRODUCT, args -> new Product(args.a() * args.b())))
                .method("Arith.Divide", new RpcMethod<>(ARGS, PRODUCT, RpcServerClientTest::divide))
                .method("Arith.Hang", new RpcMethod<>(ARGS, PRODUCT, args -> hang()))
                .method("Arith.Block", new RpcMethod<>(ARGS, PRODUCT, this::block))
                .method("Arith.Bug", new RpcMethod<>(ARGS, PRODUCT, args -> {
                    throw new IllegalStateException("handler bug");
                }))
                .start(0);
    }

    @AfterEach
    void stop() throws IOException {
        never.countDown();
        release.countDown();
        server.close();
    }

    @Test
    void callsAreAnsweredInOrderOnOneConnection() throws Exception {
        try (RpcClient client = connect()) {
            for (long i = 0; i < 5; i++) {
                assertThat(client.call("Arith.Multiply", ARGS, new Args(i, 7), PRODUCT, TIMEOUT))
                        .isEqualTo(new Product(i * 7));
            }
        }
    }

    @Test
    void aMethodErrorIsReportedAndTheConnectionStaysUsable() throws Exception {
        try (RpcClient client = connect()) {
            assertThatThrownBy(() -> client.call("Arith.Divide", ARGS, new Args(1, 0), PRODUCT, TIMEOUT))
                    .isInstanceOf(RpcMethodException.class)
                    .hasMessage("Arith.Divide failed: divide by zero");
            assertThat(client.call("Arith.Divide", ARGS, new Args(9, 3), PRODUCT, TIMEOUT))
                    .isEqualTo(new Product(3));
        }
    }

    @Test
    void unknownMethodsServicesAndNamesGetNetRpcErrors() throws Exception {
        try (RpcClient client = connect()) {
            assertRemoteError(client, "Arith.Nope", "rpc: can't find method Arith.Nope");
            assertRemoteError(client, "Nope.Multiply", "rpc: can't find service Nope.Multiply");
            assertRemoteError(client, "NoDot", "rpc: service/method request ill-formed: NoDot");
            assertThat(client.call("Arith.Multiply", ARGS, new Args(2, 3), PRODUCT, TIMEOUT))
                    .isEqualTo(new Product(6));
        }
    }

    @Test
    void aHandlerBugFailsOnlyItsCall() throws Exception {
        try (RpcClient client = connect()) {
            assertRemoteError(
                    client,
                    "Arith.Bug",
                    "rpc: method Arith.Bug threw java.lang.IllegalStateException: " + "handler bug");
            assertThat(client.call("Arith.Multiply", ARGS, new Args(2, 3), PRODUCT, TIMEOUT))
                    .isEqualTo(new Product(6));
        }
    }

    @Test
    void aCallWithoutReplyTimesOutAndClosesTheConnection() throws Exception {
        try (RpcClient client = connect()) {
            assertThatThrownBy(() -> client.call("Arith.Hang", ARGS, new Args(1, 1), PRODUCT, Duration.ofMillis(200)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("rpc: call Arith.Hang (seq 0) to " + address() + " failed: no reply within 200 ms");
            assertThat(client.isOpen()).isFalse();
            assertThatThrownBy(() -> client.call("Arith.Multiply", ARGS, new Args(1, 1), PRODUCT, TIMEOUT))
                    .hasMessageContaining("connection already closed after: rpc: call Arith.Hang");
        }
    }

    @Test
    void aPeerTricklingItsReplyCannotOutlastTheCallsTimeout() throws Exception {
        try (ServerSocket trickler = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> trickle(trickler), "trickling-peer");
            peer.setDaemon(true);
            peer.start();
            InetSocketAddress address =
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), trickler.getLocalPort());
            try (RpcClient client = RpcClient.connect(address, TIMEOUT)) {
                assertThatThrownBy(() ->
                                client.call("Arith.Multiply", ARGS, new Args(1, 1), PRODUCT, Duration.ofMillis(300)))
                        .isInstanceOf(IOException.class)
                        .hasMessageEndingWith("failed: no reply within 300 ms");
                assertThat(client.isOpen()).isFalse();
            } finally {
                peer.join(TIMEOUT.toMillis());
            }
        }
    }

    /**
     * Announces a 1000-byte gob message, then sends one byte of it every 50 ms (each read well within the call's
     * timeout), for at most 5 s.
     */
    private static void trickle(ServerSocket trickler) {
        try (Socket socket = trickler.accept()) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 0xFE, 0x03, (byte) 0xE8});
            for (int i = 0; i < 100; i++) {
                out.write(0);
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException e) {
            // the client closed the connection at its deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSlowCallDoesNotHoldUpLaterCallsOnTheSameConnection() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            GobEncoder encoder = new GobEncoder(socket.getOutputStream());
            GobDecoder decoder = new GobDecoder(socket.getInputStream());
            encoder.encode(RequestHeader.GOB, new RequestHeader("Arith.Hang", 0));
            encoder.encode(ARGS, new Args(1, 1));
            encoder.encode(RequestHeader.GOB, new RequestHeader("Arith.Multiply", 1));
            encoder.encode(ARGS, new Args(6, 7));
            assertThat(decoder.decode(ResponseHeader.GOB)).isEqualTo(new ResponseHeader("Arith.Multiply", 1, ""));
            assertThat(decoder.decode(PRODUCT)).isEqualTo(new Product(42));
            never.countDown();
            assertThat(decoder.decode(ResponseHeader.GOB)).isEqualTo(new ResponseHeader("Arith.Hang", 0, ""));
            assertThat(decoder.decode(PRODUCT)).isEqualTo(new Product(0));
        }
    }

    @Test
    void aPeerPipeliningWithoutBoundIsHeldBackButAnsweredInFull() throws Exception {
        int calls = ServerConnection.MAX_CALLS_IN_FLIGHT + 36;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            GobEncoder encoder = new GobEncoder(socket.getOutputStream());
            for (int i = 0; i < calls; i++) {
                encoder.encode(RequestHeader.GOB, new RequestHeader("Arith.Block", i));
                encoder.encode(ARGS, new Args(i, 1));
            }
            while (running.get() < ServerConnection.MAX_CALLS_IN_FLIGHT + 1) {
                Thread.sleep(10); // wait until the connection holds back
            }
            release.countDown();
            GobDecoder decoder = new GobDecoder(socket.getInputStream());
            for (int i = 0; i < calls; i++) {
                decoder.decode(ResponseHeader.GOB);
                decoder.decode(PRODUCT);
            }
        }
        assertThat(maxRunning.get()).isEqualTo(ServerConnection.MAX_CALLS_IN_FLIGHT + 1);
    }

    @Test
    void repliesInProgressAreSentAfterThePeerStopsSending() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            GobEncoder encoder = new GobEncoder(socket.getOutputStream());
            encoder.encode(RequestHeader.GOB, new RequestHeader("Arith.Hang", 0));
            encoder.encode(ARGS, new Args(1, 1));
            socket.shutdownOutput();
            never.countDown();
            GobDecoder decoder = new GobDecoder(socket.getInputStream());
            assertThat(decoder.decode(ResponseHeader.GOB)).isEqualTo(new ResponseHeader("Arith.Hang", 0, ""));
            assertThat(decoder.decode(PRODUCT)).isEqualTo(new Product(0));
            assertThatThrownBy(() -> decoder.decode(ResponseHeader.GOB)).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void anArgumentThatCannotBeEncodedClosesTheClient() throws Exception {
        try (RpcClient client = connect()) {
            assertThatThrownBy(() -> client.call("Arith.Multiply", ARGS.pointer(), null, PRODUCT, TIMEOUT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gob: encode *Args failed: cannot encode a nil value");
            assertThat(client.isOpen()).isFalse();
        }
    }

    @Test
    void garbageClosesThatConnectionButNotTheServer() throws Exception {
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            raw.getOutputStream().write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
            raw.getOutputStream().flush();
            InputStream in = raw.getInputStream();
            assertThat(in.read()).as("server closes the connection").isEqualTo(-1);
        }
        try (RpcClient client = connect()) {
            assertThat(client.call("Arith.Multiply", ARGS, new Args(4, 5), PRODUCT, TIMEOUT))
                    .isEqualTo(new Product(20));
        }
    }

    @Test
    void aConnectionClosedMidRequestDoesNotHurtOthers() throws Exception {
        try (RpcClient first = connect()) {
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                raw.getOutputStream().write(new byte[] {0x2f, (byte) 0xff, (byte) 0x81});
            }
            assertThat(first.call("Arith.Multiply", ARGS, new Args(4, 5), PRODUCT, TIMEOUT))
                    .isEqualTo(new Product(20));
        }
    }

    @Test
    void serverCloseEndsOpenConnections() throws Exception {
        try (RpcClient client = connect()) {
            client.call("Arith.Multiply", ARGS, new Args(1, 1), PRODUCT, TIMEOUT);
            server.close();
            assertThatThrownBy(() -> client.call("Arith.Multiply", ARGS, new Args(1, 1), PRODUCT, TIMEOUT))
                    .isInstanceOf(IOException.class);
        }
    }

    private static void assertRemoteError(RpcClient client, String method, String error) {
        assertThatThrownBy(() -> client.call(method, ARGS, new Args(1, 1), PRODUCT, TIMEOUT))
                .isInstanceOfSatisfying(
                        RpcMethodException.class,
                        e -> assertThat(e.remoteError()).isEqualTo(error));
    }

    private static Product divide(Args args) throws RpcMethodException {
        if (args.b() == 0) {
            throw new RpcMethodException("Arith.Divide", "divide by zero");
        }
        return new Product(args.a() / args.b());
    }

    private Product block(Args args) {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        return new Product(args.a());
    }

    private Product hang() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Product(0);
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    }

    private RpcClient connect() throws IOException {
        return RpcClient.connect(address(), TIMEOUT);
    }
}
