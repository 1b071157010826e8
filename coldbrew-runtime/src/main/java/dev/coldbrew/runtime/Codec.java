package dev.coldbrew.runtime;

/**
 * Converts between event/response bytes and values of {@code T}. Codecs are explicit objects, chosen when a
 * handler is registered, so nothing is looked up or reflected upon per invocation. A failure to decode an event is
 * reported as a function error like an exception from the handler.
 */
public interface Codec<T> {
    T decode(byte[] bytes) throws Exception;

    byte[] encode(T value) throws Exception;

    /** The {@code Content-Type} of encoded values, sent with responses. */
    default String contentType() {
        return dev.coldbrew.runtime.api.RuntimeApi.CONTENT_TYPE_JSON;
    }
}
