package dev.coldbrew.gorpc.rpc;

import static dev.coldbrew.gorpc.rpc.RpcServerClientTest.ARGS;
import static dev.coldbrew.gorpc.rpc.RpcServerClientTest.PRODUCT;
import static dev.coldbrew.gorpc.rpc.RpcServerLimitsTest.awaitOpenConnections;
import static dev.coldbrew.gorpc.rpc.RpcServerLimitsTest.connect;
import static dev.coldbrew.gorpc.rpc.RpcServerLimitsTest.readUntilClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.gob.GobEncoder;
import dev.coldbrew.gorpc.gob.GobScalars;
import dev.coldbrew.gorpc.gob.StructCodec;
import dev.coldbrew.gorpc.rpc.RpcServerClientTest.Args;
import dev.coldbrew.gorpc.rpc.RpcServerClientTest.Product;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The memory of buffered requests is bounded across connections by the server's memory budget, and a reader that
 * fails in any way, an {@link Error} included, closes its connection and gives its bytes back. Every wait is
 * bounded by a socket timeout or a bounded poll.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcServerMemoryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int POLLS = 1_000;
    private static final long POLL_MS = 10;
    private static final int BLOB_BYTES = 800;
    private static final long BUDGET_BYTES = 1_000;

    /** An argument codec whose decoding of a non-zero value fails as a reader out of heap does. */
    private static final StructCodec<Args> EXPLODING = StructCodec.builder("Args", Args.class)
            .field("A", GobScalars.INT, Args::a)
            .field("B", GobScalars.INT, Args::b)
            .build(v -> {
                if ((long) v.get(0) != 0) {
                    throw new OutOfMemoryError("Java heap space (test: decoding the argument)");
                }
                return new Args(0, 0); // the zero value, made once when the codec is built
            });

    private final CountDownLatch release = new CountDownLatch(1);
    /** The test's callers: one thread each, so a held call never keeps another from being sent. */
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void releaseHeldCalls() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void aMessageWaitsForBytesHeldByARunningCallAndIsServedOnceItEnds() throws Exception {
        try (RpcServer server = blobs().memoryBudget(BUDGET_BYTES).start(0);
                RpcClient holder = connect(server);
                RpcClient waiter = connect(server)) {
            CompletableFuture<Long> held = call(holder, "Blob.Hold");
            awaitBudget(server, bytes -> bytes >= BLOB_BYTES);
            CompletableFuture<Long> waiting = call(waiter, "Blob.Size");
            awaitWaiting(server, 1);
            assertThat(waiting)
                    .as("the second blob waits for the first one's bytes")
                    .isNotDone();
            release.countDown();
            assertThat(held.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(BLOB_BYTES);
            assertThat(waiting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(BLOB_BYTES);
            awaitBudget(server, bytes -> bytes == 0);
        }
    }

    @Test
    void aMessageThatGetsNoBytesWithinTheRequestTimeoutClosesItsConnection() throws Exception {
        try (RpcServer server = blobs().memoryBudget(BUDGET_BYTES)
                        .requestTimeout(Duration.ofMillis(200))
                        .start(0);
                RpcClient holder = connect(server);
                RpcClient refused = connect(server)) {
            CompletableFuture<Long> held = call(holder, "Blob.Hold");
            awaitBudget(server, bytes -> bytes >= BLOB_BYTES);
            assertThatThrownBy(() -> call(refused, "Blob.Size").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(UncheckedIOException.class);
            awaitOpenConnections(server, 1);
            release.countDown();
            assertThat(held.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(BLOB_BYTES);
            awaitBudget(server, bytes -> bytes == 0);
        }
    }

    @Test
    void aMessageLargerThanTheWholeBudgetIsServedWhenNothingElseIsHeld() throws Exception {
        try (RpcServer server = blobs().memoryBudget(BLOB_BYTES / 8).start(0);
                RpcClient client = connect(server)) {
            assertThat(call(client, "Blob.Size").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(BLOB_BYTES);
            awaitBudget(server, bytes -> bytes == 0);
        }
    }

    @Test
    void aReaderFailingWithAnErrorClosesItsConnectionAndGivesItsBytesBack() throws Exception {
        try (RpcServer server = blobs().start(0)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                socket.getOutputStream().write(explodingCall());
                socket.getOutputStream().flush();
                assertThat(readUntilClosed(socket.getInputStream()))
                        .as("what the server wrote before closing")
                        .isEmpty();
            }
            awaitOpenConnections(server, 0);
            assertThat(server.budget().held()).isZero();
            try (RpcClient client = connect(server)) {
                assertThat(client.call("Arith.Multiply", ARGS, new Args(6, 7), PRODUCT, TIMEOUT))
                        .isEqualTo(new Product(42));
            }
        }
    }

    @Test
    void aBudgetOfNoBytesIsRejectedByValue() {
        assertThatThrownBy(() -> RpcServer.builder().memoryBudget(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rpc: memoryBudget must be positive, was 0");
    }

    private RpcServer.Builder blobs() {
        return RpcServer.builder()
                .method("Blob.Size", new RpcMethod<>(GobScalars.BYTES, GobScalars.INT, blob -> (long) blob.length))
                .method("Blob.Hold", new RpcMethod<>(GobScalars.BYTES, GobScalars.INT, this::hold))
                .method("Blob.Explode", new RpcMethod<>(EXPLODING, PRODUCT, args -> new Product(0)))
                .method("Arith.Multiply", new RpcMethod<>(ARGS, PRODUCT, args -> new Product(args.a() * args.b())));
    }

    private long hold(byte[] blob) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return blob.length;
    }

    /** Calls {@code method} with a blob of {@link #BLOB_BYTES} on another thread. */
    private CompletableFuture<Long> call(RpcClient client, String method) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return client.call(method, GobScalars.BYTES, new byte[BLOB_BYTES], GobScalars.INT, TIMEOUT);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (RpcMethodException e) {
                        throw new IllegalStateException(e);
                    }
                },
                callers);
    }

    private static byte[] explodingCall() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GobEncoder encoder = new GobEncoder(out);
        encoder.encode(RequestHeader.GOB, new RequestHeader("Blob.Explode", 1));
        encoder.encode(ARGS, new Args(1, 2));
        return out.toByteArray();
    }

    private static void awaitBudget(RpcServer server, LongPredicate held) throws InterruptedException {
        for (int i = 0; i < POLLS && !held.test(server.budget().held()); i++) {
            Thread.sleep(POLL_MS);
        }
        assertThat(server.budget().held()).matches(held::test, "bytes held as expected");
    }

    private static void awaitWaiting(RpcServer server, int messages) throws InterruptedException {
        for (int i = 0; i < POLLS && server.budget().waiting() != messages; i++) {
            Thread.sleep(POLL_MS);
        }
        assertThat(server.budget().waiting()).isEqualTo(messages);
    }
}
