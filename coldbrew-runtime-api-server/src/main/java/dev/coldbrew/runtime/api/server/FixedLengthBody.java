package dev.coldbrew.runtime.api.server;

import java.io.IOException;
import java.io.InputStream;

/** A request body of {@code Content-Length} bytes; the connection closing before its end fails the read. */
final class FixedLengthBody extends InputStream {
    private final InputStream in;
    private final long length;
    private long remaining;

    FixedLengthBody(InputStream in, long length) {
        this.in = in;
        this.length = length;
        this.remaining = length;
    }

    /** True once every announced byte was read. */
    boolean finished() {
        return remaining == 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new IOException("connection closed after " + (length - remaining) + " of " + length + " body bytes");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(remaining, in.available());
    }
}
