package dev.coldbrew.local.bench;

import dev.coldbrew.local.HttpInvokeServer;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.invokeapi.InvokeWire;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Warm invoke overhead of the local Lambda with the raw-socket echo function: p50/p99 latency and invokes/s
 * with 1 and 2 environments, through the Java API and the HTTP Invoke API, with and without cgroups and freezing;
 * a bare loopback HTTP round trip on the same server ({@code Http11Server}) as the baseline; and REPORT Init
 * Duration against the bootstrap-start → first /next time the function itself observes. A benchmark, not a test:
 * it asserts nothing.
 *
 * <p>Run: {@code coldbrew-local/bench.sh [invokes-per-run [cold-starts [modes]]]} (defaults 20000, 20 and every
 * mode); {@code modes} is a comma-separated list of {@link Mode} names, e.g. {@code FREEZE_AT_ONCE,LAMBDA}, to
 * interleave runs of two builds on only the rows being compared. The Invoke API rows and the cold starts run with
 * {@code LAMBDA}.
 * {@code coldbrew-local/bench.sh http [invokes-per-run]} runs only the Invoke API rows.
 */
public final class WarmInvokeBenchmark {

    private static final byte[] PAYLOAD = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        boolean httpOnly = args.length > 0 && args[0].equals("http");
        if (httpOnly) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        int invokes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int coldStarts = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Mode> modes = args.length > 2 ? Mode.parse(args[2]) : List.of(Mode.values());
        try (BenchFolder dir = BenchFolder.create()) {
            measure(httpOnly, invokes, coldStarts, modes, dir);
        }
    }

    private static void measure(boolean httpOnly, int invokes, int coldStarts, List<Mode> modes, BenchFolder dir)
            throws Exception {
        System.out.printf(
                "warm invoke overhead, %d invokes per run, %d cores%n",
                invokes, Runtime.getRuntime().availableProcessors());
        if (httpOnly) {
            try (LocalLambda lambda = LocalLambda.create(Mode.LAMBDA.options())) {
                lambda.register(TestFunctions.echo(dir.resolve("echo"), "echo").withReservedConcurrency(2));
                httpRuns(lambda, invokes);
            }
            return;
        }
        System.out.println(LoopbackBaseline.measure(invokes));
        for (Mode mode : modes) {
            try (LocalLambda lambda = LocalLambda.create(mode.options())) {
                lambda.register(TestFunctions.echo(dir.resolve("echo"), "echo").withReservedConcurrency(2));
                System.out.println(run(mode.label + " java-api", 1, invokes, () -> lambda.invoke("echo", PAYLOAD)));
                System.out.println(run(mode.label + " java-api", 2, invokes, () -> lambda.invoke("echo", PAYLOAD)));
                if (mode == Mode.LAMBDA) {
                    httpRuns(lambda, invokes);
                    if (coldStarts > 0) {
                        InitDurations.measure(lambda, coldStarts);
                    }
                }
            }
        }
    }

    enum Mode {
        LAMBDA("cgroups+freeze after 20 ms idle"),
        FREEZE_AT_ONCE("cgroups+freeze at once"),
        NO_FREEZE("cgroups, no freeze"),
        NO_LIMITS("no cgroups");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The modes named in {@code list} (comma-separated), in that order. */
        static List<Mode> parse(String list) {
            List<Mode> modes = new ArrayList<>();
            for (String name : list.split(",")) {
                try {
                    modes.add(valueOf(name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "unknown mode '" + name + "': expected some of " + Arrays.toString(values()), e);
                }
            }
            return modes;
        }

        LocalOptions options() {
            LocalOptions.Builder base = LocalOptions.builder().logSink(line -> {});
            return switch (this) {
                case LAMBDA -> base.build();
                case FREEZE_AT_ONCE -> base.freezeDelay(java.time.Duration.ZERO).build();
                case NO_FREEZE -> base.freezeBetweenInvokes(false).build();
                case NO_LIMITS -> base.enforceLimits(false).build();
            };
        }
    }

    private static void httpRuns(LocalLambda lambda, int invokes) throws Exception {
        try (HttpInvokeServer server = lambda.serve(new InetSocketAddress("127.0.0.1", 0));
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(server.endpoint() + InvokeWire.invocationsPath("echo")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(PAYLOAD))
                    .build();
            Callable<Object> call = () -> http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            System.out.println(run("cgroups+freeze@20ms invoke-api(java.net.http)", 1, invokes, call));
            System.out.println(run("cgroups+freeze@20ms invoke-api(java.net.http)", 2, invokes, call));
            ThreadLocal<RawInvokeClient> raw = ThreadLocal.withInitial(() -> RawInvokeClient.connect(server.address()));
            Callable<Object> rawCall = () -> raw.get().invoke("echo", PAYLOAD);
            System.out.println(run("cgroups+freeze@20ms invoke-api(raw socket)", 1, invokes, rawCall));
            System.out.println(run("cgroups+freeze@20ms invoke-api(raw socket)", 2, invokes, rawCall));
        }
    }

    /** Warms up with a tenth of the invokes, then times {@code invokes} calls spread over {@code threads}. */
    static String run(String label, int threads, int invokes, Callable<?> call) throws Exception {
        timed(threads, Math.max(200, invokes / 10), call);
        long start = System.nanoTime();
        long[] latencies = timed(threads, invokes, call);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return String.format(
                Locale.ROOT,
                "%-44s envs=%d  p50=%7.1f µs  p99=%7.1f µs  %8.0f invokes/s",
                label,
                threads,
                latencies[latencies.length / 2] / 1e3,
                latencies[(int) (latencies.length * 0.99)] / 1e3,
                invokes / seconds);
    }

    private static long[] timed(int threads, int invokes, Callable<?> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> {
                    long[] own = new long[invokes / threads];
                    for (int i = 0; i < own.length; i++) {
                        long s = System.nanoTime();
                        Object result = call.call();
                        own[i] = System.nanoTime() - s;
                        check(result);
                    }
                    return own;
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> part : parts) {
                long[] own = part.get();
                long[] merged = Arrays.copyOf(all, all.length + own.length);
                System.arraycopy(own, 0, merged, all.length, own.length);
                all = merged;
            }
            return all;
        }
    }

    private static void check(Object result) throws IOException {
        int status = switch (result) {
            case InvocationResult r -> r.functionError() == null ? r.statusCode() : 500;
            case HttpResponse<?> r -> r.statusCode();
            case Boolean done -> 200;
            case Integer code -> code;
            default -> 0;
        };
        if (status != 200) {
            throw new IOException("benchmark invoke failed: " + result);
        }
    }
}
