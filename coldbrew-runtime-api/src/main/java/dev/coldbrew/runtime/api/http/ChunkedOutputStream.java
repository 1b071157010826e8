package dev.coldbrew.runtime.api.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 chunked transfer coding (RFC 9112 §7.1) with trailer fields: every {@link #write} of n > 0 bytes is
 * one chunk, {@link #flush()} pushes it to the peer, and {@link #finish()} writes the last chunk and the trailers.
 * Closing this stream does not close the connection underneath.
 */
public final class ChunkedOutputStream extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final HttpHeaders trailers = new HttpHeaders();
    private long bytesWritten;
    private boolean finished;

    public ChunkedOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException(
                    "write chunk failed: the chunked body was already finished after " + bytesWritten + " bytes");
        }
        if (len == 0) {
            return;
        }
        out.write(Integer.toHexString(len).getBytes(StandardCharsets.ISO_8859_1));
        out.write(CRLF);
        out.write(b, off, len);
        out.write(CRLF);
        bytesWritten += len;
    }

    /** Adds a trailer field, sent by {@link #finish()} (declare its name in a {@code Trailer} header). */
    public void trailer(String name, String value) {
        HttpWire.requireFieldValue(name, value);
        trailers.add(name, value);
    }

    /** The body bytes written so far (without chunk framing). */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the last chunk and the trailer fields; idempotent. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        StringBuilder end = new StringBuilder("0\r\n");
        for (int i = 0; i < trailers.size(); i++) {
            end.append(trailers.name(i)).append(": ").append(trailers.value(i)).append("\r\n");
        }
        end.append("\r\n");
        out.write(end.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
