package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * A small HTTP/1.1 server (RFC 9112): one thread of {@code executor} per connection, keep-alive, request bodies
 * framed by {@code Content-Length} or chunked <em>with trailer fields</em>, replies of a fixed length or chunked
 * (flushed as the handler flushes), one {@link HttpHandler} for every request. It serves the Runtime API (the local
 * Lambda's, the fake Runtime API's and the start-up bench's), the Invoke API and the API Gateway routes.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: its chunked decoder ({@code sun.net.httpserver
 * .ChunkedInputStream}) decodes the body before a handler sees it and fails with {@code invalid chunk end} on any
 * trailer field, and its API gives no access to the raw body, so a streamed {@code /response} that ends with
 * Lambda's error trailers could never be read; and it refuses a request head over its limits or with a target that
 * is not a URI before any handler runs (a closed connection, or its own HTML page), so the Invoke API could not
 * answer those in AWS's error shape. A library that reads trailers (Jetty, Netty, Helidon) would put hundreds of
 * classes on the start-up path of every environment and of the start-up bench; this server is what these APIs need
 * and no more, and it keeps the JDK's exchange API, so their handlers did not change.
 *
 * <p>A request head is read within {@link Http11Options.Limits} (nothing beyond them is buffered); a head over them,
 * malformed, or with a target that is not a URI is answered by the server's {@link Http11Options.Refuser} before
 * any handler runs, and the connection then closes.
 */
public final class Http11Server implements AutoCloseable {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int BUFFER_BYTES = 16 * 1024;
    /** The {@code errorType} of a request refused before any handler saw it: its head is not HTTP/1.1. */
    static final String ERROR_BAD_REQUEST = "BadRequest";
    /** Most bytes read and discarded after a refusal, so that a peer still sending gets the reply, not a reset. */
    static final long MAX_DISCARDED_BYTES = HttpBodies.MAX_DISCARDED_BYTES;
    /** How long a refused peer may stay silent before the connection closes without reading the rest. */
    static final int DISCARD_TIMEOUT_MS = 2_000;

    private final ServerSocket socket;
    private final ExecutorService executor;
    private final Http11Options options;
    private final HttpHandler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Http11Server(ServerSocket socket, ExecutorService executor, Http11Options options, HttpHandler handler) {
        this.socket = socket;
        this.executor = executor;
        this.options = options;
        this.handler = handler;
    }

    /** As {@link #start(InetSocketAddress, Http11Options, ExecutorService, HttpHandler)} with the defaults. */
    static Http11Server start(InetSocketAddress address, int backlog, ExecutorService executor, HttpHandler handler)
            throws IOException {
        return start(address, Http11Options.defaults(backlog), executor, handler);
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and serves {@code handler} on threads of {@code executor}, one
     * per connection; {@link #close()} does not shut {@code executor} down.
     */
    public static Http11Server start(
            InetSocketAddress address, Http11Options options, ExecutorService executor, HttpHandler handler)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(address, options.backlog());
        } catch (IOException e) {
            socket.close();
            throw new IOException("bind " + address + " failed: " + e.getMessage(), e);
        }
        Http11Server server = new Http11Server(socket, executor, options, handler);
        executor.execute(server::accept);
        return server;
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Stops accepting and closes every connection; a handler blocked on its socket then fails. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
        connections.forEach(Http11Server::closeQuietly);
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(connection);
            if (closed) {
                closeQuietly(connection);
                return;
            }
            try {
                executor.execute(() -> serve(connection));
            } catch (RuntimeException e) {
                closeQuietly(connection); // the executor is shutting down
                connections.remove(connection);
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream(), BUFFER_BYTES);
            OutputStream out = new BufferedOutputStream(connection.getOutputStream(), BUFFER_BYTES);
            InetSocketAddress local = (InetSocketAddress) connection.getLocalSocketAddress();
            InetSocketAddress remote = (InetSocketAddress) connection.getRemoteSocketAddress();
            int idleMs = (int) options.idleTimeout().toMillis();
            while (!closed) {
                Http11Exchange exchange;
                connection.setSoTimeout(idleMs); // a read that waits longer ends the connection (below)
                try {
                    exchange = next(in, out, local, remote);
                } catch (RequestHead.Malformed e) {
                    refuse(connection, in, out, e);
                    return;
                }
                if (exchange == null) {
                    return;
                }
                connection.setSoTimeout(0); // the handler reads the body as slowly as the peer sends it
                if (!serve(exchange, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the peer went away, stayed idle past the idle timeout (SocketTimeoutException), or the server closed
        } finally {
            connections.remove(connection);
        }
    }

    /**
     * Reads the next request's head: its exchange, or null when the peer closed the connection between requests.
     *
     * @throws RequestHead.Malformed when the request is refused before any handler sees it
     */
    private Http11Exchange next(InputStream in, OutputStream out, InetSocketAddress local, InetSocketAddress remote)
            throws IOException {
        RequestHead head = RequestHead.read(in, options.limits());
        if (head == null) {
            return null;
        }
        try {
            return new Http11Exchange(head, uri(head.target()), body(head, in), out, local, remote);
        } catch (RequestHead.Malformed e) {
            throw e.at(head.target());
        }
    }

    /** Serves one request; false when the connection must close after it. */
    private boolean serve(Http11Exchange exchange, OutputStream out) throws IOException {
        if ("100-continue".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Expect"))) {
            out.write(CONTINUE);
            out.flush();
        }
        try {
            handler.handle(exchange);
        } finally {
            exchange.close();
        }
        return exchange.keepAlive();
    }

    private static URI uri(String target) throws RequestHead.Malformed {
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            throw new RequestHead.Malformed(
                    Http11Options.Problem.MALFORMED_TARGET,
                    "malformed request target '" + target + "': " + e.getReason() + " at index " + e.getIndex(),
                    target);
        }
    }

    /** The request body as its head frames it (RFC 9112 §6.3): chunked, {@code Content-Length}, or none. */
    private static InputStream body(RequestHead head, InputStream in) throws RequestHead.Malformed {
        String transferEncoding = head.headers().getFirst("Transfer-Encoding");
        var lengths = head.headers().get("Content-Length");
        if (transferEncoding != null) {
            if (lengths != null) {
                throw new RequestHead.Malformed("both Transfer-Encoding and Content-Length");
            }
            if (!transferEncoding.strip().equalsIgnoreCase("chunked")) {
                throw new RequestHead.Malformed("unsupported Transfer-Encoding '" + transferEncoding + "'");
            }
            return new ChunkedRequestBody(in);
        }
        if (lengths == null) {
            return InputStream.nullInputStream();
        }
        if (lengths.size() != 1) {
            throw new RequestHead.Malformed("more than one Content-Length: " + lengths);
        }
        return new FixedLengthBody(in, contentLength(lengths.get(0)));
    }

    private static long contentLength(String value) throws RequestHead.Malformed {
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RequestHead.Malformed("malformed Content-Length '" + value + "'");
        }
        return Long.parseLong(digits);
    }

    /**
     * Answers a refused request with the {@link Http11Options.Refuser}'s reply and {@code Connection: close}, ends
     * the output, and reads what the peer goes on sending (at most {@link #MAX_DISCARDED_BYTES}, until it is silent for
     * {@link #DISCARD_TIMEOUT_MS}) so that a peer still writing its request reads the reply rather than a reset.
     */
    private void refuse(Socket connection, InputStream in, OutputStream out, RequestHead.Malformed e)
            throws IOException {
        Http11Options.Refusal refusal = options.refuser().refuse(e.problem(), e.target(), e.getMessage());
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ")
                .append(refusal.status())
                .append(' ')
                .append(Http11Exchange.reason(refusal.status()))
                .append("\r\n");
        refusal.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(refusal.body().length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(refusal.body());
        out.flush();
        connection.shutdownOutput();
        connection.setSoTimeout(DISCARD_TIMEOUT_MS);
        try {
            in.skipNBytes(MAX_DISCARDED_BYTES);
        } catch (IOException ended) {
            // the peer closed, reset or went silent once it had the reply
        }
    }

    /** The default refusal: 400 with a Runtime API error body ({@code errorType} {@link #ERROR_BAD_REQUEST}). */
    static Http11Options.Refusal badRequest(Http11Options.Problem problem, String target, String message) {
        return new Http11Options.Refusal(
                400,
                Map.of("Content-Type", "application/json"),
                Reply.error(400, ERROR_BAD_REQUEST, message).body());
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
