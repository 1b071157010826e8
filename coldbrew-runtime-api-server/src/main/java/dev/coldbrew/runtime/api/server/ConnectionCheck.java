package dev.coldbrew.runtime.api.server;

import java.net.InetSocketAddress;

/**
 * Decides whether the peer of a connection may use a {@link RuntimeApiServer}: in the local Lambda, only the
 * processes of the environment the server belongs to. It is asked for every request, before the request is read or
 * routed, so an implementation that is costly should remember what it decided per connection.
 */
@FunctionalInterface
public interface ConnectionCheck {
    /** Lets every connection in: the server's behaviour without a check. */
    ConnectionCheck ANY = (remote, local) -> null;

    /**
     * Null when the peer at {@code remote}, connected to the server's {@code local} address, may use the API;
     * otherwise why not (for example which process holds the connection), which the refusal's 403 names.
     */
    String refusal(InetSocketAddress remote, InetSocketAddress local);
}
