package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole runtime against a Runtime API that answers {@code GET /next} with broken bytes from a raw socket:
 * every case ends the runtime with a clear message on stderr, never a hang and never an invocation.
 */
// The runtime under test runs while the try block's body drives the broken peer.
@SuppressWarnings("try")
class BrokenRuntimeApiTest {
    @RegisterExtension
    final FakeRuntimeApi unused = new FakeRuntimeApi();

    /** The broken peer's side of one connection: reads the runtime's requests and writes what it likes. */
    private interface Peer {
        void serve(Socket socket) throws IOException;
    }

    private String runAgainst(String reply) throws Exception {
        BytesHandler handler = (event, c) -> {
            throw new AssertionError("no invocation expected");
        };
        return runAgainst(handler, socket -> {
            readHead(socket.getInputStream());
            socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    private String runAgainst(BytesHandler handler, Peer peer) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = unused.environment();
            env.put(RuntimeApi.ENV_RUNTIME_API, "127.0.0.1:" + server.getLocalPort());
            try (InProcessRuntime runtime = InProcessRuntime.start(unused, env, handler)) {
                try (Socket socket = server.accept()) {
                    peer.serve(socket);
                }
                server.close();
                assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
                return runtime.stderr();
            }
        }
    }

    /** Reads one request head and returns its Content-Length (0 without one). */
    private static int readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("runtime closed before sending its request");
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    /** Answers the first {@code GET /next} with an event, reads the handler's {@code POST /response}, then {@code reply}. */
    private String afterOneInvocation(Peer reply) throws Exception {
        BytesHandler echo = (event, c) -> event;
        return runAgainst(echo, socket -> {
            InputStream in = socket.getInputStream();
            readHead(in);
            socket.getOutputStream()
                    .write((HEADERS + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
            in.readNBytes(readHead(in));
            reply.serve(socket);
        });
    }

    /** Writes {@code chunk} until {@code bytes} are written or the runtime closes the connection. */
    private static void writeUpTo(OutputStream out, byte[] chunk, long bytes) {
        try {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the runtime gave up reading, as it should
        }
    }

    private static final String HEADERS = "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
            + "Lambda-Runtime-Deadline-Ms: 4102444800000\r\n";

    @Test
    void a202WithAHugeBodyEndsTheRuntimeWithoutReadingIt() throws Exception {
        long huge = 200L * 1024 * 1024;
        String stderr = afterOneInvocation(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 202 Accepted\r\nContent-Length: " + huge + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            writeUpTo(out, new byte[64 * 1024], huge);
        });
        assertThat(stderr)
                .contains("POST /2018-06-01/runtime/invocation/r1/response to 127.0.0.1:")
                .contains("Content-Length " + huge + " exceeds " + RuntimeApiClient.MAX_REPLY_BODY_BYTES + " bytes")
                .doesNotContain("OutOfMemoryError");
    }

    @Test
    void a202WithAnEndlessChunkedBodyEndsTheRuntime() throws Exception {
        String stderr = afterOneInvocation(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            writeUpTo(out, chunk, 200L * 1024 * 1024);
        });
        assertThat(stderr)
                .contains("exceeds " + RuntimeApiClient.MAX_REPLY_BODY_BYTES + " bytes")
                .doesNotContain("OutOfMemoryError");
    }

    @Test
    void anEndlessStreamOfInterimRepliesEndsTheRuntime() throws Exception {
        String stderr = afterOneInvocation(socket -> writeUpTo(
                socket.getOutputStream(),
                "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                24L * 1024 * 1024));
        assertThat(stderr).contains("more than 8 interim replies, the last 'HTTP/1.1 100 Continue'");
    }

    @Test
    void truncatedBodyEndsTheRuntime() throws Exception {
        assertThat(runAgainst(HEADERS + "Content-Length: 100\r\n\r\n{\"cut\":"))
                .contains("GET /2018-06-01/runtime/invocation/next to 127.0.0.1:")
                .contains("closed in the body after 7 of 100 bytes");
    }

    @Test
    void connectionClosedMidHeadersEndsTheRuntime() throws Exception {
        assertThat(runAgainst("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Req")).contains("closed in the header fields");
    }

    @Test
    void connectionClosedBeforeAnyReplyEndsTheRuntime() throws Exception {
        assertThat(runAgainst("")).contains("closed before any reply byte");
    }

    @Test
    void garbageInsteadOfHttpEndsTheRuntime() throws Exception {
        assertThat(runAgainst("SSH-2.0-OpenSSH_9.6\r\n")).contains("malformed status line 'SSH-2.0-OpenSSH_9.6'");
    }
}
