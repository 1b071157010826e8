package dev.coldbrew.bridge.jnigo;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionServer;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.Timestamp;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm {@code Function.Invoke} echo round trip from the same Lambda-side client (coldbrew-gorpc's
 * {@link GoRpcFunctionClient}) over loopback, served two ways in the same run: by the pure-Java gob + net/rpc
 * server ({@link GoRpcFunctionServer}), and by the bridge (Go's net/rpc decodes, hands the event over a channel,
 * Java takes it with {@code readRequest} and answers with {@code writeResponse} over JNI). The difference is what
 * the Go server plus the JNI crossings cost per invoke against the pure-Java path. Run with
 * {@code bridges/jni-go/bench.sh}; needs {@code COLDBREW_JNI_GO_LIBRARY}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class BridgeInvokeBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Param({"1024", "1048576"})
    public int payloadBytes;

    private InvokeRequest request;
    private GoRpcFunctionServer javaServer;
    private GoRpcFunctionClient javaClient;
    private GoRpcFunctionClient bridgeClient;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        byte[] payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'x');
        request = InvokeRequest.of(
                payload,
                "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
                new Timestamp(1542409706, 0),
                "arn:aws:lambda:us-east-1:123456789012:function:test");
        javaServer = GoRpcFunctionServer.start(
                new GoRpcFunctionServer.Config(0), req -> InvokeResponse.success(req.payload()));
        javaClient = GoRpcFunctionClient.connect(javaServer.port(), TIMEOUT);
        bridgeClient = GoRpcFunctionClient.connect(startBridge(), TIMEOUT);
    }

    /** The bridge with the seed's loop on a daemon thread, echoing; returns its port. */
    private static int startBridge() throws IOException {
        BridgeLibrary.load(System.getenv(), System.getProperty(BridgeLibrary.PROPERTY));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String failure = GoBridge.start(port, RuntimeApi.MAX_RESPONSE_BYTES);
        if (failure != null) {
            throw new IOException(failure);
        }
        Thread.ofPlatform().daemon().name("bridge-loop").start(() -> {
            for (BridgeRequest r = GoBridge.readRequest(); r != null; r = GoBridge.readRequest()) {
                GoBridge.writeResponse(r.id(), r.payload());
            }
        });
        return port;
    }

    @TearDown
    public void tearDown() throws IOException {
        bridgeClient.close();
        javaClient.close();
        javaServer.close();
        GoBridge.stop();
    }

    @Benchmark
    public InvokeResponse pureJavaGob() throws IOException, RpcMethodException {
        return javaClient.invoke(request, TIMEOUT);
    }

    @Benchmark
    public InvokeResponse jniGoBridge() throws IOException, RpcMethodException {
        return bridgeClient.invoke(request, TIMEOUT);
    }
}
