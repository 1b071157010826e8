package dev.coldbrew.runtime.api.http;

import dev.coldbrew.runtime.api.RuntimeApi;

/**
 * An HTTP/1.1 request to send. {@code body} is null for a request without a body; a {@link ChunkedBody} request
 * is sent with {@code Transfer-Encoding: chunked} instead.
 */
public record HttpRequest(String method, String path, HttpHeaders headers, byte[] body, ChunkedBody chunkedBody) {
    /** A request without a body. */
    public static HttpRequest get(String path) {
        return new HttpRequest(RuntimeApi.METHOD_GET, path, new HttpHeaders(), null, null);
    }

    /** A request with a Content-Length body. */
    public static HttpRequest post(String path, HttpHeaders headers, byte[] body) {
        return new HttpRequest(RuntimeApi.METHOD_POST, path, headers, body, null);
    }

    /** A request with a chunked body and, possibly, trailer fields. */
    public static HttpRequest postChunked(String path, HttpHeaders headers, ChunkedBody body) {
        return new HttpRequest(RuntimeApi.METHOD_POST, path, headers, null, body);
    }

    /** {@code "POST /path"}, the start of every error message about this request. */
    public String describe() {
        return method + " " + path;
    }
}
