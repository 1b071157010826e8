package dev.coldbrew.runtime.api.http;

import java.io.IOException;

/**
 * An HTTP exchange failed: the connection could not be made, broke, or the peer sent something that is not a
 * valid HTTP/1.1 reply. The message names the request, the peer and what was observed.
 */
public class HttpException extends IOException {
    private static final long serialVersionUID = 1L;

    public HttpException(String message) {
        super(message);
    }

    public HttpException(String message, Throwable cause) {
        super(message, cause);
    }
}
