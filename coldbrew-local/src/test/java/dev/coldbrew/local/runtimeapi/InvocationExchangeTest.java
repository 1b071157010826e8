package dev.coldbrew.local.runtimeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.server.RuntimeApiServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An environment's invocations through its Runtime API server, driven by a real HTTP client as a runtime would. */
class InvocationExchangeTest {

    static final String BASE = "/2018-06-01/runtime";

    final InvocationExchange exchange = new InvocationExchange();
    final HttpClient http = HttpClient.newHttpClient();
    RuntimeApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = RuntimeApiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), exchange);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void nextDeliversTheEventWithEveryHeader() throws Exception {
        long deadline = System.currentTimeMillis() + 3000;
        Invocation invocation = new Invocation(
                "id-1",
                "{\"k\":1}".getBytes(),
                deadline,
                "arn:fn",
                "Root=1-a-b",
                "{\"c\":1}",
                "{\"i\":1}",
                null,
                new CompletableFuture<>());
        exchange.submit(invocation);

        HttpResponse<String> next = get(BASE + "/invocation/next");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"k\":1}");
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("id-1");
        assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms")).hasValue(Long.toString(deadline));
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .hasValue("arn:fn");
        assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id")).hasValue("Root=1-a-b");
        assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context")).hasValue("{\"c\":1}");
        assertThat(next.headers().firstValue("Lambda-Runtime-Cognito-Identity")).hasValue("{\"i\":1}");
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id")).isEmpty();
        assertThat(exchange.firstNext()).isDone();
    }

    @Test
    void nextCarriesTheTenantIdOfATenantInvocation() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        exchange.submit(Invocation.of(id, "{}".getBytes(), 1L, "arn:fn", null).withTenantId("blue"));

        HttpResponse<String> next = get(BASE + "/invocation/next");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue(id);
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id")).hasValue("blue");
    }

    @Test
    void responseIsAcceptedOnceThenWrongState() throws Exception {
        Invocation invocation = submitAndFetch("id-2");

        HttpResponse<String> first = post(BASE + "/invocation/id-2/response", "\"ok\"");
        HttpResponse<String> second = post(BASE + "/invocation/id-2/response", "\"again\"");
        HttpResponse<String> error = post(BASE + "/invocation/id-2/error", "{}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(new String(invocation.result().get(60, TimeUnit.SECONDS).body()))
                .isEqualTo("\"ok\"");
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(second.body()).contains("\"errorType\":\"InvalidStateTransition\"");
        assertThat(error.statusCode()).isEqualTo(403);
    }

    @Test
    void unknownRequestIdIs400() throws Exception {
        submitAndFetch("id-3");

        HttpResponse<String> response = post(BASE + "/invocation/other/response", "\"x\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"errorType\":\"InvalidRequestID\"")
                .contains("other");
    }

    @Test
    void errorCarriesTheErrorTypeHeader() throws Exception {
        Invocation invocation = submitAndFetch("id-4");

        HttpRequest request = HttpRequest.newBuilder(uri(BASE + "/invocation/id-4/error"))
                .header("Lambda-Runtime-Function-Error-Type", "Runtime.UserException")
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"m\",\"errorType\":\"T\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        Outcome outcome = invocation.result().get(60, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FUNCTION_ERROR);
        assertThat(outcome.errorType()).isEqualTo("Runtime.UserException");
    }

    @Test
    void responseOverTheLimitIs413AndFailsTheInvocation() throws Exception {
        Invocation invocation = submitAndFetch("id-5");

        HttpResponse<String> response = post(BASE + "/invocation/id-5/response", "x".repeat(6 * 1024 * 1024 + 101));
        HttpResponse<String> later = post(BASE + "/invocation/id-5/error", "{}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("RequestEntityTooLarge").contains("6291556 bytes");
        assertThat(invocation.result().get(60, TimeUnit.SECONDS).kind()).isEqualTo(Outcome.Kind.RESPONSE_TOO_LARGE);
        assertThat(later.statusCode()).isEqualTo(403);
    }

    @Test
    void responseOfExactlyTheLimitIsAccepted() throws Exception {
        submitAndFetch("id-6");

        HttpResponse<String> response = post(BASE + "/invocation/id-6/response", "x".repeat(6 * 1024 * 1024 + 100));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void initErrorIsAcceptedBeforeTheFirstNextOnly() throws Exception {
        HttpResponse<String> before = post(BASE + "/init/error", "{\"errorType\":\"E\"}");
        submitAndFetch("id-7");
        HttpResponse<String> after = post(BASE + "/init/error", "{}");

        assertThat(before.statusCode()).isEqualTo(202);
        assertThat(exchange.initError()).isDone();
        assertThat(after.statusCode()).isEqualTo(403);
    }

    @Test
    void badResponseModeIs400AndFailsTheInvocationAtOnce() throws Exception {
        Invocation invocation = submitAndFetch("id-8");
        HttpRequest request = HttpRequest.newBuilder(uri(BASE + "/invocation/id-8/response"))
                .header("Lambda-Runtime-Function-Response-Mode", "sideways")
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidFunctionResponseMode").contains("sideways");
        Outcome outcome = invocation.result().get(60, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FUNCTION_ERROR);
        assertThat(outcome.errorType()).isEqualTo("Runtime.InvalidResponseModeHeader");
        assertThat(new String(outcome.body(), StandardCharsets.UTF_8)).contains("Runtime.InvalidResponseModeHeader");
    }

    @Test
    void errorWithoutABodyIsBuiltFromTheErrorTypeHeader() throws Exception {
        Invocation empty = submitAndFetch("id-10");
        postError("id-10", "", "Fn.Broken");
        Invocation unreadable = submitAndFetch("id-11");
        postError("id-11", "not json {", "Fn.Garbled");

        assertThat(new String(empty.result().get(60, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                .contains("\"errorType\":\"Fn.Broken\"");
        assertThat(new String(unreadable.result().get(60, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                .contains("\"errorType\":\"Fn.Garbled\"");
    }

    private void postError(String id, String body, String type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(BASE + "/invocation/" + id + "/error"))
                .header("Lambda-Runtime-Function-Error-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(202);
    }

    @Test
    void aTruncatedBodyIs400AndFailsTheInvocationAtOnce() throws Exception {
        Invocation invocation = submitAndFetch("id-12");
        String reply;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + BASE + "/invocation/id-12/response HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Length: 100\r\n\r\nonly part")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }

        assertThat(reply).startsWith("HTTP/1.1 400").contains("TruncatedHTTPRequest");
        Outcome outcome = invocation.result().get(60, TimeUnit.SECONDS);
        assertThat(outcome.errorType()).isEqualTo("Runtime.TruncatedResponse");
    }

    @Test
    void aStreamedResponseMayBeLargerThanABufferedOne() throws Exception {
        Invocation invocation = submitAndFetch("id-13");
        byte[] chunk = new byte[64 * 1024];
        int chunks = 7 * 16; // 7 MiB, over the 6 MiB + 100 bytes of a buffered response

        String status = streamResponse("id-13", chunk, chunks, "", "");

        assertThat(status).startsWith("HTTP/1.1 202");
        Outcome outcome = invocation.result().get(60, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.SUCCESS);
        assertThat(outcome.body()).hasSize(chunk.length * chunks);
        assertThat(outcome.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void aStreamedErrorWrittenAsAFinalChunkIsAnswered() throws Exception {
        Invocation invocation = submitAndFetch("id-14");
        String rustTrailer = "Lambda-Runtime-Function-Error-Type: Runtime.Error\r\n"
                + "Lambda-Runtime-Function-Error-Body: eyJlcnJvclR5cGUiOiJSdW50aW1lLkVycm9yIn0=\r\n";

        String status = streamResponse(
                "id-14", rustTrailer.getBytes(StandardCharsets.US_ASCII), 1, "", ERROR_TRAILERS_DECLARED);

        assertThat(status).startsWith("HTTP/1.1 202");
        assertThat(invocation.result().get(60, TimeUnit.SECONDS).kind()).isEqualTo(Outcome.Kind.SUCCESS);
    }

    @Test
    void aStreamedResponseEndingWithErrorTrailersIsAnsweredAndEndsTheInvocationAtOnce() throws Exception {
        Invocation invocation = submitAndFetch("id-15");
        String trailers = "Lambda-Runtime-Function-Error-Type: Runtime.Error\r\n"
                + "Lambda-Runtime-Function-Error-Body: eyJlcnJvclR5cGUiOiJSdW50aW1lLkVycm9yIn0=\r\n";

        String status = streamResponse(
                "id-15", "partial".getBytes(StandardCharsets.US_ASCII), 1, trailers, ERROR_TRAILERS_DECLARED);

        assertThat(status).startsWith("HTTP/1.1 202");
        Outcome outcome = invocation.result().get(60, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FUNCTION_ERROR);
        assertThat(outcome.errorType()).isEqualTo("Runtime.Error");
        assertThat(new String(outcome.body(), StandardCharsets.UTF_8)).isEqualTo("{\"errorType\":\"Runtime.Error\"}");
    }

    @Test
    void aStreamGoesToItsCallerAsItArrivesAndOverTwoHundredMegabytesFailsNamingThatLimit() throws Exception {
        java.util.concurrent.atomic.AtomicLong forwarded = new java.util.concurrent.atomic.AtomicLong();
        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        ResponseStream caller = (requestId, contentType) -> {
            opened.add(contentType);
            return new OutputStream() {
                @Override
                public void write(int b) {
                    forwarded.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    forwarded.addAndGet(len);
                }
            };
        };
        Invocation small = streamedInvocation("id-16", caller);
        exchange.submit(small);
        get(BASE + "/invocation/next");
        String ok = streamResponse("id-16", new byte[1000], 3, "", "");
        assertThat(ok).startsWith("HTTP/1.1 202");
        Outcome streamed = small.result().get(60, TimeUnit.SECONDS);
        assertThat(streamed.kind()).isEqualTo(Outcome.Kind.SUCCESS);
        assertThat(streamed.body()).isEmpty();
        assertThat(forwarded.get()).isEqualTo(3000);
        assertThat(opened).containsExactly("application/octet-stream");

        Invocation large = streamedInvocation("id-17", caller);
        exchange.submit(large);
        get(BASE + "/invocation/next");
        byte[] mebibyte = new byte[1024 * 1024];
        String refused = streamResponse("id-17", mebibyte, 201, "", ""); // 201 MiB, over the 200 MiB limit
        Outcome over = large.result().get(60, TimeUnit.SECONDS);
        assertThat(refused).startsWith("HTTP/1.1 413");
        assertThat(over.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(new String(over.body(), StandardCharsets.UTF_8)).contains("(209715200 bytes)");
    }

    private static Invocation streamedInvocation(String id, ResponseStream stream) {
        return new Invocation(
                id,
                "{}".getBytes(),
                System.currentTimeMillis() + 30_000,
                "arn",
                null,
                null,
                null,
                stream,
                new CompletableFuture<>());
    }

    @Test
    void errorTrailersWithoutTheStreamingModeHeaderAlsoCarryTheError() throws Exception {
        // aws-lambda-go posts an io.Reader chunked with real trailers but without the Response-Mode header
        Invocation invocation = submitAndFetch("id-18");
        String status;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + BASE + "/invocation/id-18/response HTTP/1.1\r\nHost: localhost\r\n"
                            + "Transfer-Encoding: chunked\r\n" + ERROR_TRAILERS_DECLARED + "\r\n"
                            + "7\r\npartial\r\n0\r\nLambda-Runtime-Function-Error-Type: Runtime.Error\r\n"
                            + "Lambda-Runtime-Function-Error-Body: eyJlcnJvclR5cGUiOiJSdW50aW1lLkVycm9yIn0=\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            status = statusLine(socket.getInputStream());
        }

        assertThat(status).startsWith("HTTP/1.1 202");
        Outcome outcome = invocation.result().get(60, TimeUnit.SECONDS);
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FUNCTION_ERROR);
        assertThat(outcome.errorType()).isEqualTo("Runtime.Error");
    }

    static final String ERROR_TRAILERS_DECLARED =
            "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n";

    /** Streams {@code chunks} copies of {@code chunk} as a chunked /response, then {@code trailers}; the status line. */
    private String streamResponse(String id, byte[] chunk, int chunks, String trailers, String headers)
            throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream());
            out.write(("POST " + BASE + "/invocation/" + id + "/response HTTP/1.1\r\nHost: localhost\r\n"
                            + "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
                            + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < chunks; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(("0\r\n" + trailers + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusLine(socket.getInputStream());
        }
    }

    private static String statusLine(java.io.InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private int port() {
        String hostAndPort = server.hostAndPort();
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    @Test
    void wrongMethodAndUnknownPathsAreRejected() throws Exception {
        HttpResponse<String> postNext = post(BASE + "/invocation/next", "");
        HttpResponse<String> unknown = get("/2018-06-01/runtime/nothing");
        HttpResponse<String> restore = get(BASE + "/restore/next");

        assertThat(postNext.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(restore.statusCode()).isEqualTo(403);
    }

    @Test
    void processExitFailsTheInvocationInFlight() throws Exception {
        Invocation invocation = submitAndFetch("id-9");

        exchange.processExited();

        assertThat(invocation.result().get(60, TimeUnit.SECONDS).kind()).isEqualTo(Outcome.Kind.EXITED);
    }

    @Test
    void anAbandonedNextHandsTheEventToTheNextNext() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.getOutputStream()
                    .write(("GET " + BASE + "/invocation/next HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            exchange.readyForNext().get(60, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(300);
        }
        Invocation invocation = invocation("id-13");
        exchange.submit(invocation);

        HttpResponse<String> next = http.send(
                HttpRequest.newBuilder(uri(BASE + "/invocation/next"))
                        .timeout(java.time.Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        post(BASE + "/invocation/id-13/response", "\"ok\"");

        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("id-13");
        assertThat(new String(invocation.result().get(60, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                .isEqualTo("\"ok\"");
    }

    @Test
    void theRuntimeIsReadyForItsNextEventOnlyOnceItAsksForIt() throws Exception {
        submitAndFetch("id-14");
        CompletableFuture<Boolean> ready = exchange.readyForNext();
        post(BASE + "/invocation/id-14/response", "\"ok\"");

        assertThat(ready).isNotDone();
        CompletableFuture<HttpResponse<String>> next = http.sendAsync(
                HttpRequest.newBuilder(uri(BASE + "/invocation/next")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exchange.readyForNext().getNow(false)).isTrue();
        next.cancel(true);
    }

    @Test
    void aRuntimeThatExitsAfterItsAnswerIsNeverReady() throws Exception {
        submitAndFetch("id-15");
        CompletableFuture<Boolean> ready = exchange.readyForNext();
        post(BASE + "/invocation/id-15/error", "{\"errorType\":\"Runtime.OutOfMemory\"}");

        exchange.processExited();

        assertThat(ready.get(60, TimeUnit.SECONDS)).isFalse();
        assertThat(exchange.readyForNext().getNow(true)).isFalse();
    }

    /** Lambda Managed Instances: several invocations in flight, each answer completes its own, in any order. */
    @Test
    void invocationsInFlightTogetherAreAnsweredByRequestId() throws Exception {
        Invocation first = submitAndFetch("id-a");
        Invocation second = submitAndFetch("id-b");
        Invocation third = submitAndFetch("id-c");

        assertThat(post(BASE + "/invocation/id-c/response", "\"c\"").statusCode())
                .isEqualTo(202);
        assertThat(post(BASE + "/invocation/id-a/error", "{\"errorType\":\"E\"}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(BASE + "/invocation/id-b/response", "\"b\"").statusCode())
                .isEqualTo(202);

        assertThat(new String(third.result().get(60, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                .isEqualTo("\"c\"");
        assertThat(new String(second.result().get(60, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                .isEqualTo("\"b\"");
        Outcome error = first.result().get(60, TimeUnit.SECONDS);
        assertThat(error.kind()).isEqualTo(Outcome.Kind.FUNCTION_ERROR);
        assertThat(new String(error.body(), StandardCharsets.UTF_8)).isEqualTo("{\"errorType\":\"E\"}");
    }

    /** A runtime that exits fails every invocation in flight on it, not only the last one handed out. */
    @Test
    void anExitFailsEveryInvocationInFlight() throws Exception {
        Invocation first = submitAndFetch("id-x");
        Invocation second = submitAndFetch("id-y");

        exchange.processExited();

        assertThat(first.result().get(60, TimeUnit.SECONDS).kind()).isEqualTo(Outcome.Kind.EXITED);
        assertThat(second.result().get(60, TimeUnit.SECONDS).kind()).isEqualTo(Outcome.Kind.EXITED);
    }

    private Invocation invocation(String id) {
        return new Invocation(
                id,
                "{}".getBytes(),
                System.currentTimeMillis() + 1000,
                "arn",
                null,
                null,
                null,
                null,
                new CompletableFuture<>());
    }

    private Invocation submitAndFetch(String id) throws Exception {
        Invocation invocation = new Invocation(
                id,
                "{}".getBytes(),
                System.currentTimeMillis() + 1000,
                "arn",
                null,
                null,
                null,
                null,
                new CompletableFuture<>());
        exchange.submit(invocation);
        assertThat(get(BASE + "/invocation/next").statusCode()).isEqualTo(200);
        return invocation;
    }

    private URI uri(String path) {
        return URI.create("http://" + server.hostAndPort() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
