package dev.coldbrew.local.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.rpc.RefusedConnectionException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which connections an environment accepts, on real loopback sockets of this test process and this machine's
 * {@code /proc}: the test process plays the environment (its pid bound) or a stranger (another pid bound).
 */
class EnvironmentPeersTest {
    private static final long SELF = ProcessHandle.current().pid();
    private static final long NOT_US =
            ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);

    @TempDir
    Path copies;

    private static EnvironmentPeers peers(long pid) {
        EnvironmentPeers peers = EnvironmentPeers.ofThisMachine("env-1");
        peers.bind(() -> List.of(pid));
        return peers;
    }

    @Test
    void aConnectionHeldByTheEnvironmentIsAcceptedAndAStrangersIsRefusedNamingItsPid() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            assertThat(client.isConnected()).isTrue();
            var remote = (InetSocketAddress) accepted.getRemoteSocketAddress();
            var local = (InetSocketAddress) accepted.getLocalSocketAddress();

            assertThat(peers(SELF).refusal(remote, local)).isNull();
            assertThat(peers(NOT_US).refusal(remote, local))
                    .isEqualTo("Runtime API connection from " + remote + " is held by pid " + SELF + " (java), not a"
                            + " process of environment env-1");
        }
    }

    @Test
    void aCheckedConnectionIsNotLookedUpAgainWhileItsSocketIsHeld() throws Exception {
        Path procNet = Files.createDirectories(copies.resolve("net"));
        EnvironmentPeers peers =
                new EnvironmentPeers("env-2", new LoopbackSockets(procNet), new SocketHolders(Path.of("/proc")));
        peers.bind(() -> List.of(SELF));
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            assertThat(client.isConnected()).isTrue();
            var remote = (InetSocketAddress) accepted.getRemoteSocketAddress();
            var local = (InetSocketAddress) accepted.getLocalSocketAddress();
            Files.copy(Path.of("/proc/net/tcp"), procNet.resolve("tcp"));
            Files.copy(Path.of("/proc/net/tcp6"), procNet.resolve("tcp6"));
            assertThat(peers.refusal(remote, local)).isNull();

            Files.delete(procNet.resolve("tcp"));
            Files.delete(procNet.resolve("tcp6"));

            assertThat(peers.refusal(remote, local))
                    .as("second request on the same connection")
                    .isNull();
        }
    }

    @Test
    void aGoPortListenedOnByAStrangerIsRefusedNamingItsPid() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), squatter.getLocalPort())) {
            var local = (InetSocketAddress) client.getLocalSocketAddress();
            var remote = (InetSocketAddress) client.getRemoteSocketAddress();

            peers(SELF).check(local, remote);
            assertThatThrownBy(() -> peers(NOT_US).check(local, remote))
                    .isInstanceOf(RefusedConnectionException.class)
                    .hasMessage("go1.x port " + remote.getPort() + " is held by pid " + SELF + " (java), not a process"
                            + " of environment env-1");
        }
    }
}
