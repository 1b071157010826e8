package dev.coldbrew.runtime.api.server;

import static dev.coldbrew.runtime.api.RuntimeApi.INIT_ERROR_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.NEXT_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.RESTORE_NEXT_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.errorPath;
import static dev.coldbrew.runtime.api.RuntimeApi.responsePath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.ErrorResponse;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lambda's rules and wording, as any runtime sees them, against the real server and a recording backend. */
class RuntimeApiServerTest {

    /** A backend that hands out queued events and records what it is told. */
    static final class Recording implements RuntimeApiBackend {
        final BlockingDeque<NextEvent> events = new LinkedBlockingDeque<>();
        final List<String> undelivered = new CopyOnWriteArrayList<>();
        final List<String> answers = new CopyOnWriteArrayList<>();
        final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
        volatile Reply replacement;
        volatile boolean snapStart;

        @Override
        public NextEvent next() throws InterruptedException {
            return events.take();
        }

        @Override
        public void undelivered(NextEvent event) {
            undelivered.add(event.requestId());
            events.addFirst(event);
        }

        @Override
        public void answered(String requestId, Answer answer) {
            answers.add(requestId + " " + describe(answer));
        }

        private static String describe(Answer answer) {
            return switch (answer) {
                case Answer.Response r ->
                    "response " + new String(r.body(), StandardCharsets.UTF_8) + " " + r.contentType() + " "
                            + r.streamed();
                case Answer.FunctionError e -> "error " + e.errorType();
                case Answer.TooLarge t -> "too large " + t.limitBytes();
                case Answer.Failed f -> "failed " + f.errorType();
            };
        }

        @Override
        public void initFailed(String errorType, byte[] body) {
            answers.add("init " + errorType);
        }

        @Override
        public void received(ReceivedRequest request) {
            received.add(request);
        }

        @Override
        public Reply replacement(ReceivedRequest request) {
            Reply once = replacement;
            replacement = null;
            return once;
        }

        @Override
        public boolean snapStart() {
            return snapStart;
        }
    }

    final Recording backend = new Recording();
    final HttpClient http = HttpClient.newHttpClient();
    RuntimeApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = RuntimeApiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backend);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void nextSendsTheEventAsGiven() throws Exception {
        backend.events.add(NextEvent.of("id-1", 1234L, "arn:fn", "Root=1-a", null, "{\"i\":1}", "{}".getBytes()));

        HttpResponse<String> next = get(NEXT_PATH);

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{}");
        assertThat(next.headers().firstValue(RuntimeApi.HEADER_REQUEST_ID)).hasValue("id-1");
        assertThat(next.headers().firstValue(RuntimeApi.HEADER_DEADLINE_MS)).hasValue("1234");
        assertThat(next.headers().firstValue(RuntimeApi.HEADER_TRACE_ID)).hasValue("Root=1-a");
        assertThat(next.headers().firstValue(RuntimeApi.HEADER_COGNITO_IDENTITY))
                .hasValue("{\"i\":1}");
        assertThat(next.headers().firstValue(RuntimeApi.HEADER_CLIENT_CONTEXT)).isEmpty();
    }

    /**
     * A runtime's {@code GET /next} that waits, then closes its connection (after 300 ms, as a client with a read
     * timeout would), must not take the next event with it: the event goes to the next {@code /next}. Twenty rounds,
     * each with a new abandoned connection, so that a delivery that only sometimes notices the close fails here.
     */
    @Test
    void anAbandonedNextDoesNotTakeTheNextEventWithIt() throws Exception {
        int rounds = 20;
        for (int round = 1; round <= rounds; round++) {
            String id = "id-abandoned-" + round;
            abandonNext();
            backend.events.add(NextEvent.of(id, 0, "arn", null, null, null, ("{\"round\":" + round + "}").getBytes()));

            HttpResponse<String> next = http.send(
                    HttpRequest.newBuilder(uri(NEXT_PATH))
                            .timeout(java.time.Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(next.headers().firstValue(RuntimeApi.HEADER_REQUEST_ID)).hasValue(id);
            assertThat(next.body()).isEqualTo("{\"round\":" + round + "}");
            assertThat(post(responsePath(id), "\"ok\"").statusCode()).isEqualTo(202);
        }
        assertThat(backend.undelivered).hasSize(rounds);
        assertThat(backend.answers).hasSize(rounds);
    }

    /** Sends {@code GET /next} on a raw socket, waits until the server holds it, then closes the connection. */
    private void abandonNext() throws Exception {
        int before = backend.received.size();
        String hostAndPort = server.hostAndPort();
        int port = Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET " + NEXT_PATH + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 1000 && backend.received.size() == before; i++) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            assertThat(backend.received).hasSize(before + 1);
            TimeUnit.MILLISECONDS.sleep(300);
        }
    }

    @Test
    void anAnswerIsAcceptedOnceWithStatusOk() throws Exception {
        fetch("id-2");

        HttpResponse<String> first = post(responsePath("id-2"), "\"ok\"");
        HttpResponse<String> second = post(errorPath("id-2"), "{}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(ErrorResponse.fromJson(second.body().getBytes()))
                .isEqualTo(new ErrorResponse(
                        "State transition from RuntimeResponseSentState to InvocationErrorResponse failed for runtime."
                                + " Error: State transition is not allowed",
                        "InvalidStateTransition"));
        assertThat(backend.answers).containsExactly("id-2 response \"ok\" null false");
    }

    @Test
    void anIdNeverHandedOutIsAnInvalidRequestIdNamingIt() throws Exception {
        HttpResponse<String> response = post(responsePath("other"), "x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ErrorResponse.fromJson(response.body().getBytes()))
                .isEqualTo(new ErrorResponse("Invalid request ID: other", "InvalidRequestID"));
        assertThat(backend.answers).isEmpty();
    }

    @Test
    void aBufferedResponseOverSixMebibytesAndAHundredBytesIs413AndFailsTheInvocation() throws Exception {
        fetch("id-3");
        fetch("id-4");

        HttpResponse<String> over = post(responsePath("id-3"), "x".repeat(RuntimeApi.MAX_RESPONSE_BYTES + 1));
        HttpResponse<String> exact = post(responsePath("id-4"), "x".repeat(RuntimeApi.MAX_RESPONSE_BYTES));

        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(ErrorResponse.fromJson(over.body().getBytes()))
                .isEqualTo(new ErrorResponse(
                        "Exceeded maximum allowed payload size (6291556 bytes).", "RequestEntityTooLarge"));
        assertThat(exact.statusCode()).isEqualTo(202);
        assertThat(backend.answers.getFirst()).isEqualTo("id-3 too large 6291556");
        assertThat(post(errorPath("id-3"), "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void aResponseAnnouncedOverTheLimitIs413FromItsContentLengthBeforeItsBodyArrives() throws Exception {
        fetch("id-big");
        String hostAndPort = server.hostAndPort();
        int port = Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
        String head;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + responsePath("id-big") + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                            + 7 * 1024 * 1024 + "\r\n\r\n\"only the start")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            head = readHead(socket.getInputStream());
        }

        assertThat(head).startsWith("HTTP/1.1 413 ").containsIgnoringCase("Connection: close");
        assertThat(backend.answers).containsExactly("id-big too large 6291556");
    }

    private static String readHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString();
    }

    @Test
    void aBadResponseModeIs400AndFailsTheInvocation() throws Exception {
        fetch("id-5");
        HttpRequest request = HttpRequest.newBuilder(uri(responsePath("id-5")))
                .header(RuntimeApi.HEADER_RESPONSE_MODE, "sideways")
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ErrorResponse.fromJson(response.body().getBytes()))
                .isEqualTo(
                        new ErrorResponse("Invalid function response mode: sideways", "InvalidFunctionResponseMode"));
        assertThat(backend.answers).containsExactly("id-5 failed Runtime.InvalidResponseModeHeader");
    }

    @Test
    void aStreamedResponseDefaultsToOctetStream() throws Exception {
        fetch("id-6");
        HttpRequest request = HttpRequest.newBuilder(uri(responsePath("id-6")))
                .header(RuntimeApi.HEADER_RESPONSE_MODE, RuntimeApi.RESPONSE_MODE_STREAMING)
                .POST(HttpRequest.BodyPublishers.ofString("s"))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(202);
        assertThat(backend.answers).containsExactly("id-6 response s application/octet-stream true");
    }

    @Test
    void aTruncatedBodyIs400AndFailsTheInvocation() throws Exception {
        fetch("id-7");

        String reply = raw("POST " + responsePath("id-7") + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 100\r\n\r\nonly part");

        assertThat(reply).startsWith("HTTP/1.1 400").contains("TruncatedHTTPRequest");
        assertThat(reply).contains("HTTP request detected as truncated: POST " + responsePath("id-7"));
        assertThat(backend.answers).containsExactly("id-7 failed Runtime.TruncatedResponse");
    }

    @Test
    void anErrorCarriesItsErrorTypeHeader() throws Exception {
        fetch("id-8");
        HttpRequest request = HttpRequest.newBuilder(uri(errorPath("id-8")))
                .header(RuntimeApi.HEADER_FUNCTION_ERROR_TYPE, "Runtime.UserException")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(202);
        assertThat(backend.answers).containsExactly("id-8 error Runtime.UserException");
    }

    @Test
    void initErrorIsAcceptedBeforeTheFirstNextOnly() throws Exception {
        HttpResponse<String> before = post(INIT_ERROR_PATH, "{}");
        fetch("id-9");
        HttpResponse<String> after = post(INIT_ERROR_PATH, "{}");

        assertThat(before.statusCode()).isEqualTo(202);
        assertThat(after.statusCode()).isEqualTo(403);
        assertThat(after.body()).contains("State transition from Ready to InitError failed for runtime.");
        assertThat(backend.answers).containsExactly("init null");
    }

    @Test
    void restoreIs403WithoutSnapStartAndAnsweredWithIt() throws Exception {
        assertThat(get(RESTORE_NEXT_PATH).statusCode()).isEqualTo(403);

        backend.snapStart = true;

        assertThat(get(RESTORE_NEXT_PATH).statusCode()).isEqualTo(200);
        assertThat(post(RuntimeApi.RESTORE_ERROR_PATH, "{}").statusCode()).isEqualTo(202);
    }

    @Test
    void wrongMethodsAndUnknownPathsAreRefused() throws Exception {
        HttpResponse<String> postNext = post(NEXT_PATH, "");
        HttpResponse<String> unknown = get("/2018-06-01/runtime/nothing");

        assertThat(postNext.statusCode()).isEqualTo(405);
        assertThat(postNext.headers().firstValue("Allow")).hasValue("GET");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no such endpoint: GET /2018-06-01/runtime/nothing");
    }

    @Test
    void everyRequestIsReceivedAndAReplacementLeavesTheStateAlone() throws Exception {
        fetch("id-10");
        backend.replacement = Reply.error(500, RuntimeApi.ERROR_INTERNAL, "sandbox gone");

        HttpResponse<String> replaced = post(responsePath("id-10"), "a");
        HttpResponse<String> normal = post(responsePath("id-10"), "b");

        assertThat(replaced.statusCode()).isEqualTo(500);
        assertThat(normal.statusCode()).isEqualTo(202);
        assertThat(backend.received)
                .extracting(r -> r.method() + " " + r.path() + " " + new String(r.body(), StandardCharsets.UTF_8))
                .containsExactly(
                        "GET " + NEXT_PATH + " ",
                        "POST " + responsePath("id-10") + " a",
                        "POST " + responsePath("id-10") + " b");
    }

    @Test
    void aNonOkEventHandsOutNoRequestId() throws Exception {
        backend.events.add(new NextEvent(500, Map.of(RuntimeApi.HEADER_REQUEST_ID, "id-11"), "{}".getBytes()));

        assertThat(get(NEXT_PATH).statusCode()).isEqualTo(500);
        assertThat(post(responsePath("id-11"), "x").statusCode()).isEqualTo(400);
    }

    private void fetch(String requestId) throws Exception {
        backend.events.add(NextEvent.of(requestId, 0, "arn", null, null, null, "{}".getBytes()));
        assertThat(get(NEXT_PATH).statusCode()).isEqualTo(200);
    }

    private String raw(String request) throws Exception {
        String hostAndPort = server.hostAndPort();
        int port = Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + server.hostAndPort() + path);
    }

    @Test
    void aConnectionTheCheckRefusesGets403NamingWhyAndNeverReachesTheBackend() throws Exception {
        server.close();
        List<InetSocketAddress> asked = new CopyOnWriteArrayList<>();
        server = RuntimeApiServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backend, (remote, local) -> {
                    asked.add(remote);
                    return "held by pid 4242, not a process of this environment";
                });
        backend.events.add(NextEvent.of("id-9", 1L, "arn:fn", null, null, null, "{}".getBytes()));

        HttpResponse<String> next = get(NEXT_PATH);
        HttpResponse<String> forged = post(responsePath("id-9"), "\"forged\"");

        assertThat(next.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ErrorResponse.fromJson(forged.body().getBytes()))
                .isEqualTo(new ErrorResponse(
                        "connection refused: held by pid 4242, not a process of this environment",
                        "ForeignConnection"));
        assertThat(asked)
                .hasSize(2)
                .allSatisfy(remote ->
                        assertThat(remote.getAddress().isLoopbackAddress()).isTrue());
        assertThat(backend.received).isEmpty();
        assertThat(backend.answers).isEmpty();
        assertThat(backend.events).hasSize(1);
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
