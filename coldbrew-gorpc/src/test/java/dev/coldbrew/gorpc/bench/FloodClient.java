package dev.coldbrew.gorpc.bench;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile load on a go1.x function at {@code 127.0.0.1:$_LAMBDA_SERVER_PORT} ({@code bench.sh flood}): {@code
 * connections} clients connect, then each invokes once with a payload of {@code bytes}, all at the same moment;
 * then one more client invokes with 1 KiB, to show whether the function still answers. Prints how many invokes
 * were answered, got an error reply, were refused (the connection closed) or timed out.
 */
public final class FloodClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);

    private FloodClient() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: FloodClient <connections> <payload bytes>");
        }
        int port = Integer.parseInt(System.getenv("_LAMBDA_SERVER_PORT"));
        int connections = Integer.parseInt(args[0]);
        int bytes = Integer.parseInt(args[1]);
        System.out.println("flood: " + flood(port, connections, bytes));
        System.out.println("then: " + flood(port, 1, 1024));
    }

    private static String flood(int port, int connections, int bytes) throws Exception {
        byte[] payload = new byte[bytes];
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long began = System.nanoTime();
        try (ExecutorService callers = Executors.newFixedThreadPool(connections)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                String requestId = "flood-" + i;
                calls.add(callers.submit(() -> {
                    try (GoRpcFunctionClient client = GoRpcFunctionClient.connect(port, CONNECT_TIMEOUT)) {
                        start.await();
                        InvokeResponse response =
                                client.invoke(InvokeRequest.of(payload, requestId, null, null), INVOKE_TIMEOUT);
                        (response.error() == null ? answered : errors).incrementAndGet();
                    } catch (IOException e) {
                        (e.getMessage().contains("no reply within") ? timedOut : refused).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        }
        return String.format(
                "%d invokes of %d bytes: %d answered, %d error replies, %d refused, %d timed out after %d s; %.0f ms",
                connections,
                bytes,
                answered.get(),
                errors.get(),
                refused.get(),
                timedOut.get(),
                INVOKE_TIMEOUT.toSeconds(),
                (System.nanoTime() - began) / 1e6);
    }
}
