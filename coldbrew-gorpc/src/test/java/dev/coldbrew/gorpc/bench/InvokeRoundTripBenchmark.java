package dev.coldbrew.gorpc.bench;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionServer;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.Timestamp;
import dev.coldbrew.gorpc.rpc.RpcMethodException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * A warm {@code Function.Invoke} round trip over loopback TCP, our Lambda-side client against our function
 * server with an echo invoker, against the baseline of the same payload echoed over a plain socket
 * (length-prefixed, one thread) in the same run: the difference is what gob + net/rpc cost per invoke.
 * Run like {@link GobCodecBenchmark}, with {@code InvokeRoundTripBenchmark} as the pattern.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InvokeRoundTripBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Param({"1024"})
    public int payloadBytes;

    private InvokeRequest request;
    private GoRpcFunctionServer server;
    private GoRpcFunctionClient client;
    private ServerSocket echoListener;
    private Socket echo;
    private DataOutputStream echoOut;
    private DataInputStream echoIn;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        byte[] payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'x');
        request = InvokeRequest.of(
                payload,
                "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
                new Timestamp(1542409706, 0),
                "arn:aws:lambda:us-east-1:123456789012:function:test");
        server = GoRpcFunctionServer.start(
                new GoRpcFunctionServer.Config(0), req -> InvokeResponse.success(req.payload()));
        client = GoRpcFunctionClient.connect(server.port(), TIMEOUT);
        startPlainEcho();
    }

    private void startPlainEcho() throws IOException {
        echoListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try (Socket socket = echoListener.accept()) {
                socket.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                while (true) {
                    byte[] body = in.readNBytes(in.readInt());
                    out.writeInt(body.length);
                    out.write(body);
                    out.flush();
                }
            } catch (IOException e) {
                // closed at tear-down
            }
        });
        echo = new Socket(InetAddress.getLoopbackAddress(), echoListener.getLocalPort());
        echo.setTcpNoDelay(true);
        echoOut = new DataOutputStream(echo.getOutputStream());
        echoIn = new DataInputStream(echo.getInputStream());
    }

    @TearDown
    public void tearDown() throws IOException {
        client.close();
        server.close();
        echo.close();
        echoListener.close();
    }

    @Benchmark
    public InvokeResponse goRpcInvoke() throws IOException, RpcMethodException {
        return client.invoke(request, TIMEOUT);
    }

    @Benchmark
    public byte[] plainSocketEcho() throws IOException {
        echoOut.writeInt(request.payload().length);
        echoOut.write(request.payload());
        echoOut.flush();
        return echoIn.readNBytes(echoIn.readInt());
    }
}
