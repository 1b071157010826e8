package dev.coldbrew.local.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The floor under every Runtime API exchange: one keep-alive HTTP request/response on loopback between a
 * raw-socket client (as the echo function) and the JDK server with virtual threads (as the local Lambda).
 * A warm invoke makes two such exchanges (/response, then the next /next is answered by the following event).
 */
final class LoopbackBaseline {
    private LoopbackBaseline() {}

    static String measure(int invokes) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        byte[] ok = "{\"status\":\"OK\"}".getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", http -> {
            http.getRequestBody().readAllBytes();
            http.sendResponseHeaders(202, ok.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(ok);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        try (Socket socket =
                new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
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
            server.stop(0);
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
