package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The buffered output of a stream handler, capped at Lambda's response limit. */
public final class ResponseBuffer extends OutputStream {
    private static final int INITIAL_BYTES = 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(INITIAL_BYTES);

    /** An empty buffer. */
    public ResponseBuffer() {}

    @Override
    public void write(int b) throws IOException {
        require(1);
        bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        require(len);
        bytes.write(b, off, len);
    }

    private void require(int more) throws ResponseTooLargeException {
        long total = (long) bytes.size() + more;
        if (total > RuntimeApi.MAX_RESPONSE_BYTES) {
            throw new ResponseTooLargeException(total, RuntimeApi.MAX_RESPONSE_BYTES);
        }
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
