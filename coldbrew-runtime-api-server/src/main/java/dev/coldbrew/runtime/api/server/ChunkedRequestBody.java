package dev.coldbrew.runtime.api.server;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;

/**
 * A chunked request body (RFC 9112 §7.1) decoded as it is read, trailer fields included: after the last chunk
 * {@link #trailers()} holds the fields that followed it (the JDK's own decoder fails on them, which is why
 * {@link Http11Server} exists). A body cut off or mis-framed fails the read with an {@link IOException} that says
 * where; the stream then stays failed.
 */
final class ChunkedRequestBody extends InputStream {
    private final InputStream in;
    private final Headers trailers = new Headers();
    private long remaining; // bytes left in the current chunk
    private long read;
    private boolean done;
    private IOException failure;

    ChunkedRequestBody(InputStream in) {
        this.in = in;
    }

    /** The trailer fields, complete once the body has been read to its end (empty before, or without any). */
    Headers trailers() {
        return trailers;
    }

    /** True once the last chunk and the trailers were read: the connection is at the next request. */
    boolean finished() {
        return done;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        try {
            if (remaining == 0 && !done && !nextChunk()) {
                return -1;
            }
            if (done) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("chunked body ended after " + read + " bytes, inside a chunk");
            }
            remaining -= n;
            read += n;
            if (remaining == 0) {
                chunkEnd();
            }
            return n;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Reads a chunk size line; false (and the trailers read) at the last chunk. */
    private boolean nextChunk() throws IOException {
        String line = RequestHead.line(in, false);
        int extension = line.indexOf(';');
        String hex = (extension < 0 ? line : line.substring(0, extension)).strip();
        long size = 0;
        if (hex.isEmpty() || hex.length() > 15) {
            throw new IOException("malformed chunk size '" + line + "' after " + read + " bytes");
        }
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new IOException("malformed chunk size '" + line + "' after " + read + " bytes");
            }
            size = size * 16 + digit;
        }
        if (size == 0) {
            trailers.putAll(RequestHead.fields(in));
            done = true;
            return false;
        }
        remaining = size;
        return true;
    }

    private void chunkEnd() throws IOException {
        String end = RequestHead.line(in, false);
        if (!end.isEmpty()) {
            throw new IOException("chunk not followed by CRLF but '" + end + "' after " + read + " bytes");
        }
    }

    @Override
    public int available() throws IOException {
        return done || failure != null ? 0 : (int) Math.min(remaining, in.available());
    }
}
