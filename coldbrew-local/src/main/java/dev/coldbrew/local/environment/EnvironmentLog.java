package dev.coldbrew.local.environment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The log of one environment: the runtime's stdout and stderr go to a file ({@link OutputFile}); they are decoded
 * (UTF-8, also across read boundaries) and split into lines (lines over {@link #MAX_LINE_CHARS} are split, as
 * Lambda splits them), and each line goes to the log sink and into the log of the invocation in progress. A thread
 * follows the file for the sink; {@link #take()} and {@link #line} first read the file up to its end, so every line a
 * runtime wrote before it answered belongs to the invocation it answered, whatever the machine's load. Platform lines
 * (START, END, REPORT) go through the same path. The invocation's log keeps only its last lines that cover
 * {@link #TAIL_BYTES}, all that {@code X-Amz-Log-Result} returns, so a chatty function does not grow it without
 * bound.
 */
final class EnvironmentLog {

    /** Lambda splits log lines longer than 256 KB; counted here in characters. */
    static final int MAX_LINE_CHARS = 256 * 1024;

    /** The invocation's log keeps at least its last 4 KB (UTF-8), the size of the Invoke API's log tail. */
    static final int TAIL_BYTES = 4096;

    /** The high half of every frame type AWS's runtime client writes. */
    static final int FRAME_MAGIC = 0xA55A;

    static final int FRAME_HEADER_BYTES = 16;

    /** Larger payloads are not frames (a record is at most a log line: Lambda splits lines at 256 KB). */
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private static final int READ_BYTES = 8192;

    /** The follower polls the files this often while output flows, and backs off to {@link #IDLE_POLL} when quiet. */
    private static final long BUSY_POLL_NANOS = 2_000_000;

    private static final long IDLE_POLL_NANOS = 50_000_000;

    /** A line of the invocation's log and its UTF-8 size including the newline. */
    private record Line(String text, int bytes) {}

    private final Consumer<String> sink;
    private final Deque<Line> current = new ArrayDeque<>();
    private final Object lock = new Object();
    private long currentBytes;

    /** Held while reading the files: by the follower, or by an invocation that needs every line so far. */
    private final ReentrantLock reading = new ReentrantLock();

    private final List<Source> sources = new CopyOnWriteArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);

    EnvironmentLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** A file and what turns its bytes into lines. */
    private record Source(OutputFile file, Decoder decoder) {}

    /** Turns bytes into log lines, keeping what does not make a line yet. */
    private interface Decoder {
        void feed(ByteBuffer bytes);

        /** The end of the output: what is left is emitted. */
        void finish();
    }

    /** Reads {@code output} as plain lines. Call before {@link #follow}. */
    void readLines(Path output) throws IOException {
        sources.add(new Source(OutputFile.open(output), new LineDecoder()));
    }

    /**
     * Reads {@code telemetry} as Lambda's telemetry log: framed records as AWS's runtime client writes them when
     * {@code _LAMBDA_TELEMETRY_LOG_FD} is set, each a 16-byte big-endian header (a type whose high half is
     * {@code 0xA55A}, the payload length, a timestamp in microseconds) and the payload. Each record is one log entry,
     * shown where it was logged even without a trailing newline (a record's own lines are kept together, one trailing
     * newline dropped). Output that stops looking like frames is read on as plain lines. Call before {@link #follow}.
     */
    void readFrames(Path telemetry) throws IOException {
        sources.add(new Source(OutputFile.open(telemetry), new FrameDecoder()));
    }

    /**
     * Starts a virtual thread that reads the files for the log sink until {@code exit} completes, then reads them to
     * the end, emits what is left and calls {@code closed}.
     */
    void follow(CompletableFuture<?> exit, String environmentId, Runnable closed) {
        Thread.ofVirtual().name("log-" + environmentId).start(() -> {
            long pause = BUSY_POLL_NANOS;
            while (!exit.isDone()) {
                pause = drain() > 0 ? BUSY_POLL_NANOS : Math.min(IDLE_POLL_NANOS, pause * 2);
                try {
                    exit.get(pause, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // poll again, or the exit completed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            finish();
            closed.run();
        });
    }

    /** Reads every file up to its current end; the number of bytes read. */
    int drain() {
        reading.lock();
        try {
            int total = 0;
            for (Source source : sources) {
                try {
                    for (int n; (n = source.file().read(buffer.clear())) > 0; ) {
                        total += n;
                        source.decoder().feed(buffer.flip());
                    }
                    source.file().releaseRead();
                } catch (IOException e) {
                    // the file was removed with its environment
                }
            }
            return total;
        } finally {
            reading.unlock();
        }
    }

    private void finish() {
        drain();
        reading.lock();
        try {
            for (Source source : sources) {
                source.decoder().finish();
                try {
                    source.file().close();
                } catch (IOException e) {
                    // nothing more to read
                }
            }
        } finally {
            reading.unlock();
        }
    }

    /** UTF-8 text split into lines, a line over {@link #MAX_LINE_CHARS} split. */
    private final class LineDecoder implements Decoder {
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer bytes = ByteBuffer.allocate(READ_BYTES);
        private final CharBuffer chars = CharBuffer.allocate(READ_BYTES);
        private final StringBuilder pending = new StringBuilder();

        @Override
        public void feed(ByteBuffer input) {
            while (input.hasRemaining()) {
                int n = Math.min(bytes.remaining(), input.remaining());
                bytes.put(input.slice(input.position(), n));
                input.position(input.position() + n);
                bytes.flip();
                utf8.decode(bytes, chars, false);
                bytes.compact();
                split();
            }
        }

        @Override
        public void finish() {
            bytes.flip();
            utf8.decode(bytes, chars, true);
            utf8.flush(chars);
            bytes.clear();
            split();
            if (!pending.isEmpty()) {
                line(pending.toString());
                pending.setLength(0);
            }
        }

        /** Moves the decoded characters into {@code pending}, emitting each complete (or over-long) line. */
        private void split() {
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
    }

    /** Telemetry frames, one record each; from the first thing that is not a frame on, plain lines. */
    private final class FrameDecoder implements Decoder {
        private ByteBuffer frames = ByteBuffer.allocate(READ_BYTES);
        private LineDecoder plain;

        @Override
        public void feed(ByteBuffer input) {
            if (plain != null) {
                plain.feed(input);
                return;
            }
            if (frames.remaining() < input.remaining()) {
                ByteBuffer larger =
                        ByteBuffer.allocate(Math.max(frames.capacity() * 2, frames.position() + input.remaining()));
                frames.flip();
                larger.put(frames);
                frames = larger;
            }
            frames.put(input);
            frames.flip();
            while (plain == null && frames.remaining() >= FRAME_HEADER_BYTES) {
                int type = frames.getInt(frames.position());
                int length = frames.getInt(frames.position() + 4);
                if (type >>> 16 != FRAME_MAGIC || length < 0 || length > MAX_FRAME_BYTES) {
                    plain = new LineDecoder();
                    plain.feed(frames);
                } else if (frames.remaining() - FRAME_HEADER_BYTES >= length) {
                    byte[] payload = new byte[length];
                    frames.position(frames.position() + FRAME_HEADER_BYTES).get(payload);
                    record(new String(payload, StandardCharsets.UTF_8));
                } else {
                    break;
                }
            }
            frames.compact();
        }

        @Override
        public void finish() {
            if (plain == null && frames.position() > 0) {
                plain = new LineDecoder();
                plain.feed(frames.flip());
                frames.clear();
            }
            if (plain != null) {
                plain.finish();
            }
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

    /**
     * A platform line (START, END, REPORT): after every line the runtime wrote so far, so that the function's lines
     * stay inside its invocation.
     */
    void platformLine(String text) {
        drain();
        line(text);
    }

    /** One log line: to the sink and to the current invocation's log. */
    private void line(String text) {
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
     * Reads the runtime's output up to its end (all it wrote before it answered), then returns and clears the
     * invocation's log (its last lines, at least {@link #TAIL_BYTES} when there were that many).
     */
    String take() {
        drain();
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
}
