package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The runtime under test runs while the try block's body drives the fake Runtime API.
@SuppressWarnings("try")
class StreamingTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void responseIsStreamedInStreamingModeAndTheLoopGoesOn() throws Exception {
        StreamHandler handler = (in, out, c) -> {
            write(out, "first ");
            out.flush();
            write(out, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        };
        try (InProcessRuntime runtime = InProcessRuntime.streaming(api, api.environment(), handler)) {
            String id = api.enqueue("second");
            RuntimeRequest response = api.awaitResponse(id);
            assertThat(response.bodyAsString()).isEqualTo("first second");
            assertThat(response.header(RuntimeApi.HEADER_RESPONSE_MODE)).isEqualTo("streaming");
            assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(response.header("Trailer"))
                    .isEqualTo("Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
            assertThat(response.header("Content-Type")).isEqualTo("text/plain");
            String again = api.enqueue("third");
            assertThat(api.awaitResponse(again).bodyAsString()).isEqualTo("first third");
        }
    }

    @Test
    void httpPreludeComesFirstThenEightNulBytesThenTheBody() throws Exception {
        StreamHandler handler = (in, out, c) -> {
            new HttpResponsePrelude(201, Map.of("X-B", "2", "Content-Type", "text/plain"), java.util.List.of("a=1"))
                    .writeTo(out);
            write(out, "created");
        };
        try (InProcessRuntime runtime =
                InProcessRuntime.streaming(api, api.environment(), handler, RuntimeApi.CONTENT_TYPE_HTTP_INTEGRATION)) {
            String id = api.enqueue("{}");
            RuntimeRequest response = api.awaitResponse(id);
            assertThat(response.header("Content-Type")).isEqualTo(RuntimeApi.CONTENT_TYPE_HTTP_INTEGRATION);
            assertThat(response.bodyAsString())
                    .isEqualTo("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"X-B\":\"2\"},"
                            + "\"cookies\":[\"a=1\"]}" + "\0".repeat(8) + "created");
        }
    }

    @Test
    void httpPreludeRejectsImpossibleStatusCodes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new HttpResponsePrelude(99, Map.of(), java.util.List.of()))
                .hasMessage("HTTP response prelude: status code 99 is not in 100..599");
    }

    @Test
    void handlerThatWritesNothingSendsAnEmptyStream() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.streaming(api, api.environment(), (in, out, c) -> {})) {
            String id = api.enqueue("{}");
            assertThat(api.awaitResponse(id).body()).isEmpty();
        }
    }

    @Test
    void failureBeforeTheFirstByteIsReportedToTheErrorEndpoint() throws Exception {
        StreamHandler handler = (in, out, c) -> {
            throw new IllegalArgumentException("bad request");
        };
        try (InProcessRuntime runtime = InProcessRuntime.streaming(api, api.environment(), handler)) {
            String id = api.enqueue("{}");
            RuntimeRequest report = api.awaitError(id);
            assertThat(report.errorType()).isEqualTo("Runtime.UserException");
            assertThat(report.errorRequest().errorMessage()).isEqualTo("bad request");
            assertThat(api.requests()).noneMatch(r -> r.path().endsWith("/response"));
        }
    }

    @Test
    void failureAfterTheFirstByteEndsTheStreamWithErrorTrailers() throws Exception {
        StreamHandler handler = (in, out, c) -> {
            write(out, "partial");
            out.flush();
            throw new IllegalStateException("lost the upstream");
        };
        try (TrailerPeer peer = new TrailerPeer()) {
            Map<String, String> env = api.environment();
            env.put(RuntimeApi.ENV_RUNTIME_API, peer.address());
            try (InProcessRuntime runtime = InProcessRuntime.streaming(api, env, handler)) {
                TrailerPeer.Posted posted = peer.awaitPost();
                assertThat(posted.path()).isEqualTo(RuntimeApi.responsePath("stream-1"));
                assertThat(posted.body()).isEqualTo("partial");
                assertThat(posted.trailers())
                        .containsEntry("Lambda-Runtime-Function-Error-Type", "Runtime.UserException");
                ErrorRequest error = ErrorRequest.fromJson(
                        Base64.getDecoder().decode(posted.trailers().get("Lambda-Runtime-Function-Error-Body")));
                assertThat(error.errorMessage()).isEqualTo("lost the upstream");
                assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
                peer.close();
                assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
            }
        }
    }

    /**
     * A minimal Runtime API peer on a raw socket that serves one event and records the chunked response with its
     * trailers, which com.sun.net.httpserver does not expose.
     */
    static final class TrailerPeer implements AutoCloseable {
        record Posted(String path, String body, Map<String, String> trailers) {}

        private final ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final java.util.concurrent.BlockingQueue<Posted> posted =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final Thread thread = new Thread(this::serve, "trailer-peer");

        TrailerPeer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        Posted awaitPost() throws InterruptedException {
            Posted p = posted.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("no streamed response within 10 s");
            }
            return p;
        }

        private void serve() {
            try (Socket first = server.accept()) {
                line(first.getInputStream());
                fields(first.getInputStream());
                first.getOutputStream()
                        .write(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: stream-1\r\n"
                                        + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000)
                                        + "\r\nContent-Length: 2\r\n\r\n{}")
                                .getBytes(StandardCharsets.US_ASCII));
                try (Socket second = server.accept()) {
                    InputStream in = second.getInputStream();
                    String path = line(in).split(" ")[1];
                    fields(in);
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                        body.write(in.readNBytes(size));
                        line(in);
                    }
                    posted.add(new Posted(path, body.toString(StandardCharsets.UTF_8), fields(in)));
                    second.getOutputStream()
                            .write("HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}"
                                    .getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the test ended
            }
        }

        private static Map<String, String> fields(InputStream in) throws IOException {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                fields.put(l.substring(0, colon), l.substring(colon + 1).strip());
            }
            return fields;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("peer closed");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
