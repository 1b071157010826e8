package dev.coldbrew.runtime.api.http;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;

/**
 * One HTTP/1.1 keep-alive connection to one peer over a plain socket, with {@code TCP_NODELAY}, a connect timeout
 * and no read timeout (the Runtime API's {@code GET /next} blocks until an event arrives, for as long as it
 * takes, and the process may be frozen in between). The connection is opened on first use and again after the
 * peer closed it: a request that got no reply byte at all on a reused connection is sent once more on a new one.
 * Not thread-safe: one exchange at a time.
 */
public final class HttpConnection implements Closeable {
    private static final int WRITE_BUFFER_BYTES = 16 * 1024;

    private final String host;
    private final int port;
    private final int connectTimeoutMs;
    private final String target;
    private Socket socket;
    private OutputStream out;
    private HttpReplyReader reader;
    private boolean reused;
    private String pendingContext;

    public HttpConnection(String host, int port, int connectTimeoutMs) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = connectTimeoutMs;
        this.target = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code host:port} ({@code [v6]:port} for an IPv6 literal), as in error messages and the {@code Host} header. */
    public String target() {
        return target;
    }

    /**
     * Sends {@code request} and reads the whole reply.
     *
     * @throws HttpException when the connection fails or the reply is not valid HTTP/1.1; the connection is then
     *     closed and the next exchange opens a new one
     */
    public HttpReply exchange(HttpRequest request) throws IOException {
        return exchange(request, HttpReplyReader.MAX_BODY_BYTES);
    }

    /**
     * Sends {@code request} and reads the whole reply, failing with an {@link HttpException} that names the length
     * when the reply body is longer than {@code maxBodyBytes}.
     */
    public HttpReply exchange(HttpRequest request, long maxBodyBytes) throws IOException {
        if (request.chunkedBody() != null) {
            ChunkedOutputStream body = openChunked(request);
            try {
                request.chunkedBody().writeTo(body);
            } catch (IOException | RuntimeException e) {
                close();
                throw new HttpException(
                        pendingContext + " failed while sending the body after " + body.bytesWritten() + " bytes: " + e,
                        e);
            }
            return finishChunked(body, maxBodyBytes);
        }
        String context = request.describe() + " to " + target;
        try {
            return attempt(request, context, maxBodyBytes);
        } catch (NoReplyException e) {
            if (!reused) {
                throw e;
            }
            close();
            return attempt(request, context, maxBodyBytes);
        }
    }

    /**
     * Starts {@code request} with a chunked body on a connection of its own (the idle one is closed): sends the
     * head and returns the body stream. Write the body, then call {@link #finishChunked}; the connection is closed
     * after the reply, as the Runtime API's streaming contract asks.
     */
    public ChunkedOutputStream openChunked(HttpRequest request) throws IOException {
        close();
        String context = request.describe() + " to " + target;
        open(context);
        reused = false;
        pendingContext = context;
        try {
            out.write(HttpWire.head(request, target, true));
            return new ChunkedOutputStream(out);
        } catch (IOException e) {
            close();
            throw new HttpException(context + " failed while sending the request head: " + e, e);
        }
    }

    /**
     * Ends the chunked body (last chunk and trailers), reads the reply and closes the connection, failing with an
     * {@link HttpException} that names the length when the reply body is longer than {@code maxBodyBytes}.
     */
    public HttpReply finishChunked(ChunkedOutputStream body, long maxBodyBytes) throws IOException {
        try {
            body.finish();
        } catch (IOException e) {
            close();
            throw new HttpException(
                    pendingContext + " failed while ending the body after " + body.bytesWritten() + " bytes: " + e, e);
        }
        try {
            return reader.read(pendingContext, maxBodyBytes);
        } finally {
            close();
        }
    }

    /** {@code "POST /path to host:port"} of the chunked request in progress. */
    public String pendingContext() {
        return pendingContext;
    }

    private HttpReply attempt(HttpRequest request, String context, long maxBodyBytes) throws IOException {
        boolean wasOpen = socket != null;
        if (!wasOpen) {
            open(context);
        }
        reused = wasOpen;
        try {
            send(request, context);
            HttpReply reply = reader.read(context, maxBodyBytes);
            if (HttpReplyReader.closes(reply, false)) {
                close();
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void send(HttpRequest request, String context) throws IOException {
        try {
            out.write(HttpWire.head(request, target, false));
            if (request.body() != null) {
                out.write(request.body());
            }
            out.flush();
        } catch (IOException e) {
            if (reused) {
                throw new NoReplyException(context + " failed while sending the request: " + e, e);
            }
            throw new HttpException(context + " failed while sending the request: " + e, e);
        }
    }

    private void open(String context) throws HttpException {
        // No proxy: the Runtime API is on loopback, and skipping the proxy selector skips its classes at start-up.
        Socket s = new Socket(Proxy.NO_PROXY);
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            socket = s;
            out = new BufferedOutputStream(s.getOutputStream(), WRITE_BUFFER_BYTES);
            reader = new HttpReplyReader(s.getInputStream());
        } catch (IOException e) {
            closeQuietly(s);
            throw new HttpException(context + " failed: cannot connect within " + connectTimeoutMs + " ms: " + e, e);
        }
    }

    /** True while a connection is open (it may still have been closed by the peer). */
    public boolean isOpen() {
        return socket != null;
    }

    @Override
    public void close() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
            out = null;
            reader = null;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing left to release
        }
    }
}
