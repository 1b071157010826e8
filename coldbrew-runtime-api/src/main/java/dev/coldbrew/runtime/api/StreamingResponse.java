package dev.coldbrew.runtime.api;

import dev.coldbrew.runtime.api.http.ChunkedOutputStream;
import dev.coldbrew.runtime.api.http.HttpConnection;
import dev.coldbrew.runtime.api.http.HttpException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

/**
 * A {@code POST /runtime/invocation/{id}/response} in streaming mode, in progress: what is written goes to the
 * caller as chunks (each {@link #flush()} pushes them out); {@link #fail} reports an error that happened
 * mid-stream in the trailers; {@link #finish()} ends the body and reads the reply. From
 * {@link RuntimeApiClient#openStreamingResponse}. A write that fails names the request and how much was sent.
 */
public final class StreamingResponse extends OutputStream {
    private final RuntimeApiClient client;
    private final HttpConnection connection;
    private final ChunkedOutputStream body;
    private final String path;
    private final String requestId;

    StreamingResponse(
            RuntimeApiClient client,
            HttpConnection connection,
            ChunkedOutputStream body,
            String path,
            String requestId) {
        this.client = client;
        this.connection = connection;
        this.body = body;
        this.path = path;
        this.requestId = requestId;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            body.write(b, off, len);
        } catch (IOException e) {
            throw broken(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            body.flush();
        } catch (IOException e) {
            throw broken(e);
        }
    }

    /** The chunk stream underneath, for {@link dev.coldbrew.runtime.api.http.ChunkedBody} writers. */
    ChunkedOutputStream chunks() {
        return body;
    }

    /** Wraps a failure of a write to {@link #chunks()} with the request and the bytes sent, closing the connection. */
    IOException failed(IOException e) {
        return broken(e);
    }

    /** Body bytes written so far. */
    public long bytesWritten() {
        return body.bytesWritten();
    }

    /**
     * Reports a mid-stream error: sets the trailers {@code Lambda-Runtime-Function-Error-Type: errorType} and
     * {@code Lambda-Runtime-Function-Error-Body} (base64 of {@code error}'s JSON), sent by {@link #finish()}.
     */
    public void fail(String errorType, ErrorRequest error) {
        body.trailer(RuntimeApi.HEADER_FUNCTION_ERROR_TYPE, errorType);
        body.trailer(RuntimeApi.HEADER_FUNCTION_ERROR_BODY, Base64.getEncoder().encodeToString(error.toJson()));
    }

    /** Ends the body, reads the reply (202 expected) and closes the connection. */
    public StatusResponse finish() throws IOException {
        return client.accepted(connection.finishChunked(body, RuntimeApiClient.MAX_REPLY_BODY_BYTES), path, requestId);
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private IOException broken(IOException e) {
        connection.close();
        return new HttpException(
                connection.pendingContext() + " failed while streaming the body after " + body.bytesWritten()
                        + " bytes: " + e,
                e);
    }
}
