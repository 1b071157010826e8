package dev.coldbrew.gorpc.gob;

import java.io.IOException;

/**
 * A gob stream that cannot be decoded: malformed, truncated, over a limit, or using a construct coldbrew does
 * not support. The message names the operation, the type id and the stream offset where it went wrong. After
 * this exception the stream's type state is unreliable, so the connection that carried it must be closed.
 */
public final class GobException extends IOException {
    private static final long serialVersionUID = 1L;

    public GobException(String message) {
        super(message);
    }

    public GobException(String message, Throwable cause) {
        super(message, cause);
    }
}
