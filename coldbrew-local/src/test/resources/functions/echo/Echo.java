import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The benchmark's echo function: a minimal Runtime API loop on one keep-alive socket (HTTP/1.1 written by hand),
 * so that the time measured is the local Lambda's, not an HTTP client's. Once its first /next request is
 * written to the socket it logs {@code first-next <epoch ns>} so that init can be timed from outside the local Lambda.
 */
public class Echo {
    public static void main(String[] args) throws IOException {
        String[] hostPort = System.getenv("AWS_LAMBDA_RUNTIME_API").split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean first = true;
            while (true) {
                out.write("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: rapi\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (first) {
                    Instant sent = Instant.now();
                    System.out.println("first-next " + (sent.getEpochSecond() * 1_000_000_000L + sent.getNano()));
                    first = false;
                }
                String[] id = new String[1];
                byte[] event = readResponse(in, id);
                String head = "POST /2018-06-01/runtime/invocation/" + id[0] + "/response HTTP/1.1\r\nHost: rapi\r\n"
                        + "Content-Length: " + event.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(event);
                out.flush();
                readResponse(in, new String[1]);
            }
        }
    }

    /** Reads one response with a Content-Length body; stores the request id header, if any, in {@code id[0]}. */
    static byte[] readResponse(InputStream in, String[] id) throws IOException {
        int length = 0;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Lambda-Runtime-Aws-Request-Id")) {
                id[0] = value;
            }
        }
        return in.readNBytes(length);
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Runtime API closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
