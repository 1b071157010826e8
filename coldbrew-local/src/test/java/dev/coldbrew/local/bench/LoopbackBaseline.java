package dev.coldbrew.local.bench;

import dev.coldbrew.runtime.api.server.Http11Options;
import dev.coldbrew.runtime.api.server.Http11Server;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor under every Runtime API exchange: one keep-alive HTTP request/response on loopback between a
 * raw-socket client (as the echo function) and coldbrew's {@link Http11Server} (as the local Lambda's Runtime API and
 * Invoke API).
 * A warm invoke makes two such exchanges (/response, then the next /next is answered by the following event).
 */
final class LoopbackBaseline {
    private LoopbackBaseline() {}

    static String measure(int invokes) throws Exception {
        byte[] ok = "{\"status\":\"OK\"}".getBytes(StandardCharsets.US_ASCII);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Http11Server server = Http11Server.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Http11Options.defaults(64),
                executor,
                http -> {
                    http.getRequestBody().readAllBytes();
                    http.sendResponseHeaders(202, ok.length);
                    try (OutputStream out = http.getResponseBody()) {
                        out.write(ok);
                    }
                });
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] request =
                    "POST /x HTTP/1.1\r\nHost: b\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);
            return WarmInvokeBenchmark.run("baseline: one loopback HTTP exchange", 1, invokes, () -> {
                        out.write(request);
                        out.flush();
                        readResponse(in);
                        return Boolean.TRUE;
                    })
                    .replace("envs=1", "      ");
        } finally {
            server.close();
            executor.shutdownNow();
        }
    }

    private static void readResponse(InputStream in) throws Exception {
        int length = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b == '\n') {
                String text = line.toString().trim();
                if (text.isEmpty()) {
                    break;
                }
                if (text.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(text.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        in.readNBytes(length);
    }
}
