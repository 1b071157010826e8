package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.ReadGuard;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The deadline of one request on a server connection: once the first byte of a request has arrived, the whole
 * request (header and body) must arrive within the timeout, however the peer paces its bytes. Between requests
 * a connection may stay idle for good: Lambda's go1.x runtime and Go's {@code rpc.Client} keep theirs open between
 * calls. Sits under the connection's buffer, so it sees only the reads that go to the socket: a request that has
 * arrived whole costs nothing, and {@code SO_TIMEOUT} is set only for a read that waits in the middle of a request.
 *
 * <p>Used by one reader at a time (readers hand over through the connection's executor).
 */
final class RequestDeadline extends FilterInputStream implements ReadGuard {
    private final Socket socket;
    private final long timeoutNanos;
    private long deadline;
    private boolean started;

    RequestDeadline(Socket socket, InputStream in, Duration timeout) {
        super(in);
        this.socket = socket;
        this.timeoutNanos = timeout.toNanos();
    }

    /** The first byte of a value arrived: starts the deadline, unless the request's header already did. */
    @Override
    public void valueStarted() {
        if (!started) {
            started = true;
            deadline = System.nanoTime() + timeoutNanos;
        }
    }

    /** The request has arrived whole: the connection may be idle again. */
    void requestRead() {
        started = false;
    }

    /** Nanoseconds left before the deadline of the request being read (0 if none is, or it has passed). */
    long remainingNanos() {
        return started ? Math.max(0, deadline - System.nanoTime()) : 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!started) {
            return in.read(b, off, len);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw expired();
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)));
        try {
            return in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw expired();
        } finally {
            untimed();
        }
    }

    private void untimed() {
        try {
            socket.setSoTimeout(0);
        } catch (SocketException e) {
            // closed meanwhile: the next read fails on its own
        }
    }

    private SocketTimeoutException expired() {
        return new SocketTimeoutException("request incomplete "
                + Duration.ofNanos(timeoutNanos).toMillis() + " ms after its first byte arrived (the request timeout)");
    }
}
