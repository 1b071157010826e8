package dev.coldbrew.runtime.api.json;

/** Malformed JSON or JSON of the wrong shape; the message names the offset or field and what was found. */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
