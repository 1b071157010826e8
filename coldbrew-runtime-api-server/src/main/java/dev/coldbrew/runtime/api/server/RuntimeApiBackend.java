package dev.coldbrew.runtime.api.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The side of a {@link RuntimeApiServer} that owns the events: where {@code GET /next} takes them from and where
 * the runtime's answers go. The server has already applied Lambda's rules (routes, methods, request id state, body
 * limits, response mode) and replied; a backend decides only what the events are and what an answer means.
 */
public interface RuntimeApiBackend {

    /**
     * Blocks, without a timeout as Lambda's long poll, until there is an event for {@code GET /next}.
     *
     * @return the reply, or null when the server is closing (the connection then ends without a reply)
     * @throws InterruptedException when the server closes while waiting
     */
    NextEvent next() throws InterruptedException;

    /** {@code event} was fully written to the runtime (the body flushed). */
    default void sent(NextEvent event) {}

    /**
     * {@code event}, taken from {@link #next()}, could not be written: the {@code GET /next} that waited for it was
     * abandoned (its connection closed) or the server is closing. The backend hands it to the next {@code /next}
     * instead, as Lambda delivers an event only to a runtime that receives it.
     */
    void undelivered(NextEvent event);

    /**
     * Where the body of a streamed {@code /response} for {@code requestId} goes as it arrives, or null (the default)
     * to receive it whole in {@link #answered}. The server writes each part it reads and then flushes, and when the
     * body ends calls {@link #answered} with an {@link Answer.Response} whose body is empty (its error trailers
     * included), or with {@link Answer.TooLarge} / {@link Answer.Failed} when it ends over the limit or early. A
     * write that fails (the caller went away) stops the forwarding; the server still reads the body to its end.
     *
     * @param contentType the response's content type ({@code application/octet-stream} when it sent none)
     */
    default OutputStream streamTo(String requestId, String contentType) throws IOException {
        return null;
    }

    /** The runtime answered {@code requestId}, an id it was handed and had not answered before. */
    void answered(String requestId, Answer answer);

    /**
     * The runtime posted {@code /init/error} before its first {@code /next}.
     *
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or null
     */
    void initFailed(String errorType, byte[] body);

    /** Every request as it arrives, before it is answered (a {@code GET /next} before it waits). */
    default void received(ReceivedRequest request) {}

    /** A reply that replaces the normal one for {@code request}, or null for the normal one; for fakes only. */
    default Reply replacement(ReceivedRequest request) {
        return null;
    }

    /**
     * Whether SnapStart's {@code /restore/*} endpoints are served: {@code restore/next} answers at once, as after a
     * restore, and {@code restore/error} is accepted. Without SnapStart both are 403, as in Lambda.
     */
    default boolean snapStart() {
        return false;
    }
}
