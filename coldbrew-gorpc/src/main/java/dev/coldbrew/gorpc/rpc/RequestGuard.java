package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.ReadGuard;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What one request on a server connection may hold: time and memory.
 *
 * <p>Time: once the first byte of a request has arrived, the whole request (header and body) must arrive within
 * the timeout, however the peer paces its bytes. Between requests a connection may stay idle for good: Lambda's
 * go1.x runtime and Go's {@code rpc.Client} keep theirs open between calls. This stream sits under the
 * connection's buffer, so it sees only the reads that go to the socket: a request that has arrived whole costs
 * nothing, and {@code SO_TIMEOUT} is set only for a read that waits in the middle of a request.
 *
 * <p>Memory: each message is taken from the server's {@link MemoryBudget} before its body is buffered, waiting
 * for it at most until the request's deadline; the connection hands the bytes back once the call is answered
 * ({@link #requestRead()}), or at once for a request header ({@link #headerRead()}) and when it ends
 * ({@link #release()}).
 *
 * <p>Used by one reader at a time (readers hand over through the connection's executor).
 */
final class RequestGuard extends FilterInputStream implements ReadGuard {
    private final Socket socket;
    private final long timeoutNanos;
    private final MemoryBudget budget;
    private long deadline;
    private boolean started;
    private long taken;

    RequestGuard(Socket socket, InputStream in, Duration timeout, MemoryBudget budget) {
        super(in);
        this.socket = socket;
        this.timeoutNanos = timeout.toNanos();
        this.budget = budget;
    }

    /** The first byte of a value arrived: starts the deadline, unless the request's header already did. */
    @Override
    public void valueStarted() {
        if (!started) {
            started = true;
            deadline = System.nanoTime() + timeoutNanos;
        }
    }

    /** Takes the message's bytes from the budget, waiting until the request's deadline at most. */
    @Override
    public void buffering(int bytes) throws IOException {
        boolean got;
        try {
            got = budget.take(bytes, started ? Math.max(0, deadline - System.nanoTime()) : timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("waiting for memory for a message of " + bytes + " bytes interrupted");
        }
        if (!got) {
            throw new IOException("no memory for a message of " + bytes + " bytes within the request timeout ("
                    + Duration.ofNanos(timeoutNanos).toMillis() + " ms): " + budget.held() + " of the "
                    + budget.capacity() + " bytes of the server's memory budget are held by other requests");
        }
        taken += bytes;
    }

    /** The request header has been decoded: its messages' bytes go back to the budget. */
    void headerRead() {
        release();
    }

    /**
     * The request has arrived whole: the connection may be idle again. Returns the bytes its body holds, for the
     * caller to give back to the budget once the call is answered.
     */
    long requestRead() {
        started = false;
        long body = taken;
        taken = 0;
        return body;
    }

    /** Gives back what the request being read holds (the connection ends, or its header is decoded). */
    void release() {
        budget.give(taken);
        taken = 0;
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
