package dev.coldbrew.gorpc.rpc;

import java.util.concurrent.TimeUnit;

/**
 * The bytes of request messages a server's connections may hold at once, shared by all of them: a message is
 * taken from the budget before its body is buffered and given back once the call it belongs to is answered (a
 * request header's at once, once decoded). A message waits while the budget is short; one that does not fit a
 * budget held by nothing else is let through alone, so a message of any accepted size is served eventually.
 */
final class MemoryBudget {
    private final long capacity;
    private long held; // guarded by this
    private int waiting; // guarded by this

    MemoryBudget(long capacity) {
        this.capacity = capacity;
    }

    long capacity() {
        return capacity;
    }

    /**
     * Takes {@code bytes}, waiting at most {@code nanos} for them; false if they could not be had in time.
     *
     * @throws InterruptedException if interrupted while waiting (nothing is taken)
     */
    synchronized boolean take(long bytes, long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        waiting++;
        try {
            while (held > 0 && held + bytes > capacity) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            held += bytes;
            return true;
        } finally {
            waiting--;
        }
    }

    synchronized void give(long bytes) {
        if (bytes > 0) {
            held -= bytes;
            notifyAll();
        }
    }

    /** Bytes taken now (tests and log lines). */
    synchronized long held() {
        return held;
    }

    /** Messages waiting for bytes now (tests). */
    synchronized int waiting() {
        return waiting;
    }
}
