package dev.coldbrew.gorpc.rpc;

import java.io.IOException;

/**
 * A {@link ConnectCheck} refused the peer of a connection: the connection was closed before anything was sent on it.
 * Retrying the same address cannot help while the same peer holds it.
 */
public final class RefusedConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedConnectionException(String message) {
        super(message);
    }
}
