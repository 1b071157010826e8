package dev.coldbrew.local.environment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The log of one environment: a thread decodes the runtime's stdout and stderr (UTF-8, also across read
 * boundaries), splits it into lines (lines over {@link #MAX_LINE_CHARS} are split, as Lambda splits them) and copies
 * each to the log sink and into the log of the invocation in progress. Platform lines (START, END, REPORT) go
 * through the same path. The invocation's log keeps only its last lines that cover {@link #TAIL_BYTES}, all that
 * {@code X-Amz-Log-Result} returns, so a chatty function does not grow it without bound.
 */
final class EnvironmentLog {

    /** Lambda splits log lines longer than 256 KB; counted here in characters. */
    static final int MAX_LINE_CHARS = 256 * 1024;

    /** The invocation's log keeps at least its last 4 KB (UTF-8), the size of the Invoke API's log tail. */
    static final int TAIL_BYTES = 4096;

    private static final int READ_BYTES = 8192;

    /** A line of the invocation's log and its UTF-8 size including the newline. */
    private record Line(String text, int bytes) {}

    private final Consumer<String> sink;
    private final Deque<Line> current = new ArrayDeque<>();
    private final Object lock = new Object();
    private long currentBytes;
    private volatile long lastOutputNanos;

    EnvironmentLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Starts copying {@code output} on a virtual thread until it ends. */
    void follow(InputStream output, String environmentId) {
        Thread.ofVirtual().name("log-" + environmentId).start(() -> copy(output));
    }

    /**
     * Starts reading Lambda's telemetry log on a virtual thread: framed records as AWS's runtime client writes them
     * when {@code _LAMBDA_TELEMETRY_LOG_FD} is set, each a 16-byte big-endian header (a type whose high half is
     * {@code 0xA55A}, the payload length, a timestamp in microseconds) and the payload. Each record is one log
     * entry, shown where it was logged even without a trailing newline (a record's own lines are kept together, one
     * trailing newline dropped). A stream that stops looking like frames is read on as plain lines.
     */
    void followFrames(InputStream telemetry, String environmentId) {
        Thread.ofVirtual().name("telemetry-" + environmentId).start(() -> frames(telemetry));
    }

    /** The high half of every frame type AWS's runtime client writes. */
    static final int FRAME_MAGIC = 0xA55A;

    static final int FRAME_HEADER_BYTES = 16;

    /** Larger payloads are not frames (a record is at most a log line: Lambda splits lines at 256 KB). */
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private void frames(InputStream telemetry) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(telemetry)) {
            byte[] header = new byte[FRAME_HEADER_BYTES];
            while (true) {
                int got = in.readNBytes(header, 0, FRAME_HEADER_BYTES);
                if (got < FRAME_HEADER_BYTES) {
                    if (got > 0) {
                        copy(new java.io.ByteArrayInputStream(header, 0, got));
                    }
                    return;
                }
                ByteBuffer fields = ByteBuffer.wrap(header);
                int type = fields.getInt();
                int length = fields.getInt();
                if (type >>> 16 != FRAME_MAGIC || length < 0 || length > MAX_FRAME_BYTES) {
                    copy(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(header), in));
                    return;
                }
                lastOutputNanos = System.nanoTime();
                record(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process is gone; its pipe closed
        }
    }

    /** One framed record: its lines, without the one trailing newline a {@code println}-style call adds. */
    private void record(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String part : body.split("\n", -1)) {
            for (int from = 0; from < part.length() || from == 0; from += MAX_LINE_CHARS) {
                line(part.substring(from, Math.min(part.length(), from + MAX_LINE_CHARS)));
            }
        }
    }

    private void copy(InputStream output) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer bytes = ByteBuffer.allocate(READ_BYTES);
        CharBuffer chars = CharBuffer.allocate(READ_BYTES);
        StringBuilder pending = new StringBuilder();
        try (output) {
            for (int n; (n = output.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0; ) {
                lastOutputNanos = System.nanoTime();
                bytes.position(bytes.position() + n).flip();
                decoder.decode(bytes, chars, false);
                bytes.compact();
                split(chars, pending);
            }
        } catch (IOException e) {
            // the process is gone; its pipe closed
        }
        bytes.flip();
        decoder.decode(bytes, chars, true);
        decoder.flush(chars);
        split(chars, pending);
        if (!pending.isEmpty()) {
            line(pending.toString());
        }
    }

    /** Moves the decoded characters into {@code pending}, emitting each complete (or over-long) line. */
    private void split(CharBuffer chars, StringBuilder pending) {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                line(pending.toString());
                pending.setLength(0);
            } else {
                if (pending.length() == MAX_LINE_CHARS) {
                    line(pending.toString());
                    pending.setLength(0);
                }
                pending.append(c);
            }
        }
        chars.clear();
    }

    /** One log line: to the sink and to the current invocation's log. */
    void line(String text) {
        synchronized (lock) {
            Line line = new Line(text, utf8Length(text) + 1);
            current.addLast(line);
            currentBytes += line.bytes();
            while (current.size() > 1 && currentBytes - current.peekFirst().bytes() >= TAIL_BYTES) {
                currentBytes -= current.removeFirst().bytes();
            }
        }
        sink.accept(text);
    }

    /**
     * Waits briefly for output the runtime wrote before it answered, then returns and clears the invocation's log
     * (its last lines, at least {@link #TAIL_BYTES} when there were that many).
     */
    String take() {
        awaitDrained();
        synchronized (lock) {
            StringBuilder text = new StringBuilder((int) Math.min(currentBytes, Integer.MAX_VALUE));
            current.forEach(line -> text.append(line.text()).append('\n'));
            current.clear();
            currentBytes = 0;
            return text.toString();
        }
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
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
