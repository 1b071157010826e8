package dev.coldbrew.gorpc.bench;

import dev.coldbrew.gorpc.gob.GobDecoder;
import dev.coldbrew.gorpc.gob.GobEncoder;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode of one {@code InvokeRequest} on a warm gob stream (type definitions already exchanged, as
 * on every invoke after the first), with a 1 KiB and a 1 MiB payload. The baseline in the same run is a plain
 * copy of the payload ({@code copyPayload}), the least any codec must do.
 *
 * <p>Run (not part of {@code verify}):
 * <pre>
 * ./mvnw -B -q -pl coldbrew-gorpc -am install -DskipTests
 * ./mvnw -B -q -pl coldbrew-gorpc dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.cp
 * java -cp coldbrew-gorpc/target/test-classes:coldbrew-gorpc/target/classes:$(cat coldbrew-gorpc/target/jmh.cp) \
 *     org.openjdk.jmh.Main GobCodecBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GobCodecBenchmark {
    @Param({"1024", "1048576"})
    public int payloadBytes;

    private InvokeRequest request;
    private GobEncoder encoder;
    private RepeatingInput input;
    private GobDecoder decoder;

    @Setup
    public void setUp() throws IOException {
        byte[] payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 'x');
        request = new InvokeRequest(
                payload,
                "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
                "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700",
                new Timestamp(1542409706, 888000000),
                "arn:aws:lambda:us-east-1:123456789012:function:test",
                "",
                "",
                "{}".getBytes(StandardCharsets.UTF_8));
        encoder = new GobEncoder(OutputStream.nullOutputStream());
        encoder.encode(InvokeRequest.GOB, request); // definitions go out once per stream

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        GobEncoder recorder = new GobEncoder(stream);
        recorder.encode(InvokeRequest.GOB, request);
        byte[] definitionsAndFirst = stream.toByteArray();
        stream.reset();
        recorder.encode(InvokeRequest.GOB, request);
        byte[] valueOnly = stream.toByteArray();
        input = new RepeatingInput(definitionsAndFirst, valueOnly);
        decoder = new GobDecoder(input);
        decoder.decode(InvokeRequest.GOB);
    }

    @Benchmark
    public GobEncoder encode() throws IOException {
        encoder.encode(InvokeRequest.GOB, request);
        return encoder;
    }

    @Benchmark
    public InvokeRequest decode() throws IOException {
        return decoder.decode(InvokeRequest.GOB);
    }

    @Benchmark
    public byte[] copyPayload() {
        return request.payload().clone();
    }

    /** Serves the definitions once, then the same value message forever. */
    static final class RepeatingInput extends InputStream {
        private byte[] current;
        private final byte[] repeat;
        private int pos;

        RepeatingInput(byte[] first, byte[] repeat) {
            this.current = first;
            this.repeat = repeat;
        }

        @Override
        public int read() {
            if (pos == current.length) {
                current = repeat;
                pos = 0;
            }
            return current[pos++] & 0xff;
        }

        /** Everything has arrived, as for a message already in the socket buffer. */
        @Override
        public int available() {
            return pos == current.length ? repeat.length : current.length - pos;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == current.length) {
                current = repeat;
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
