package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The runtime under test runs while the try block's body drives the fake Runtime API.
@SuppressWarnings("try")
class TypedHandlerTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    /** Decimal integers as text; rejects anything else. */
    static final class IntCodec implements Codec<Integer> {
        @Override
        public Integer decode(byte[] bytes) {
            return Integer.parseInt(new String(bytes, StandardCharsets.US_ASCII));
        }

        @Override
        public byte[] encode(Integer value) {
            return value.toString().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String contentType() {
            return "text/plain";
        }
    }

    private InProcessRuntime doubling() {
        IntCodec codec = new IntCodec();
        TypedHandler<Integer, Integer> twice = (n, context) -> n * 2;
        return InProcessRuntime.start(
                api,
                api.environment(),
                config -> new HandlerInvoker(
                        config.function(), BytesHandler.of(twice, codec, codec), codec.contentType()));
    }

    @Test
    void typedHandlerRunsThroughItsCodecs() throws Exception {
        try (InProcessRuntime runtime = doubling()) {
            String id = api.enqueue("21");
            RuntimeRequest response = api.awaitResponse(id);
            assertThat(response.bodyAsString()).isEqualTo("42");
            assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        }
    }

    @Test
    void eventTheCodecCannotDecodeIsAFunctionError() throws Exception {
        try (InProcessRuntime runtime = doubling()) {
            String id = api.enqueue("twenty-one");
            RuntimeRequest report = api.awaitError(id);
            assertThat(report.errorType()).isEqualTo("Runtime.UserException");
            assertThat(report.errorRequest().errorType()).isEqualTo("java.lang.NumberFormatException");
            assertThat(report.errorRequest().errorMessage()).contains("twenty-one");
        }
    }

    @Test
    void codecWithAContentTypeThatWouldBreakTheRequestStopsTheRuntimeWithAMessage() throws Exception {
        Codec<byte[]> bytes = new Codec<>() {
            @Override
            public byte[] decode(byte[] b) {
                return b;
            }

            @Override
            public byte[] encode(byte[] value) {
                return value;
            }

            @Override
            public String contentType() {
                return "text/plain\r\nX-Injected: 1";
            }
        };
        TypedHandler<byte[], byte[]> echo = (in, context) -> in;
        try (InProcessRuntime runtime = InProcessRuntime.start(
                api,
                api.environment(),
                config -> new HandlerInvoker(
                        config.function(), BytesHandler.of(echo, bytes, bytes), bytes.contentType()))) {
            api.enqueue("{}");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
            assertThat(runtime.stderr()).contains("write HTTP header 'Content-Type' failed");
        }
    }
}
