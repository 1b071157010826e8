package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.IOException;

/**
 * A handler wrote more than Lambda accepts ({@link RuntimeApi#MAX_RESPONSE_BYTES} buffered,
 * {@link RuntimeApi#MAX_STREAMED_RESPONSE_BYTES} streamed). Thrown from the output stream's {@code write} so the
 * handler stops early; reported as {@code Function.ResponseSizeTooLarge}.
 */
public final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long bytes;
    private final long limit;

    public ResponseTooLargeException(long bytes, long limit) {
        super("write response failed: " + bytes + " bytes exceed Lambda's limit of " + limit + " bytes");
        this.bytes = bytes;
        this.limit = limit;
    }

    /** The limit the response exceeded, in bytes. */
    public long limit() {
        return limit;
    }

    /** How many bytes the handler had tried to write. */
    public long bytes() {
        return bytes;
    }
}
