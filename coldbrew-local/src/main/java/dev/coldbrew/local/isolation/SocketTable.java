package dev.coldbrew.local.isolation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalLong;

/** The kernel's TCP sockets of this network namespace, asked for the socket behind one end of a connection. */
public interface SocketTable {
    /**
     * The inode of the socket whose own end is {@code local} and whose peer is {@code remote}, or empty when no process
     * holds one (it closed and only its {@code TIME_WAIT} remains, or it lives in another network namespace or on
     * another host).
     */
    OptionalLong inodeOf(InetSocketAddress local, InetSocketAddress remote) throws IOException;

    /**
     * The inodes of the listening sockets a connection to {@code address} can reach: same port, bound to that address
     * or to the wildcard address.
     */
    List<Long> listenersFor(InetSocketAddress address) throws IOException;

    /** This machine's table: asked through netlink where the kernel allows it, else read from {@code /proc/net}. */
    static SocketTable ofThisMachine() {
        return NetlinkSockets.available()
                ? new NetlinkSockets()
                : new LoopbackSockets(java.nio.file.Path.of("/proc/net"));
    }
}
