package dev.coldbrew.local.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * sock_diag answers as the kernel's own tables do: each lookup is checked against {@link LoopbackSockets}, which
 * reads {@code /proc/net/tcp{,6}}, on real loopback connections of both address families.
 */
class NetlinkSocketsTest {
    private final NetlinkSockets netlink = new NetlinkSockets();
    private final LoopbackSockets proc = new LoopbackSockets(Path.of("/proc/net"));

    @BeforeEach
    void onLinux() {
        Assumptions.assumeTrue(NetlinkSockets.available(), "this kernel answers no sock_diag requests");
    }

    @Test
    void findsBothEndsOfAnIpv4AndADualStackConnection() throws Exception {
        for (StandardProtocolFamily family : new StandardProtocolFamily[] {StandardProtocolFamily.INET, null}) {
            try (ServerSocketChannel server =
                            family == null ? ServerSocketChannel.open() : ServerSocketChannel.open(family);
                    SocketChannel client = family == null ? SocketChannel.open() : SocketChannel.open(family)) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                client.connect(server.getLocalAddress());
                try (SocketChannel accepted = server.accept()) {
                    var clientEnd = (InetSocketAddress) client.getLocalAddress();
                    var serverEnd = (InetSocketAddress) accepted.getLocalAddress();

                    assertThat(netlink.inodeOf(clientEnd, serverEnd))
                            .as("the client's socket (%s)", family)
                            .isPresent()
                            .isEqualTo(proc.inodeOf(clientEnd, serverEnd));
                    assertThat(netlink.inodeOf(serverEnd, clientEnd))
                            .as("the accepted socket (%s)", family)
                            .isPresent()
                            .isEqualTo(proc.inodeOf(serverEnd, clientEnd));
                    assertThat(netlink.listenersFor(serverEnd))
                            .as("the listener (%s)", family)
                            .hasSize(1)
                            .isEqualTo(proc.listenersFor(serverEnd));
                }
            }
        }
    }

    @Test
    void aConnectionThatDoesNotExistHasNoInodeAndAFreePortNoListener() throws Exception {
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        var nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);

        assertThat(netlink.inodeOf(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1), nowhere))
                .isEmpty();
        assertThat(netlink.listenersFor(nowhere)).isEmpty();
    }
}
