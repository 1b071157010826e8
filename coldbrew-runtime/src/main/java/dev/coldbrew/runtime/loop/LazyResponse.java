package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ResponseTooLargeException;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.api.StreamingResponse;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Outcome;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream a streaming handler writes to: the streaming {@code /response} request starts with the first
 * byte, so a handler that fails before writing anything can still be reported through {@code /error}. Capped at
 * {@link RuntimeApi#MAX_STREAMED_RESPONSE_BYTES}. A failure of the Runtime API connection is remembered so the
 * loop can tell it from the handler's own exceptions. Closing it does not end the response.
 */
final class LazyResponse extends OutputStream {
    private final RuntimeApiClient client;
    private final String requestId;
    private final String contentType;
    private StreamingResponse response;
    private IOException transportFailure;
    private long bytes;

    LazyResponse(RuntimeApiClient client, String requestId, String contentType) {
        this.client = client;
        this.requestId = requestId;
        this.contentType = contentType;
    }

    /**
     * Runs {@code invocation} with the handler writing to this response. Called here rather than by the loop so
     * that only this class hands itself over as an {@code OutputStream}: the verifier then has no reason to load
     * it on the buffered path.
     */
    Outcome handle(HandlerInvoker invoker, Invocation invocation) {
        return invoker.stream(invocation, this);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        if (bytes + len > RuntimeApi.MAX_STREAMED_RESPONSE_BYTES) {
            throw new ResponseTooLargeException(bytes + len, RuntimeApi.MAX_STREAMED_RESPONSE_BYTES);
        }
        open();
        try {
            response.write(b, off, len);
        } catch (IOException e) {
            transportFailure = e;
            throw e;
        }
        bytes += len;
    }

    @Override
    public void flush() throws IOException {
        if (response != null) {
            try {
                response.flush();
            } catch (IOException e) {
                transportFailure = e;
                throw e;
            }
        }
    }

    @Override
    public void close() {
        // the runtime ends the response when the handler returns
    }

    /** True once the response request has started (the first byte was written). */
    boolean started() {
        return response != null;
    }

    /** The Runtime API failure seen while streaming, or null. */
    IOException transportFailure() {
        return transportFailure;
    }

    /** Ends the response; with {@code error} non-null, reports it in the trailers as {@code errorType}. */
    void finish(String errorType, ErrorRequest error) throws IOException {
        open();
        if (error != null) {
            response.fail(errorType, error);
        }
        response.finish();
    }

    private void open() throws IOException {
        if (response == null) {
            try {
                response = client.openStreamingResponse(requestId, contentType);
            } catch (IOException e) {
                transportFailure = e;
                throw e;
            }
        }
    }
}
