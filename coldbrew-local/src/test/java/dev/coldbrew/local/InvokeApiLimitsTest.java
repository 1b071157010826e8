package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Invoke API's answers to requests refused before any function runs, seen on a raw socket, each in AWS's error
 * shape with a request id: a body announced over the limit is refused from its {@code Content-Length} without
 * waiting for it; a head over the limits (200 fields, 384 KiB) or a target with a malformed escape is answered and
 * the connection closed, as the reply says; a request within the limits leaves the connection open.
 */
class InvokeApiLimitsTest {
    private static final String INVOKE = "/2015-03-31/functions/echo/invocations";
    private static final int READ_TIMEOUT_MS = 10_000;
    /** How long a connection that stays open is watched for a close after its reply. */
    private static final int CLOSE_WAIT_MS = 500;

    LocalLambda lambda;
    HttpInvokeServer server;

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(line -> {}).build());
        server = lambda.serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    @Test
    void aBodyAnnouncedOverSixMegabytesIsRefusedFromItsContentLengthWithoutWaitingForIt() throws Exception {
        long announced = 7L * 1024 * 1024;
        String reply = exchange("POST " + INVOKE + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + announced
                + "\r\n\r\n{\"only\":\"the start\"");

        assertThat(reply)
                .startsWith("HTTP/1.1 413 ")
                .containsIgnoringCase("x-amzn-ErrorType: RequestTooLargeException")
                .containsIgnoringCase("x-amzn-RequestId: ")
                .containsIgnoringCase("Connection: close")
                .contains("\"Type\":\"User\"")
                .contains("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
    }

    @Test
    void anEventBodyAnnouncedOverOneMegabyteIsRefusedFromItsContentLength() throws Exception {
        String reply = exchange("POST " + INVOKE + " HTTP/1.1\r\nHost: localhost\r\nX-Amz-Invocation-Type: Event\r\n"
                + "Content-Length: " + (1024 * 1024 + 1) + "\r\n\r\n{");

        assertThat(reply).startsWith("HTTP/1.1 413 ").contains("smaller than 1048576 bytes");
    }

    @Test
    void anErrorCarriesARequestId() throws Exception {
        String reply = exchange("GET /2015-03-31/nothing HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(reply)
                .startsWith("HTTP/1.1 404 ")
                .containsIgnoringCase("x-amzn-ErrorType: UnknownOperationException")
                .containsIgnoringCase("x-amzn-RequestId: ");
    }

    @Test
    void aMalformedEscapeInTheFunctionNameIsAnInvalidFunctionNameNamingThePath() throws Exception {
        Reply reply = exchangeAll("POST /2015-03-31/functions/%zz/invocations HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 2\r\n\r\n{}");

        assertThat(reply.text())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("x-amzn-ErrorType: InvalidParameterValueException")
                .containsIgnoringCase("x-amzn-RequestId: ")
                .containsIgnoringCase("Connection: close")
                .endsWith("{\"Type\":\"User\",\"message\":\"invalid function name '%zz': malformed request target"
                        + " '/2015-03-31/functions/%zz/invocations': Malformed escape pair at index 22\"}");
        assertThat(reply.closed()).isTrue();
    }

    @Test
    void aMalformedEscapeInTheQueryIsAnInvalidParameterNamingTheTarget() throws Exception {
        Reply reply = exchangeAll(
                "POST " + INVOKE + "?Qualifier=%zz HTTP/1.1\r\nHost: localhost\r\n" + "Content-Length: 2\r\n\r\n{}");

        assertThat(reply.text())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("x-amzn-ErrorType: InvalidParameterValueException")
                .contains("\"message\":\"malformed request target '" + INVOKE + "?Qualifier=%zz'");
    }

    @Test
    void aOneMebibyteHeaderGetsAwsShapeNamingTheLimitAndTheFieldAndTheConnectionCloses() throws Exception {
        String huge = "X-Big: " + "a".repeat(1024 * 1024) + "\r\n";

        Reply reply = exchangeAll(
                "POST " + INVOKE + " HTTP/1.1\r\nHost: localhost\r\n" + huge + "Content-Length: 2\r\n\r\n{}");

        assertThat(reply.text())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("x-amzn-ErrorType: InvalidRequestContentException")
                .containsIgnoringCase("x-amzn-RequestId: ")
                .containsIgnoringCase("Connection: close")
                .endsWith("{\"Type\":\"User\",\"message\":\"request head over the limit of 393216 bytes: more than"
                        + " 393216 bytes read, the last in header field 'X-Big'\"}");
        assertThat(reply.closed()).isTrue();
    }

    @Test
    void aHeadOf201FieldsGetsAwsShapeNamingTheLimitAndTheFieldAndTheConnectionCloses() throws Exception {
        Reply reply = exchangeAll(withFields(201));

        assertThat(reply.text())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("x-amzn-ErrorType: InvalidRequestContentException")
                .containsIgnoringCase("x-amzn-RequestId: ")
                .containsIgnoringCase("Connection: close")
                .endsWith("{\"Type\":\"User\",\"message\":\"request head over the limit of 200 header fields: field"
                        + " 201 is 'Content-Length'\"}");
        assertThat(reply.closed()).isTrue();
    }

    @Test
    void aMalformedContentLengthGetsAwsShapeNamingIt() throws Exception {
        Reply reply = exchangeAll("POST " + INVOKE + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2x\r\n\r\n{}");

        assertThat(reply.text())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("x-amzn-ErrorType: InvalidRequestContentException")
                .containsIgnoringCase("x-amzn-RequestId: ")
                .endsWith("{\"Type\":\"User\",\"message\":\"malformed Content-Length '2x'\"}");
        assertThat(reply.closed()).isTrue();
    }

    @Test
    void aHeadOf200FieldsReachesTheInvokeApiAndTheConnectionStaysOpen() throws Exception {
        Reply reply = exchangeAll(withFields(200));

        assertThat(reply.text())
                .startsWith("HTTP/1.1 404 ")
                .containsIgnoringCase("x-amzn-ErrorType: ResourceNotFoundException")
                .doesNotContainIgnoringCase("Connection: close");
        assertThat(reply.closed()).isFalse();
    }

    @Test
    void aConnectionCarriesRequestAfterRequest() throws Exception {
        String list = "GET /2015-03-31/functions/ HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (Socket socket = connect()) {
            socket.getOutputStream().write((list + list).getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();

            assertThat(readReply(in)).startsWith("HTTP/1.1 200 ").contains("\"Functions\":[]");
            assertThat(readReply(in)).startsWith("HTTP/1.1 200 ").contains("\"Functions\":[]");
        }
    }

    /** An Invoke request with {@code count} header fields: Host, X-H1…, Content-Length last. */
    private static String withFields(int count) {
        StringBuilder request = new StringBuilder("POST " + INVOKE + " HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 1; i <= count - 2; i++) {
            request.append("X-H").append(i).append(": v\r\n");
        }
        return request.append("Content-Length: 2\r\n\r\n{}").toString();
    }

    /** A reply, and whether the server closed the connection after it (else it stayed open for the next request). */
    private record Reply(String text, boolean closed) {}

    /** Sends {@code request} on a new connection and reads the reply. */
    private String exchange(String request) throws IOException {
        return exchangeAll(request).text();
    }

    /** Sends {@code request} on a new connection, reads the reply, then whether the connection closes after it. */
    private Reply exchangeAll(String request) throws IOException {
        try (Socket socket = connect()) {
            send(socket, request);
            InputStream in = socket.getInputStream();
            String text = readReply(in);
            socket.setSoTimeout(CLOSE_WAIT_MS);
            boolean closed;
            try {
                closed = in.read() < 0;
            } catch (SocketTimeoutException open) {
                closed = false;
            }
            return new Reply(text, closed);
        }
    }

    private Socket connect() throws IOException {
        Socket socket =
                new Socket(server.address().getAddress(), server.address().getPort());
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    private static void send(Socket socket, String request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the server may close before it has read everything: what it answered is still read
        }
    }

    /** The reply's head and its Content-Length body; empty when the connection ends without a byte. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b; matched < 4 && (b = in.read()) >= 0; ) {
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        } catch (java.net.SocketException reset) {
            return head.toString(StandardCharsets.ISO_8859_1);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
