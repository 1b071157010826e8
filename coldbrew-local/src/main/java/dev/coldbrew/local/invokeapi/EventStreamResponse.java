package dev.coldbrew.local.invokeapi;

import com.sun.net.httpserver.HttpExchange;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.runtimeapi.ResponseStream;
import dev.coldbrew.runtime.api.ErrorResponse;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The reply to one {@code InvokeWithResponseStream}: 200 with the function's content type, then a
 * {@code PayloadChunk} event for each part the function writes, sent at once, and an {@code InvokeComplete} event
 * at the end ({@link EventStreamFrames}). The head goes out when the function starts streaming, or at the end for
 * a function that answered without streaming (its whole response is then one {@code PayloadChunk}), so that an
 * invoke refused before the function ran (404, 429) keeps the Invoke API's error shape.
 *
 * <p>Lambda's bandwidth rule is kept: the first {@link #BURST_BYTES} go uncapped, the rest at most
 * {@link #RATE_BYTES_PER_SECOND} (the Runtime Interface Emulator's defaults for Lambda's 6 MB and 2 MBps); a write
 * over the rate waits, which holds back the function's writes as on Lambda.
 */
final class EventStreamResponse implements ResponseStream {
    /** Bytes streamed at full speed before the rate applies: 6 MiB. */
    static final long BURST_BYTES = 6L * 1024 * 1024;
    /** The rate after {@link #BURST_BYTES}: 2 MiB/s. */
    static final long RATE_BYTES_PER_SECOND = 2L * 1024 * 1024;

    private final HttpExchange http;
    private OutputStream body;
    private boolean streamed;
    private long sentBytes;
    private long burstEndNanos;

    EventStreamResponse(HttpExchange http) {
        this.http = http;
    }

    @Override
    public synchronized OutputStream open(String requestId, String contentType) throws IOException {
        start(requestId, contentType);
        streamed = true;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                chunk(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                flushBody();
            }
        };
    }

    private synchronized void flushBody() throws IOException {
        body.flush();
    }

    /** True once the head was sent: the reply is an event stream from here on. */
    synchronized boolean started() {
        return body != null;
    }

    /** Ends the stream with {@code result}: its buffered payload when nothing was streamed, then InvokeComplete. */
    synchronized void complete(InvocationResult result, boolean tail) throws IOException {
        start(result.requestId(), result.contentType() == null ? RuntimeApi.CONTENT_TYPE_JSON : result.contentType());
        if (!result.isFunctionError() && !streamed && result.payload().length > 0) {
            chunk(result.payload(), 0, result.payload().length);
        }
        String code = null;
        String details = null;
        if (result.isFunctionError()) {
            ErrorResponse error = error(result.payload());
            code = error.errorType();
            details = error.errorMessage();
        }
        body.write(EventStreamFrames.invokeComplete(code, details, tail ? InvokeWire.logTail(result.log()) : null));
        body.close();
    }

    /** The error's type and message; the whole body as the message when it is not Lambda's error JSON. */
    private static ErrorResponse error(byte[] payload) {
        if (JsonReader.isValid(payload)) {
            try {
                ErrorResponse error = ErrorResponse.fromJson(payload);
                if (error.errorType() != null) {
                    return error;
                }
            } catch (RuntimeException notAnObject) {
                // fall through: the body as sent
            }
        }
        return new ErrorResponse(new String(payload, StandardCharsets.UTF_8), RuntimeApi.FN_ERROR_UNKNOWN);
    }

    private void start(String requestId, String contentType) throws IOException {
        if (body != null) {
            return;
        }
        if (requestId != null && !requestId.isEmpty()) {
            http.getResponseHeaders().set(InvokeWire.HEADER_REQUEST_ID, requestId);
        }
        http.getResponseHeaders().set(InvokeWire.HEADER_EXECUTED_VERSION, InvokeWire.LATEST);
        // the operation's ResponseStreamContentType member is bound to Content-Type; the body is an event stream
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(200, 0);
        body = http.getResponseBody();
    }

    private synchronized void chunk(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        pace(length);
        body.write(EventStreamFrames.payloadChunk(bytes, offset, length));
        sentBytes += length;
    }

    /** Waits until sending {@code length} more bytes keeps the rate after the burst. */
    private void pace(int length) throws IOException {
        long after = sentBytes + length - BURST_BYTES;
        if (after <= 0) {
            return;
        }
        if (burstEndNanos == 0) {
            burstEndNanos = System.nanoTime();
        }
        long dueNanos = burstEndNanos + after * 1_000_000_000L / RATE_BYTES_PER_SECOND;
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("streaming to the caller interrupted", e);
            }
        }
    }
}
