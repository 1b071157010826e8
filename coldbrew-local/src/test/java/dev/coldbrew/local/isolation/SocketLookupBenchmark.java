package dev.coldbrew.local.isolation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the connection check costs per new connection: the socket behind a fresh loopback connection looked up
 * through sock_diag ({@link NetlinkSockets}) and by reading {@code /proc/net/tcp{,6}} ({@link LoopbackSockets}),
 * alternated on the same connections. Prints the median and the range of each, in microseconds. Run with
 * {@code coldbrew-local/bench.sh lookup [connections]}.
 */
public final class SocketLookupBenchmark {
    private SocketLookupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        if (!NetlinkSockets.available()) {
            throw new IllegalStateException("this kernel answers no sock_diag requests");
        }
        SocketTable netlink = new NetlinkSockets();
        SocketTable proc = new LoopbackSockets(Path.of("/proc/net"));
        long[] netlinkNanos = new long[connections];
        long[] procNanos = new long[connections];
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            for (int i = 0; i < connections; i++) {
                try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                        SocketChannel accepted = server.accept()) {
                    var remote = (InetSocketAddress) accepted.getRemoteAddress();
                    if (!remote.equals(client.getLocalAddress())) {
                        throw new IllegalStateException("accepted another connection than " + client);
                    }
                    var local = (InetSocketAddress) accepted.getLocalAddress();
                    boolean netlinkFirst = i % 2 == 0;
                    long a = time(netlinkFirst ? netlink : proc, remote, local);
                    long b = time(netlinkFirst ? proc : netlink, remote, local);
                    netlinkNanos[i] = netlinkFirst ? a : b;
                    procNanos[i] = netlinkFirst ? b : a;
                }
            }
        }
        System.out.println("connections: " + connections);
        System.out.println("sock_diag        " + summary(netlinkNanos));
        System.out.println("/proc/net/tcp{,6} " + summary(procNanos));
    }

    private static long time(SocketTable table, InetSocketAddress remote, InetSocketAddress local) throws Exception {
        long start = System.nanoTime();
        if (table.inodeOf(remote, local).isEmpty()) {
            throw new IllegalStateException(table.getClass().getSimpleName() + " did not find " + remote);
        }
        return System.nanoTime() - start;
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                "p50 %.1f µs [%.1f–%.1f]",
                sorted[sorted.length / 2] / 1e3, sorted[0] / 1e3, sorted[sorted.length - 1] / 1e3);
    }
}
