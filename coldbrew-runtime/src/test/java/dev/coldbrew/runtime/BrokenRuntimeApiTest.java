package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.io.IOException;
import java.io.InputStream;
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

    private String runAgainst(String reply) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = unused.environment();
            env.put(RuntimeApi.ENV_RUNTIME_API, "127.0.0.1:" + server.getLocalPort());
            BytesHandler handler = (event, c) -> {
                throw new AssertionError("no invocation expected");
            };
            try (InProcessRuntime runtime = InProcessRuntime.start(unused, env, handler)) {
                try (Socket socket = server.accept()) {
                    readHead(socket.getInputStream());
                    socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
                }
                server.close();
                assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
                return runtime.stderr();
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("runtime closed before sending its request");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static final String HEADERS = "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\n"
            + "Lambda-Runtime-Deadline-Ms: 4102444800000\r\n";

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
