package dev.coldbrew.local.environment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The log of one environment: a thread copies the runtime's stdout and stderr, line by line, to the log sink
 * and into the log of the invocation in progress. Platform lines (START, END, REPORT) go through the same path.
 */
final class EnvironmentLog {

    private final Consumer<String> sink;
    private final StringBuilder current = new StringBuilder();
    private final Object lock = new Object();
    private volatile long lastOutputNanos;

    EnvironmentLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Starts copying {@code output} on a virtual thread until it ends. */
    void follow(InputStream output, String environmentId) {
        Thread.ofVirtual().name("log-" + environmentId).start(() -> copy(output));
    }

    private void copy(InputStream output) {
        byte[] buffer = new byte[8192];
        StringBuilder pending = new StringBuilder();
        try (output) {
            for (int n; (n = output.read(buffer)) >= 0; ) {
                lastOutputNanos = System.nanoTime();
                pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int newline;
                while ((newline = pending.indexOf("\n")) >= 0) {
                    line(pending.substring(0, newline));
                    pending.delete(0, newline + 1);
                }
            }
        } catch (IOException e) {
            // the process is gone; its pipe closed
        }
        if (!pending.isEmpty()) {
            line(pending.toString());
        }
    }

    /** One log line: to the sink and to the current invocation's log. */
    void line(String text) {
        synchronized (lock) {
            current.append(text).append('\n');
        }
        sink.accept(text);
    }

    /** Waits briefly for output the runtime wrote before it answered, then returns and clears the log. */
    String take() {
        awaitDrained();
        synchronized (lock) {
            String text = current.toString();
            current.setLength(0);
            return text;
        }
    }

    /**
     * When the runtime wrote output within the last millisecond, more of it may still be in the pipe: wait
     * until the output has been quiet for 1 ms (at most 5 ms). An invocation without output never waits.
     */
    private void awaitDrained() {
        long deadline = System.nanoTime() + DRAIN_WAIT_NANOS;
        while (System.nanoTime() - lastOutputNanos < QUIET_NANOS && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
    }

    private static final long QUIET_NANOS = 1_000_000;

    /** How long an invocation waits for unread output of its runtime: 5 ms. */
    private static final long DRAIN_WAIT_NANOS = 5_000_000;
}
