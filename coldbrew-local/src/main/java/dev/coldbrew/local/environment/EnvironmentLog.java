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
    private volatile InputStream source;

    EnvironmentLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Starts copying {@code output} on a virtual thread until it ends. */
    void follow(InputStream output, String environmentId) {
        source = output;
        Thread.ofVirtual().name("log-" + environmentId).start(() -> copy(output));
    }

    private void copy(InputStream output) {
        byte[] buffer = new byte[8192];
        StringBuilder pending = new StringBuilder();
        try (output) {
            for (int n; (n = output.read(buffer)) >= 0; ) {
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

    /** Drops what was logged so far (output between invocations belongs to no invocation). */
    void discardPending() {
        synchronized (lock) {
            current.setLength(0);
        }
    }

    private void awaitDrained() {
        InputStream in = source;
        if (in == null) {
            return;
        }
        long deadline = System.nanoTime() + DRAIN_WAIT_NANOS;
        try {
            while (in.available() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            // closed: nothing more to read
        }
    }

    /** How long an invocation waits for unread output of its runtime: 5 ms. */
    private static final long DRAIN_WAIT_NANOS = 5_000_000;
}
