package dev.coldbrew.local.isolation;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The kernel's TCP sockets asked one at a time through netlink's {@code sock_diag} ({@code NETLINK_SOCK_DIAG},
 * {@code SOCK_DIAG_BY_FAMILY} with an {@code inet_diag_req_v2}; linux/inet_diag.h), called through the FFM API.
 *
 * <p>Written by hand on purpose: the JDK has no netlink, and no small, well-kept Java library asks sock_diag. A
 * lookup by a connection's four addresses is a hash lookup in the kernel, tens of microseconds, where reading
 * {@code /proc/net/tcp} ({@link LoopbackSockets}) walks every socket of the machine and costs milliseconds, once per
 * connection a runtime opens, inside its Init Duration.
 *
 * <p>Layouts (native byte order, except ports and addresses, which are in network order): {@code nlmsghdr} is 16
 * bytes (length, type, flags, sequence, port id); the request is {@code family, protocol, ext, pad, states} (8 bytes)
 * and an {@code inet_diag_sockid} (source port, destination port, source and destination as four 32-bit words each,
 * interface, a 64-bit cookie: 48 bytes). A reply {@code inet_diag_msg} is {@code family, state, timer, retrans}, the
 * sockid, then {@code expires, rqueue, wqueue, uid, inode} (32-bit each).
 */
final class NetlinkSockets implements SocketTable {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int AF_NETLINK = 16;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int IPPROTO_TCP = 6;
    private static final short NLM_F_REQUEST = 0x1;
    private static final short NLM_F_DUMP = 0x300;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int TCP_LISTEN = 10;
    private static final int ENOENT = 2;

    static final int HEADER_BYTES = 16;
    static final int REQUEST_BYTES = HEADER_BYTES + 8 + 48;
    private static final int REPLY_BYTES = 64 * 1024;

    /** Offsets in an {@code inet_diag_msg}. */
    private static final int MSG_SPORT = 4;

    private static final int MSG_SRC = 8;
    private static final int MSG_INODE = 68;

    private static final ValueLayout.OfInt NATIVE_INT = JAVA_INT.withOrder(ByteOrder.nativeOrder());
    private static final ValueLayout.OfShort NATIVE_SHORT = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.nativeOrder());
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

    private static final MethodHandle SOCKET;
    private static final MethodHandle SEND;
    private static final MethodHandle RECV;
    private static final MethodHandle CLOSE;
    private static final String UNAVAILABLE;

    static {
        MethodHandle socket = null;
        MethodHandle send = null;
        MethodHandle recv = null;
        MethodHandle close = null;
        String why = null;
        try {
            socket = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
            send = downcall("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
            recv = downcall("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
            close = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        } catch (RuntimeException e) {
            why = "no native access to the C library: " + e;
        }
        SOCKET = socket;
        SEND = send;
        RECV = recv;
        CLOSE = close;
        UNAVAILABLE = why;
    }

    /** A C library function; restricted: its descriptor must match the C declaration (sys/socket.h, unistd.h). */
    @SuppressWarnings("restricted")
    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), descriptor);
    }

    private static volatile Boolean available;

    /** True when this JVM can call the C library and the kernel answers sock_diag requests. */
    static boolean available() {
        Boolean known = available;
        if (known == null) {
            boolean works;
            try {
                works = UNAVAILABLE == null && System.getProperty("os.name", "").startsWith("Linux");
                if (works) {
                    new NetlinkSockets().listeners(AF_INET); // any answer will do
                }
            } catch (IOException | RuntimeException e) {
                works = false;
            }
            available = known = works;
        }
        return known;
    }

    @Override
    public OptionalLong inodeOf(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        if (local.getAddress() instanceof Inet4Address && remote.getAddress() instanceof Inet4Address) {
            // an IPv4 connection may be an AF_INET socket (curl, Go) or a dual-stack AF_INET6 one (the JDK's)
            OptionalLong inode = lookup(AF_INET, local, remote);
            return inode.isPresent() ? inode : lookup(AF_INET6, local, remote);
        }
        return lookup(AF_INET6, local, remote);
    }

    @Override
    public List<Long> listenersFor(InetSocketAddress address) throws IOException {
        List<Long> inodes = new ArrayList<>();
        for (int family : new int[] {AF_INET, AF_INET6}) {
            for (Listener listener : listeners(family)) {
                InetAddress bound = listener.address().getAddress();
                if (listener.address().getPort() == address.getPort()
                        && (bound.isAnyLocalAddress() || bound.equals(address.getAddress()))) {
                    inodes.add(listener.inode());
                }
            }
        }
        return inodes;
    }

    /** A listening socket: where it is bound and its inode. */
    record Listener(InetSocketAddress address, long inode) {}

    private OptionalLong lookup(int family, InetSocketAddress local, InetSocketAddress remote) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment request = request(arena, family, NLM_F_REQUEST, 0xFFFFFFFF);
            request.set(NET_SHORT, HEADER_BYTES + 8, (short) local.getPort());
            request.set(NET_SHORT, HEADER_BYTES + 10, (short) remote.getPort());
            putAddress(request, HEADER_BYTES + 12, family, local.getAddress());
            putAddress(request, HEADER_BYTES + 28, family, remote.getAddress());
            request.set(JAVA_INT, HEADER_BYTES + 48, -1); // INET_DIAG_NOCOOKIE
            request.set(JAVA_INT, HEADER_BYTES + 52, -1);
            List<MemorySegment> replies = exchange(arena, request);
            for (MemorySegment message : replies) {
                long inode = Integer.toUnsignedLong(message.get(NATIVE_INT, MSG_INODE));
                return inode == 0 ? OptionalLong.empty() : OptionalLong.of(inode);
            }
            return OptionalLong.empty();
        }
    }

    List<Listener> listeners(int family) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment request = request(arena, family, (short) (NLM_F_REQUEST | NLM_F_DUMP), 1 << TCP_LISTEN);
            List<Listener> listeners = new ArrayList<>();
            for (MemorySegment message : exchange(arena, request)) {
                int port = Short.toUnsignedInt(message.get(NET_SHORT, MSG_SPORT));
                byte[] bytes =
                        message.asSlice(MSG_SRC, family == AF_INET ? 4 : 16).toArray(ValueLayout.JAVA_BYTE);
                listeners.add(new Listener(
                        new InetSocketAddress(address(bytes), port),
                        Integer.toUnsignedLong(message.get(NATIVE_INT, MSG_INODE))));
            }
            return listeners;
        }
    }

    private static MemorySegment request(Arena arena, int family, short flags, int states) {
        MemorySegment request = arena.allocate(REQUEST_BYTES, 8);
        request.set(NATIVE_INT, 0, REQUEST_BYTES);
        request.set(NATIVE_SHORT, 4, (short) SOCK_DIAG_BY_FAMILY);
        request.set(NATIVE_SHORT, 6, flags);
        request.set(NATIVE_INT, 8, 1);
        request.set(ValueLayout.JAVA_BYTE, HEADER_BYTES, (byte) family);
        request.set(ValueLayout.JAVA_BYTE, HEADER_BYTES + 1, (byte) IPPROTO_TCP);
        request.set(NATIVE_INT, HEADER_BYTES + 4, states);
        return request;
    }

    /** The address in the request's 16 bytes: 4 for IPv4, or 16 for IPv6 (an IPv4 address mapped to ::ffff:a.b.c.d). */
    private static void putAddress(MemorySegment request, long offset, int family, InetAddress address) {
        byte[] raw = address.getAddress();
        byte[] bytes;
        if (family == AF_INET || raw.length == 16) {
            bytes = raw;
        } else {
            bytes = new byte[16];
            bytes[10] = (byte) 0xFF;
            bytes[11] = (byte) 0xFF;
            System.arraycopy(raw, 0, bytes, 12, 4);
        }
        MemorySegment.copy(bytes, 0, request, ValueLayout.JAVA_BYTE, offset, bytes.length);
    }

    /** Sends {@code request} and returns the {@code inet_diag_msg} payloads of the replies (none: not found). */
    private static List<MemorySegment> exchange(Arena arena, MemorySegment request) throws IOException {
        if (UNAVAILABLE != null) {
            throw new IOException("sock_diag: " + UNAVAILABLE);
        }
        try {
            int fd = (int) SOCKET.invokeExact(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
            if (fd < 0) {
                throw new IOException("sock_diag: socket(AF_NETLINK, NETLINK_SOCK_DIAG) failed");
            }
            try {
                return exchange(arena, request, fd);
            } finally {
                int closed = (int) CLOSE.invokeExact(fd);
                assert closed == 0;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("sock_diag failed: " + e, e);
        }
    }

    private static List<MemorySegment> exchange(Arena arena, MemorySegment request, int fd) throws Throwable {
        long sent = (long) SEND.invokeExact(fd, request, request.byteSize(), 0);
        if (sent != request.byteSize()) {
            throw new IOException("sock_diag: send returned " + sent);
        }
        List<MemorySegment> messages = new ArrayList<>();
        boolean dump = (request.get(NATIVE_SHORT, 6) & NLM_F_DUMP) != 0;
        MemorySegment buffer = arena.allocate(REPLY_BYTES, 8);
        while (true) {
            long got = (long) RECV.invokeExact(fd, buffer, (long) REPLY_BYTES, 0);
            if (got <= 0) {
                throw new IOException("sock_diag: recv returned " + got);
            }
            for (long at = 0; at + HEADER_BYTES <= got; ) {
                int length = buffer.get(NATIVE_INT, at);
                int type = Short.toUnsignedInt(buffer.get(NATIVE_SHORT, at + 4));
                if (length < HEADER_BYTES || at + length > got) {
                    throw new IOException("sock_diag: malformed reply (length " + length + ")");
                }
                if (type == NLMSG_DONE) {
                    return messages;
                }
                if (type == NLMSG_ERROR) {
                    int error = -buffer.get(NATIVE_INT, at + HEADER_BYTES);
                    if (error == 0 || error == ENOENT) {
                        return messages;
                    }
                    throw new IOException("sock_diag: the kernel answered errno " + error);
                }
                if (type == SOCK_DIAG_BY_FAMILY) {
                    MemorySegment copy = arena.allocate(length - HEADER_BYTES, 8);
                    copy.copyFrom(buffer.asSlice(at + HEADER_BYTES, length - HEADER_BYTES));
                    messages.add(copy);
                }
                at += (length + 3) & ~3;
            }
            if (!dump) {
                return messages;
            }
        }
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
