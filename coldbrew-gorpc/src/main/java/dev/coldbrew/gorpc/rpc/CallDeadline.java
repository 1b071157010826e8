package dev.coldbrew.gorpc.rpc;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The total deadline of one {@link RpcClient} call: the socket is closed when it passes, so a peer that trickles
 * its reply a byte at a time cannot outlast the call's timeout ({@code SO_TIMEOUT} bounds each read only, and no
 * write). {@link #finish()} cancels it once the call is over; exactly one of the two wins.
 */
final class CallDeadline {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int EXPIRED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final ScheduledFuture<?> timer;

    private CallDeadline(Socket socket, int millis) {
        this.timer = millis == 0 ? null : Timer.EXECUTOR.schedule(() -> expire(socket), millis, TimeUnit.MILLISECONDS);
    }

    /** Starts the deadline {@code millis} from now; zero means no deadline. */
    static CallDeadline start(Socket socket, int millis) {
        return new CallDeadline(socket, millis);
    }

    /** Ends the call; false when the deadline had already passed and closed the socket. */
    boolean finish() {
        if (timer != null) {
            timer.cancel(false);
        }
        return state.compareAndSet(RUNNING, FINISHED);
    }

    /** True once the deadline has passed and closed the socket. */
    boolean expired() {
        return state.get() == EXPIRED;
    }

    private void expire(Socket socket) {
        if (state.compareAndSet(RUNNING, EXPIRED)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the call sees the closed socket either way
            }
        }
    }

    /** One daemon thread for the deadlines of every client, created on the first call with a timeout. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "coldbrew-gorpc-call-deadline");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
