package dev.coldbrew.local.isolation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The kernel's TCP socket tables of this network namespace ({@code /proc/net/tcp} and {@code /proc/net/tcp6}), read
 * to find the socket inode behind one end of a connection. A read costs milliseconds on a busy kernel (the kernel
 * walks its whole hash table: 1.8 ms for {@code tcp}, 2.5 ms for {@code tcp6} measured on a 2-core VM), so callers
 * read once per connection, never per request.
 *
 * <p>A line is {@code sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...},
 * addresses as hexadecimal 32-bit words in the kernel's (little-endian) byte order, then {@code :PORT} in hex. An
 * IPv4 end of an IPv6 socket reads {@code ::ffff:a.b.c.d} and compares equal to the IPv4 address.
 */
public final class LoopbackSockets implements SocketTable {
    /** The {@code st} of a listening socket ({@code TCP_LISTEN}). */
    static final int STATE_LISTEN = 0x0A;

    private static final String[] TABLES = {"tcp", "tcp6"};

    private final Path procNet;

    /** Reads the tables under {@code procNet}, normally {@code /proc/net}. */
    public LoopbackSockets(Path procNet) {
        this.procNet = procNet;
    }

    /** One socket of a table: its two ends, its state and its inode (0 while no process holds it yet). */
    record Entry(InetSocketAddress local, InetSocketAddress remote, int state, long inode) {}

    /**
     * The inode of the socket whose own end is {@code local} and whose peer is {@code remote}, or empty when the table
     * has none that a process holds (it closed and only its {@code TIME_WAIT} remains, or it lives in another network
     * namespace or on another host).
     */
    @Override
    public OptionalLong inodeOf(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        for (String table : TABLES) {
            for (Entry entry : read(table)) {
                if (entry.local().equals(local) && entry.remote().equals(remote) && entry.inode() != 0) {
                    return OptionalLong.of(entry.inode());
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The inodes of the listening sockets a connection to {@code address} can reach: same port, bound to that address
     * or to the wildcard address.
     */
    @Override
    public List<Long> listenersFor(InetSocketAddress address) throws IOException {
        List<Long> inodes = new ArrayList<>();
        for (String table : TABLES) {
            for (Entry entry : read(table)) {
                if (entry.state() == STATE_LISTEN
                        && entry.local().getPort() == address.getPort()
                        && (entry.local().getAddress().isAnyLocalAddress()
                                || entry.local().getAddress().equals(address.getAddress()))) {
                    inodes.add(entry.inode());
                }
            }
        }
        return inodes;
    }

    private List<Entry> read(String table) throws IOException {
        try {
            return parse(Files.readString(procNet.resolve(table), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return List.of(); // a kernel without IPv6 has no tcp6
        }
    }

    /** The sockets of one table's text, its header line skipped. */
    static List<Entry> parse(String table) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].trim().split("\\s+");
            if (fields.length < 10) {
                continue;
            }
            entries.add(new Entry(
                    address(fields[1]),
                    address(fields[2]),
                    Integer.parseInt(fields[3], 16),
                    Long.parseLong(fields[9])));
        }
        return entries;
    }

    /** {@code 0100007F:1F90} → 127.0.0.1:8080; 32 hex digits before the colon for IPv6. */
    static InetSocketAddress address(String hexAddressAndPort) {
        int colon = hexAddressAndPort.indexOf(':');
        if (colon != 8 && colon != 32) {
            throw new IllegalArgumentException("not a /proc/net/tcp address: \"" + hexAddressAndPort + "\"");
        }
        String hex = hexAddressAndPort.substring(0, colon);
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2; // each 32-bit word is printed in host (little-endian) order
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return new InetSocketAddress(
                    InetAddress.getByAddress(bytes), Integer.parseInt(hexAddressAndPort.substring(colon + 1), 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a /proc/net/tcp address: \"" + hexAddressAndPort + "\"", e);
        }
    }
}
