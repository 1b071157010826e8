package dev.coldbrew.local.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's socket tables, on lines captured from {@code /proc/net/tcp} and {@code /proc/net/tcp6}. */
class LoopbackSocketsTest {
    private static final String TCP_HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt" + "   uid  timeout inode\n";
    private static final String TCP6_HEADER = "  sl  local_address                         remote_address"
            + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @TempDir
    Path procNet;

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void anIpv4LineReadsItsEndsStateAndInode() {
        var entries = LoopbackSockets.parse(TCP_HEADER
                + "   1: 0100007F:8795 0100007F:DF46 01 00000000:00000000 00:00000000 00000000     0        0 53321"
                + " 1 000000009c6fc99d 20 4 30 10 -1\n");

        assertThat(entries).containsExactly(new LoopbackSockets.Entry(loopback(0x8795), loopback(0xDF46), 1, 53321));
    }

    @Test
    void anIpv4MappedEndOfAnIpv6SocketEqualsTheIpv4Address() {
        assertThat(LoopbackSockets.address("0000000000000000FFFF00000100007F:A88B"))
                .isEqualTo(loopback(0xA88B));
        assertThat(LoopbackSockets.address("00000000000000000000000001000000:0050"))
                .isEqualTo(new InetSocketAddress(
                        InetAddress.getLoopbackAddress().equals(loopback(0).getAddress())
                                ? ipv6Loopback()
                                : ipv6Loopback(),
                        80));
    }

    @Test
    void aMalformedAddressIsRefusedNamingIt() {
        assertThatThrownBy(() -> LoopbackSockets.address("7F:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a /proc/net/tcp address: \"7F:1\"");
    }

    @Test
    void theInodeOfAConnectionSkipsItsTimeWaitLeftoverAndLooksInBothTables() throws Exception {
        Files.writeString(
                procNet.resolve("tcp"),
                TCP_HEADER
                        + "   0: 0100007F:9000 0100007F:1F90 06 00000000:00000000 03:000009F1 00000000     0        0 0 3"
                        + " 000000009c6fc99d\n");
        Files.writeString(
                procNet.resolve("tcp6"),
                TCP6_HEADER
                        + "   0: 0000000000000000FFFF00000100007F:9000 0000000000000000FFFF00000100007F:1F90 01"
                        + " 00000000:00000000 00:00000000 00000000     0        0 777 1 0000000084667392 20 4 30 10 -1\n");
        LoopbackSockets sockets = new LoopbackSockets(procNet);

        assertThat(sockets.inodeOf(loopback(0x9000), loopback(0x1F90))).hasValue(777);
        assertThat(sockets.inodeOf(loopback(0x9001), loopback(0x1F90))).isEmpty();
    }

    @Test
    void listenersAreThoseOnThePortAtThatAddressOrTheWildcard() throws Exception {
        Files.writeString(
                procNet.resolve("tcp"),
                TCP_HEADER
                        + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11 1 0\n"
                        + "   1: 0200007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12 1 0\n"
                        + "   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 13 1 0\n"
                        + "   3: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 14 1 0\n");
        LoopbackSockets sockets = new LoopbackSockets(procNet);

        assertThat(sockets.listenersFor(loopback(0x1F90))).containsExactly(11L, 13L);
    }

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
