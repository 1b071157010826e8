package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.GobCodec;
import dev.coldbrew.gorpc.gob.GobDecoder;
import dev.coldbrew.gorpc.gob.GobEncoder;
import dev.coldbrew.gorpc.gob.GobLimits;
import dev.coldbrew.gorpc.gob.TypeIdAllocator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A net/rpc client with the gob codec, as Go's {@code rpc.NewClient}: one gob stream each way for the life
 * of the connection, sequence numbers 0, 1, 2, … and replies matched by sequence number. Calls are made one
 * at a time (thread-safe, serialised).
 *
 * <p>Failure classes: a reply with {@code Error} set throws {@link RpcMethodException} and the connection
 * stays usable; any transport or decode failure, a timeout or an unexpected sequence number closes the
 * connection and every later call fails.
 */
public final class RpcClient implements AutoCloseable {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Socket socket;
    private final String peer;
    private final GobEncoder encoder;
    private final GobDecoder decoder;
    private final OutputStream out;
    private long nextSeq;
    private IOException broken;

    private RpcClient(Socket socket, GobLimits limits, TypeIdAllocator ids) throws IOException {
        this.socket = socket;
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        InputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
        this.encoder = new GobEncoder(out, ids);
        this.decoder = new GobDecoder(in, limits);
    }

    /** Connects to {@code address} once (no retry). */
    public static RpcClient connect(InetSocketAddress address, Duration timeout) throws IOException {
        return connect(address, timeout, GobLimits.DEFAULT, new TypeIdAllocator());
    }

    /** Connects with explicit decode limits and type-id allocation (share an allocator to mimic one Go process). */
    public static RpcClient connect(InetSocketAddress address, Duration timeout, GobLimits limits, TypeIdAllocator ids)
            throws IOException {
        return connect(address, timeout, limits, ids, ConnectCheck.ANY);
    }

    /**
     * Connects once (no retry) and lets {@code check} judge the peer before anything is sent.
     *
     * @throws RefusedConnectionException when {@code check} refused the peer; the connection is closed
     */
    public static RpcClient connect(InetSocketAddress address, Duration timeout, ConnectCheck check)
            throws IOException {
        return connect(address, timeout, GobLimits.DEFAULT, new TypeIdAllocator(), check);
    }

    private static RpcClient connect(
            InetSocketAddress address, Duration timeout, GobLimits limits, TypeIdAllocator ids, ConnectCheck check)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, socketMillis(timeout));
            check.check((InetSocketAddress) socket.getLocalSocketAddress(), address);
            return new RpcClient(socket, limits, ids);
        } catch (RefusedConnectionException e) {
            socket.close();
            throw e;
        } catch (IOException e) {
            socket.close();
            throw new IOException("rpc: connect to " + address + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Calls {@code serviceMethod} and waits up to {@code timeout} (zero = no limit) for the whole reply: the timeout
     * bounds the call as a whole, not each read, so a peer trickling its reply cannot outlast it.
     *
     * @throws RpcMethodException if the server replied with {@code Response.Error}
     * @throws IOException if the connection failed; it is closed and no later call succeeds
     */
    public synchronized <A, R> R call(
            String serviceMethod, GobCodec<A> argCodec, A argument, GobCodec<R> replyCodec, Duration timeout)
            throws IOException, RpcMethodException {
        if (broken != null) {
            throw new IOException(
                    "rpc: call " + serviceMethod + " to " + peer + " failed: connection already closed" + " after: "
                            + broken.getMessage(),
                    broken);
        }
        int timeoutMillis = socketMillis(timeout);
        long seq = nextSeq++;
        CallDeadline deadline = CallDeadline.start(socket, timeoutMillis);
        try {
            socket.setSoTimeout(timeoutMillis);
            encoder.encode(RequestHeader.GOB, new RequestHeader(serviceMethod, seq));
            encoder.encode(argCodec, argument);
            out.flush();
            return readReply(serviceMethod, seq, replyCodec);
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException || deadline.expired()) {
                throw fail(timedOut(serviceMethod, seq, timeout, e));
            }
            throw fail(new IOException(
                    "rpc: call " + serviceMethod + " (seq " + seq + ") to " + peer + " failed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            // The argument could not be encoded after its header was buffered: the stream cannot continue.
            fail(new IOException(
                    "rpc: call " + serviceMethod + " (seq " + seq + ") failed to encode its argument: "
                            + e.getMessage(),
                    e));
            throw e;
        } finally {
            if (!deadline.finish() && broken == null) {
                // The reply was complete, but the deadline closed the socket as it arrived.
                broken = timedOut(serviceMethod, seq, timeout, null);
            }
        }
    }

    private IOException timedOut(String serviceMethod, long seq, Duration timeout, IOException cause) {
        return new IOException(
                "rpc: call " + serviceMethod + " (seq " + seq + ") to " + peer + " failed: no reply within "
                        + timeout.toMillis() + " ms",
                cause);
    }

    private <R> R readReply(String serviceMethod, long seq, GobCodec<R> replyCodec)
            throws IOException, RpcMethodException {
        ResponseHeader header = decoder.decode(ResponseHeader.GOB);
        if (header.seq() != seq) {
            throw new IOException("reply has sequence number " + Long.toUnsignedString(header.seq()) + ", expected "
                    + Long.toUnsignedString(seq));
        }
        if (header.failed()) {
            decoder.skip();
            throw new RpcMethodException(serviceMethod, header.error());
        }
        return decoder.decode(replyCodec);
    }

    /** A socket timeout: zero stays "no limit", anything positive is at least 1 ms (0 would mean forever). */
    private static int socketMillis(Duration timeout) {
        if (timeout.isZero()) {
            return 0;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("rpc: timeout must not be negative, was " + timeout);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private IOException fail(IOException failure) {
        broken = failure;
        try {
            socket.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    public synchronized boolean isOpen() {
        return broken == null && !socket.isClosed();
    }

    @Override
    public synchronized void close() throws IOException {
        if (broken == null) {
            broken = new IOException("closed by the caller");
        }
        socket.close();
    }
}
