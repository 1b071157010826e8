package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request and its reply on a connection of {@link Http11Server}, behind the JDK's {@link HttpExchange} API so
 * that the handlers written for it serve unchanged: {@code sendResponseHeaders} with a length of -1 for no body, 0
 * for a chunked one, else {@code Content-Length} (to {@code HEAD}: the head only, the body written is dropped);
 * {@link #close()} ends the reply and reads what is left of the request body. Beyond the JDK's exchange it gives a
 * chunked body's {@link #trailers()}.
 */
final class Http11Exchange extends HttpExchange {
    /** Most unread request body bytes {@link #close()} discards to keep the connection; beyond, it closes. */
    static final long MAX_DRAINED_BYTES = 64 * 1024;

    private final RequestHead head;
    private final URI uri;
    private final InputStream body;
    private final OutputStream connection;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private ResponseBody responseBody;
    private int responseCode = -1;
    private boolean keepAlive;

    Http11Exchange(
            RequestHead head,
            URI uri,
            InputStream body,
            OutputStream connection,
            InetSocketAddress local,
            InetSocketAddress remote) {
        this.head = head;
        this.uri = uri;
        this.body = body;
        this.connection = connection;
        this.local = local;
        this.remote = remote;
        this.keepAlive = !head.closesConnection();
    }

    /** The trailer fields of a chunked request body once it was read to its end; empty for any other body. */
    Headers trailers() {
        return body instanceof ChunkedRequestBody chunked ? chunked.trailers() : new Headers();
    }

    /** True when the connection can carry another request after {@link #close()}. */
    boolean keepAlive() {
        return keepAlive;
    }

    @Override
    public void sendResponseHeaders(int status, long length) throws IOException {
        if (responseCode >= 0) {
            throw new IOException("reply headers already sent with status " + responseCode);
        }
        responseCode = status;
        boolean noBody = length < 0 || status == 204 || status == 304 || (status >= 100 && status < 200);
        String close = responseHeaders.getFirst("Connection");
        if (close != null && close.equalsIgnoreCase("close")) {
            keepAlive = false;
        } else if (!keepAlive) {
            responseHeaders.set("Connection", "close");
        }
        StringBuilder reply = new StringBuilder(256)
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        responseHeaders.remove("Content-Length");
        responseHeaders.remove("Transfer-Encoding");
        responseHeaders.forEach((name, values) -> values.forEach(
                value -> reply.append(name).append(": ").append(value).append("\r\n")));
        boolean toHead = head.method().equals("HEAD");
        if (length == 0 && !noBody) {
            reply.append(toHead ? "" : "Transfer-Encoding: chunked\r\n");
        } else if (status != 204 && status != 304) {
            reply.append("Content-Length: ").append(noBody ? 0 : length).append("\r\n");
        }
        connection.write(reply.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        responseBody = toHead
                ? ResponseBody.discarding(connection)
                : new ResponseBody(connection, noBody ? 0 : length == 0 ? -1 : length);
    }

    /**
     * Ends the exchange: closes the reply body (a reply never sent, or one short of its length, closes the
     * connection) and discards what the handler left unread of the request body, up to {@link #MAX_DRAINED_BYTES}.
     */
    @Override
    public void close() {
        try {
            if (responseBody == null) {
                keepAlive = false;
                return;
            }
            responseBody.close();
            if (!responseBody.complete() || !drained()) {
                keepAlive = false;
            }
        } catch (IOException e) {
            keepAlive = false;
        }
    }

    private boolean drained() throws IOException {
        long skipped = body.skip(MAX_DRAINED_BYTES);
        boolean atEnd = body.read() < 0;
        return atEnd && skipped <= MAX_DRAINED_BYTES;
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    /** The server has one handler and no contexts: there is none to give. */
    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("Http11Server has no HttpContext: it serves one handler");
    }

    @Override
    public InputStream getRequestBody() {
        return body;
    }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("getResponseBody before sendResponseHeaders");
        }
        return responseBody;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return head.version();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    /** Filters that wrap the streams are not supported: the server has none. */
    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("Http11Server has no filters to wrap the streams");
    }

    /** No authentication: always null, as the JDK's exchange without an authenticator. */
    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** The reason phrase of {@code status} (RFC 9110 §15); clients ignore it, people reading a trace do not. */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
