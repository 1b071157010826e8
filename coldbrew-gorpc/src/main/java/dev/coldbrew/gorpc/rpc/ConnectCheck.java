package dev.coldbrew.gorpc.rpc;

import java.net.InetSocketAddress;

/**
 * Decides, right after a connection is established and before anything is sent on it, whether the peer is the one
 * the caller meant to reach: the local Lambda checks that the process holding a go1.x function's port is the
 * function's own, so that an event never goes to a process that bound the port first.
 */
@FunctionalInterface
public interface ConnectCheck {
    /** Accepts every peer. */
    ConnectCheck ANY = (local, remote) -> {};

    /**
     * Returns when the peer at {@code remote} (reached from {@code local}) may be used.
     *
     * @throws RefusedConnectionException naming the peer that must not be used
     */
    void check(InetSocketAddress local, InetSocketAddress remote) throws RefusedConnectionException;
}
