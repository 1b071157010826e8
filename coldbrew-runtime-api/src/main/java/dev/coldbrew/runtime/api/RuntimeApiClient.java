package dev.coldbrew.runtime.api;

import dev.coldbrew.runtime.api.http.ChunkedBody;
import dev.coldbrew.runtime.api.http.ChunkedOutputStream;
import dev.coldbrew.runtime.api.http.HttpConnection;
import dev.coldbrew.runtime.api.http.HttpHeaders;
import dev.coldbrew.runtime.api.http.HttpReply;
import dev.coldbrew.runtime.api.http.HttpRequest;
import dev.coldbrew.runtime.api.json.JsonException;
import java.io.Closeable;
import java.io.IOException;

/**
 * A client for the Lambda Runtime API ({@code 2018-06-01}): one method per endpoint, over one keep-alive
 * HTTP/1.1 connection to {@code AWS_LAMBDA_RUNTIME_API}.
 *
 * <p><b>Why a hand-written HTTP client.</b> The Runtime API is plain HTTP/1.1 on loopback, and everything the
 * runtime loads before its first {@code GET /next} is start-up time every cold start pays. {@code java.net.http}
 * brings an executor, a selector thread and some hundreds of classes; {@code HttpURLConnection} a protocol handler
 * framework, proxy and cookie machinery. Measured on the machine coldbrew is developed on, a loop on a plain
 * socket with a JDK 25 AOT cache reached its first {@code /next} in a median 71 ms against 84 ms for the same loop
 * on {@code HttpURLConnection} (n=20; reproducible with the loops in coldbrew-startup-bench). And response streaming ends a chunked
 * request body with trailer fields ({@code Lambda-Runtime-Function-Error-Type/-Body}), which neither
 * {@code HttpURLConnection} nor {@code java.net.http} can send. The client is kept tiny and parses strictly: a
 * reply cut off mid-headers or mid-body is an error naming how far it got, never a reply.
 *
 * <p><b>Failures.</b> Every method throws {@link IOException}: an {@code HttpException} when the connection fails
 * or the reply is not HTTP, a {@link RuntimeApiException} when the status is not the expected 200/202 (a 500
 * means the runtime should exit). There is a connect timeout ({@link RuntimeApi#CONNECT_TIMEOUT_MS}) but no read
 * timeout: {@code /next} blocks until there is an event. Not thread-safe: one client per loop.
 */
public final class RuntimeApiClient implements Closeable {
    /**
     * Largest {@code /next} event body accepted: the 6 MB request limit ({@link RuntimeApi#MAX_REQUEST_BYTES}) plus
     * 64 KiB of margin, so a peer claiming a huge body fails with a clear error instead of exhausting the heap.
     */
    public static final int MAX_NEXT_BODY_BYTES = RuntimeApi.MAX_REQUEST_BYTES + 64 * 1024;

    /**
     * Largest reply body accepted to a {@code POST} or to {@code GET /restore/next}: Lambda answers them with
     * {@code {"status":"OK"}} or an error of a few hundred bytes, so 64 KiB is ample, and a peer sending more
     * (a 202 with 200 MiB) fails the exchange with a clear error long before the heap runs out.
     */
    public static final int MAX_REPLY_BODY_BYTES = 64 * 1024;

    private final HttpConnection connection;

    /** A client for the Runtime API at {@code address}, connecting within {@code connectTimeoutMs}. */
    public RuntimeApiClient(RuntimeApiAddress address, int connectTimeoutMs) {
        this.connection = new HttpConnection(address.host(), address.port(), connectTimeoutMs);
    }

    /** A client with the default connect timeout. */
    public RuntimeApiClient(RuntimeApiAddress address) {
        this(address, RuntimeApi.CONNECT_TIMEOUT_MS);
    }

    /** {@code host:port} of the Runtime API. */
    public String target() {
        return connection.target();
    }

    /** {@code GET /runtime/invocation/next}: blocks until the next event. */
    public NextInvocation next() throws IOException {
        HttpReply reply = connection.exchange(HttpRequest.get(RuntimeApi.NEXT_PATH), MAX_NEXT_BODY_BYTES);
        expect(reply, RuntimeApi.HTTP_OK, "GET " + RuntimeApi.NEXT_PATH, null);
        return NextInvocation.fromHeaders(reply.headers(), reply.body());
    }

    /** {@code POST /runtime/invocation/{id}/response} with a buffered body. */
    public StatusResponse postResponse(String requestId, String contentType, byte[] body) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.add(RuntimeApi.HEADER_CONTENT_TYPE, contentType);
        }
        return post(RuntimeApi.responsePath(requestId), headers, body, requestId);
    }

    /**
     * {@code POST /runtime/invocation/{id}/response} in streaming mode: chunked, with
     * {@code Lambda-Runtime-Function-Response-Mode: streaming} and the error trailers declared, on a connection of
     * its own that is closed afterwards (as the streaming contract asks). {@code body} reports a mid-stream error
     * by adding the trailers {@link RuntimeApi#HEADER_FUNCTION_ERROR_TYPE} and
     * {@link RuntimeApi#HEADER_FUNCTION_ERROR_BODY} (base64 of the {@link ErrorRequest} JSON).
     */
    public StatusResponse postStreamingResponse(String requestId, String contentType, ChunkedBody body)
            throws IOException {
        StreamingResponse response = openStreamingResponse(requestId, contentType);
        try {
            body.writeTo(response.chunks());
        } catch (IOException e) {
            throw response.failed(e);
        }
        return response.finish();
    }

    /**
     * Starts {@code POST /runtime/invocation/{id}/response} in streaming mode and returns the body stream, for
     * callers that produce the response as they go (see {@link #postStreamingResponse}).
     */
    public StreamingResponse openStreamingResponse(String requestId, String contentType) throws IOException {
        HttpHeaders headers = new HttpHeaders()
                .add(RuntimeApi.HEADER_RESPONSE_MODE, RuntimeApi.RESPONSE_MODE_STREAMING)
                .add(
                        RuntimeApi.HEADER_CONTENT_TYPE,
                        contentType == null ? RuntimeApi.CONTENT_TYPE_OCTET_STREAM : contentType)
                .add(
                        RuntimeApi.HEADER_TRAILER,
                        RuntimeApi.HEADER_FUNCTION_ERROR_TYPE + ", " + RuntimeApi.HEADER_FUNCTION_ERROR_BODY);
        String path = RuntimeApi.responsePath(requestId);
        ChunkedOutputStream body = connection.openChunked(HttpRequest.postChunked(path, headers, null));
        return new StreamingResponse(this, connection, body, path, requestId);
    }

    /** {@code POST /runtime/invocation/{id}/error} with {@code Lambda-Runtime-Function-Error-Type: errorType}. */
    public StatusResponse postError(String requestId, String errorType, ErrorRequest error) throws IOException {
        return postError(requestId, errorType, error, null);
    }

    /**
     * As {@link #postError(String, String, ErrorRequest)}, with the X-Ray error cause JSON (ASCII) in
     * {@code Lambda-Runtime-Function-XRay-Error-Cause} when it is given and under
     * {@link RuntimeApi#XRAY_ERROR_CAUSE_MAX_BYTES}.
     */
    public StatusResponse postError(String requestId, String errorType, ErrorRequest error, String xrayCause)
            throws IOException {
        HttpHeaders headers = errorHeaders(errorType);
        if (xrayCause != null && xrayCause.length() < RuntimeApi.XRAY_ERROR_CAUSE_MAX_BYTES) {
            headers.add(RuntimeApi.HEADER_XRAY_ERROR_CAUSE, xrayCause);
        }
        return post(RuntimeApi.errorPath(requestId), headers, error.toJson(), requestId);
    }

    /** {@code POST /runtime/init/error}; the runtime exits after it. */
    public StatusResponse postInitError(String errorType, ErrorRequest error) throws IOException {
        return post(RuntimeApi.INIT_ERROR_PATH, errorHeaders(errorType), error.toJson(), null);
    }

    /** {@code GET /runtime/restore/next}: blocks through a SnapStart checkpoint until the restore. */
    public void restoreNext() throws IOException {
        HttpReply reply = connection.exchange(HttpRequest.get(RuntimeApi.RESTORE_NEXT_PATH), MAX_REPLY_BODY_BYTES);
        expect(reply, RuntimeApi.HTTP_OK, "GET " + RuntimeApi.RESTORE_NEXT_PATH, null);
    }

    /** {@code POST /runtime/restore/error}: an after-restore hook failed; the runtime exits after it. */
    public StatusResponse postRestoreError(String errorType, ErrorRequest error) throws IOException {
        return post(RuntimeApi.RESTORE_ERROR_PATH, errorHeaders(errorType), error.toJson(), null);
    }

    private static HttpHeaders errorHeaders(String errorType) {
        HttpHeaders headers = new HttpHeaders().add(RuntimeApi.HEADER_CONTENT_TYPE, RuntimeApi.CONTENT_TYPE_ERROR);
        if (errorType != null) {
            headers.add(RuntimeApi.HEADER_FUNCTION_ERROR_TYPE, errorType);
        }
        return headers;
    }

    private StatusResponse post(String path, HttpHeaders headers, byte[] body, String requestId) throws IOException {
        HttpReply reply = connection.exchange(HttpRequest.post(path, headers, body), MAX_REPLY_BODY_BYTES);
        return accepted(reply, path, requestId);
    }

    StatusResponse accepted(HttpReply reply, String path, String requestId) throws IOException {
        expect(reply, RuntimeApi.HTTP_ACCEPTED, "POST " + path, requestId);
        try {
            return StatusResponse.fromJson(reply.body());
        } catch (JsonException e) {
            return new StatusResponse(null);
        }
    }

    private void expect(HttpReply reply, int expected, String request, String requestId) throws RuntimeApiException {
        if (reply.status() == expected) {
            return;
        }
        ErrorResponse error = errorResponse(reply.body());
        String detail = error == null ? bodyExcerpt(reply.body()) : error.errorType() + ": " + error.errorMessage();
        throw new RuntimeApiException(
                request + " to " + target() + " failed: HTTP " + reply.status() + " " + reply.reason()
                        + (detail.isEmpty() ? "" : " (" + detail + ")"),
                reply.status(),
                error,
                requestId);
    }

    private static ErrorResponse errorResponse(byte[] body) {
        try {
            return body.length == 0 ? null : ErrorResponse.fromJson(body);
        } catch (JsonException e) {
            return null;
        }
    }

    private static String bodyExcerpt(byte[] body) {
        int length = Math.min(body.length, 200);
        return new String(body, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        connection.close();
    }
}
