package dev.coldbrew.runtime.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 framing of {@link Http11Server}, on raw sockets: what a runtime may send and what it gets back. */
class Http11ServerTest {
    /** The idle timeout of the idle-timeout tests. */
    static final Duration IDLE = Duration.ofSeconds(1);

    ExecutorService executor;
    Http11Server server;

    /** Answers each request with its method, path, body, the trailers it ended with, or the read's failure. */
    private static void describe(HttpExchange http) throws IOException {
        String text;
        try {
            byte[] body = http.getRequestBody().readAllBytes();
            text = http.getRequestMethod() + " " + http.getRequestURI().getRawPath() + " body="
                    + new String(body, StandardCharsets.UTF_8) + " trailers="
                    + new TreeMap<>(((Http11Exchange) http).trailers()).entrySet();
        } catch (IOException e) {
            text = "read failed: " + e.getMessage();
        }
        byte[] reply = text.getBytes(StandardCharsets.UTF_8);
        boolean chunked = http.getRequestURI().getPath().equals("/chunked");
        http.sendResponseHeaders(200, chunked ? 0 : reply.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(reply);
        }
    }

    @BeforeEach
    void start() throws IOException {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server = Http11Server.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8, executor, Http11ServerTest::describe);
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    @Test
    void aChunkedBodyIsReadWithItsTrailers() throws Exception {
        String reply = exchange("POST /r HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nLambda-Runtime-Function-Error-Type: Runtime.Error\r\n"
                + "Lambda-Runtime-Function-Error-Body: e30=\r\n\r\n");

        assertThat(reply)
                .startsWith("HTTP/1.1 200 OK\r\n")
                .contains("Connection: close\r\n")
                .endsWith("POST /r body=hello world trailers=[Lambda-runtime-function-error-body=[e30=],"
                        + " Lambda-runtime-function-error-type=[Runtime.Error]]");
    }

    @Test
    void oneConnectionCarriesRequestAfterRequest() throws Exception {
        String reply = exchange("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\none"
                + "GET /b HTTP/1.1\r\n\r\n"
                + "POST /chunked HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "3\r\ntwo\r\n0\r\n\r\n");

        assertThat(reply)
                .contains("\r\n\r\nPOST /a body=one trailers=[]")
                .contains("GET /b body= trailers=[]")
                .contains("Transfer-Encoding: chunked\r\n\r\n")
                .endsWith("POST /chunked body=two trailers=[]\r\n0\r\n\r\n");
    }

    @Test
    void aChunkedBodyCutOffFailsTheReadSayingWhere() throws Exception {
        String reply = exchange("POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", true);

        assertThat(reply).endsWith("read failed: chunked body ended after 3 bytes, inside a chunk");
    }

    @Test
    void aBodyShortOfItsContentLengthFailsTheRead() throws Exception {
        String reply = exchange("POST /r HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", true);

        assertThat(reply).endsWith("read failed: connection closed after 3 of 10 body bytes");
    }

    @Test
    void aMalformedChunkSizeFailsTheReadNamingIt() throws Exception {
        String reply = exchange("POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");

        assertThat(reply).endsWith("read failed: malformed chunk size 'zz' after 0 bytes");
    }

    @Test
    void ambiguousFramingIsRefusedWith400AndTheConnectionCloses() throws Exception {
        String reply = exchange("POST /r HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n");

        assertThat(reply)
                .startsWith("HTTP/1.1 400 Bad Request\r\n")
                .contains("Connection: close")
                .contains("both Transfer-Encoding and Content-Length");
    }

    @Test
    void aMalformedRequestLineIsRefusedWith400NamingIt() throws Exception {
        assertThat(exchange("HELLO\r\n\r\n")).startsWith("HTTP/1.1 400").contains("malformed request line 'HELLO'");
    }

    @Test
    void expectContinueGetsAnInterimReplyBeforeTheBodyIsSent() throws Exception {
        String reply = exchange(
                "POST /r HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n" + "Connection: close\r\n\r\nok");

        assertThat(reply)
                .startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")
                .endsWith("body=ok trailers=[]");
    }

    @Test
    void aReplyToHeadHasItsHeadOnlyAndTheConnectionCarriesTheNextRequest() throws Exception {
        String reply = exchange("HEAD /r HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n");

        assertThat(reply)
                .startsWith("HTTP/1.1 200 OK\r\nContent-Length: 25\r\n\r\nHTTP/1.1 200 OK\r\n")
                .endsWith("GET /b body= trailers=[]");
    }

    @Test
    void aHeadOverTheFieldLimitIsRefusedByTheRefuserNamingTheLimitAndTheField() throws Exception {
        String reply = exchangeWith(
                new Http11Options.Limits(3, 1024, 4096), "POST /p HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n");

        assertThat(reply)
                .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
                .contains("X-Problem: HEAD_OVER_LIMITS\r\n")
                .contains("Connection: close\r\n")
                .endsWith("/p: request head over the limit of 3 header fields: field 4 is 'D'");
    }

    @Test
    void aLineOverTheLineLimitIsRefusedNamingItsField() throws Exception {
        String reply = exchangeWith(
                new Http11Options.Limits(10, 100, 4096), "GET /p HTTP/1.1\r\nX-Long: " + "a".repeat(101) + "\r\n\r\n");

        assertThat(reply)
                .contains("X-Problem: HEAD_OVER_LIMITS")
                .endsWith("/p: header field 'X-Long' over the limit of 100 bytes per line: more than 100 bytes read");
    }

    @Test
    void aHeadOverTheTotalLimitIsRefusedNamingTheLimitAndTheLastField() throws Exception {
        String fields = "X-A: " + "a".repeat(50) + "\r\nX-B: " + "b".repeat(50) + "\r\n";

        String reply = exchangeWith(new Http11Options.Limits(10, 100, 100), "GET /p HTTP/1.1\r\n" + fields + "\r\n");

        assertThat(reply)
                .contains("X-Problem: HEAD_OVER_LIMITS")
                .endsWith("/p: request head over the limit of 100 bytes: more than 100 bytes read, the last in header"
                        + " field 'X-B'");
    }

    @Test
    void aRequestLineOverTheLimitIsRefusedWithoutATarget() throws Exception {
        String reply =
                exchangeWith(new Http11Options.Limits(10, 100, 4096), "GET /" + "p".repeat(200) + " HTTP/1.1\r\n\r\n");

        assertThat(reply)
                .contains("X-Problem: HEAD_OVER_LIMITS")
                .contains("null: request line over the limit of 100 bytes: more than 100 bytes read ('GET /ppp");
    }

    @Test
    void aMalformedEscapeInTheTargetIsRefusedNamingTheTarget() throws Exception {
        String reply = exchangeWith(Http11Options.Limits.DEFAULT, "GET /a/%zz/b HTTP/1.1\r\n\r\n");

        assertThat(reply)
                .contains("X-Problem: MALFORMED_TARGET")
                .endsWith("/a/%zz/b: malformed request target '/a/%zz/b': Malformed escape pair at index 3");
    }

    @Test
    void aPeerStillSendingItsHeadReadsTheWholeRefusalRatherThanAReset() throws Exception {
        String huge = "GET /p HTTP/1.1\r\nX-Big: " + "a".repeat(12 * 1024 * 1024) + "\r\n\r\n";

        String reply = exchange(huge);

        assertThat(reply)
                .startsWith("HTTP/1.1 400 Bad Request\r\n")
                .contains("Connection: close")
                .contains("header field 'X-Big' over the limit of 65536 bytes per line: more than 65536 bytes read");
    }

    @Test
    void aConnectionIdlePastTheIdleTimeoutIsClosedAfterItsLastReply() throws Exception {
        // 1 s: the request, written right after the connect, must reach the server within it even when a busy
        // machine stalls the test's thread; the client's 10 s read timeout still tells a close from a hang
        useServer(Http11Options.defaults(8).withIdleTimeout(IDLE));

        Idle idle = sendThenWait("GET /a HTTP/1.1\r\n\r\n");

        assertThat(idle.received()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("GET /a body= trailers=[]");
        assertThat(idle.closedByServer())
                .as("closed by the server before the client's 10 s read timeout")
                .isTrue();
    }

    @Test
    void halfARequestHeadFollowedBySilenceIsClosedAfterTheIdleTimeout() throws Exception {
        useServer(Http11Options.defaults(8).withIdleTimeout(IDLE));

        Idle idle = sendThenWait("GET /a HTTP/1.1\r\nX-Half: ");

        assertThat(idle.received()).isEmpty();
        assertThat(idle.closedByServer()).isTrue();
    }

    @Test
    void withoutAnIdleTimeoutAConnectionWaitsForItsNextRequest() throws Exception {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /a HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = readReply(in);
            Thread.sleep(1_000); // a runtime's connection idles while its environment is frozen
            out.write("GET /b HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            assertThat(first).endsWith("GET /a body= trailers=[]");
            assertThat(readUntilClosed(in)).endsWith("GET /b body= trailers=[]");
        }
    }

    @Test
    void aNegativeIdleTimeoutIsRefusedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Http11Options.defaults(8).withIdleTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-0.001S");
    }

    /** What a client got after sending {@code request} and reading until the server closed or 10 s passed. */
    private record Idle(String received, boolean closedByServer) {}

    private Idle sendThenWait(String request) throws IOException {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                }
                return new Idle(got.toString(StandardCharsets.ISO_8859_1), true);
            } catch (java.net.SocketTimeoutException e) {
                return new Idle(got.toString(StandardCharsets.ISO_8859_1), false);
            }
        }
    }

    /** Reads one reply framed by its {@code Content-Length}: head and body. */
    private static String readReply(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside a reply head: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        if (!length.find()) {
            throw new IOException("no Content-Length in " + head);
        }
        return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1);
    }

    private void useServer(Http11Options options) throws IOException {
        server.close();
        server = Http11Server.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                options,
                executor,
                Http11ServerTest::describe);
    }

    /** {@link #exchange(String)} against a server with {@code limits} whose refusals are 431s saying what was wrong. */
    private String exchangeWith(Http11Options.Limits limits, String request) throws IOException {
        Http11Options.Refuser refuser = (problem, target, message) -> new Http11Options.Refusal(
                431, Map.of("X-Problem", problem.name()), (target + ": " + message).getBytes(StandardCharsets.UTF_8));
        Http11Server limited = server;
        server = Http11Server.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new Http11Options(8, limits, refuser),
                executor,
                Http11ServerTest::describe);
        try {
            return exchange(request);
        } finally {
            server.close();
            server = limited;
        }
    }

    private String exchange(String request) throws IOException {
        return exchange(request, false);
    }

    /** Sends {@code request}, optionally half-closes, and reads until the server closes the connection. */
    private String exchange(String request, boolean halfClose) throws IOException {
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return readUntilClosed(socket.getInputStream());
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // the server kept the connection open: what arrived is the answer
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
