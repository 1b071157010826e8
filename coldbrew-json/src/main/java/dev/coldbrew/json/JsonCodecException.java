package dev.coldbrew.json;

/** A value that could not be decoded from or encoded to JSON; the message names the operation and the type. */
public final class JsonCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
