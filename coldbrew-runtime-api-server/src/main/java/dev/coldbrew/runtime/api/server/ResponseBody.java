package dev.coldbrew.runtime.api.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reply body as {@link Http11Exchange#sendResponseHeaders} framed it: {@code Content-Length} bytes exactly, or
 * chunked (a length of 0, as on the JDK's server), written through the connection's buffer. {@link #flush()}
 * pushes what was written to the peer; {@link #close()} ends the body (the last chunk, or a check that every
 * announced byte was written) and flushes. Closing does not close the connection.
 */
final class ResponseBody extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final OutputStream out;
    private final boolean chunked;
    private final boolean discarding;
    private long remaining;
    private boolean closed;

    /** A body of {@code length} bytes, or chunked when {@code length} is negative. */
    ResponseBody(OutputStream out, long length) {
        this(out, length, false);
    }

    private ResponseBody(OutputStream out, long length, boolean discarding) {
        this.out = out;
        this.chunked = length < 0;
        this.remaining = length;
        this.discarding = discarding;
    }

    /** The body of a reply to {@code HEAD} (RFC 9110 §9.3.2): what the handler writes is dropped. */
    static ResponseBody discarding(OutputStream out) {
        return new ResponseBody(out, 0, true);
    }

    /** True when the body was closed with every byte it announced: the connection can carry the next request. */
    boolean complete() {
        return closed && (chunked || remaining == 0 || discarding);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("reply body already closed");
        }
        if (len == 0 || discarding) {
            return;
        }
        if (chunked) {
            out.write(Integer.toHexString(len).getBytes(StandardCharsets.ISO_8859_1));
            out.write(CRLF);
            out.write(b, off, len);
            out.write(CRLF);
            return;
        }
        if (len > remaining) {
            throw new IOException(
                    "reply body longer than its Content-Length: " + len + " bytes with " + remaining + " left");
        }
        out.write(b, off, len);
        remaining -= len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (chunked) {
            out.write(LAST_CHUNK);
        }
        out.flush();
        if (!chunked && !discarding && remaining > 0) {
            throw new IOException("reply body closed " + remaining + " bytes short of its Content-Length");
        }
    }
}
