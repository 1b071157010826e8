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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Invoke API's answers to requests refused before any function runs, seen on a raw socket: a body announced
 * over the limit is refused from its {@code Content-Length} without waiting for it, and what the JDK's HTTP server
 * does itself with requests it refuses before coldbrew sees them (pinned here, explained in the README).
 */
class InvokeApiLimitsTest {
    private static final String INVOKE = "/2015-03-31/functions/echo/invocations";
    private static final int READ_TIMEOUT_MS = 10_000;

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

    /** The JDK server refuses a bad percent-escape itself, before any handler: an HTML 400 (see the README). */
    @Test
    void aMalformedEscapeInThePathGetsTheJdkServersOwnHtml400() throws Exception {
        String reply = exchange("POST /2015-03-31/functions/%zz/invocations HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 2\r\n\r\n{}");

        assertThat(reply).startsWith("HTTP/1.1 400 ").contains("URISyntaxException");
    }

    /** Over the JDK server's header limits the connection closes without a reply (see the README). */
    @Test
    void overTheJdkServersHeaderLimitsTheConnectionClosesWithoutAReply() throws Exception {
        String huge = "X-Big: " + "a".repeat(1024 * 1024) + "\r\n";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }

        String bigHeader =
                exchange("POST " + INVOKE + " HTTP/1.1\r\nHost: localhost\r\n" + huge + "Content-Length: 2\r\n\r\n{}");
        String manyHeaders =
                exchange("POST " + INVOKE + " HTTP/1.1\r\nHost: localhost\r\n" + many + "Content-Length: 2\r\n\r\n{}");

        assertThat(bigHeader).isEmpty();
        assertThat(manyHeaders).isEmpty();
    }

    /** Sends {@code request} on a new connection and reads what comes back until the server closes or stops. */
    private String exchange(String request) throws IOException {
        try (Socket socket =
                new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may close before it has read everything: what it answered is still read below
            }
            return readReply(socket.getInputStream());
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
