package dev.coldbrew.runtime.api.http;

/**
 * The peer closed the connection before sending a single byte of the reply: on a reused keep-alive connection
 * this means the peer had closed it while idle, and the request may be sent again on a new connection.
 */
final class NoReplyException extends HttpException {
    private static final long serialVersionUID = 1L;

    NoReplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
