package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding, splitting and bounding of an environment's output. */
class EnvironmentLogTest {

    final List<String> sink = new CopyOnWriteArrayList<>();
    final EnvironmentLog log = new EnvironmentLog(sink::add);

    @TempDir
    Path dir;

    @Test
    void aCharacterAcrossTwoReadsIsDecodedWhole() throws Exception {
        String line = "a".repeat(8191) + "é€😀";

        follow(line + "\nnext\n", 2);

        assertThat(sink).containsExactly(line, "next");
    }

    @Test
    void theInvocationLogKeepsTheTailAndTheLastLines() throws Exception {
        StringBuilder output = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            output.append("line ").append(i).append(' ').append("x".repeat(90)).append('\n');
        }

        follow(output.toString(), 2000);
        String taken = log.take();

        assertThat(taken).endsWith("line 1999 " + "x".repeat(90) + "\n").doesNotContain("line 1000 ");
        assertThat(taken.getBytes(StandardCharsets.UTF_8).length)
                .isGreaterThanOrEqualTo(EnvironmentLog.TAIL_BYTES)
                .isLessThan(EnvironmentLog.TAIL_BYTES + 200);
    }

    @Test
    void aLineOver256KbIsSplit() throws Exception {
        String longLine = "y".repeat(EnvironmentLog.MAX_LINE_CHARS + 10);

        follow(longLine + "\n" + "z".repeat(EnvironmentLog.MAX_LINE_CHARS) + "\nend\n", 4);

        assertThat(sink)
                .containsExactly(
                        "y".repeat(EnvironmentLog.MAX_LINE_CHARS),
                        "y".repeat(10),
                        "z".repeat(EnvironmentLog.MAX_LINE_CHARS),
                        "end");
    }

    @Test
    void eachTelemetryFrameIsOneRecordWithOrWithoutANewline() throws Exception {
        byte[] frames = concat(
                frame(0xA55A0003, "no newline"),
                frame(0xA55A0017, "two\nlines\n"),
                frame(0xA55A0003, ""),
                frame(0xA55A0003, "é€"));

        followFrames(frames, 5);

        assertThat(sink).containsExactly("no newline", "two", "lines", "", "é€");
    }

    @Test
    void aStreamThatStopsLookingLikeFramesIsReadOnAsLines() throws Exception {
        byte[] bytes = concat(
                frame(0xA55A0003, "framed"), "plain text, not a frame\nsecond line\n".getBytes(StandardCharsets.UTF_8));

        followFrames(bytes, 3);

        assertThat(sink).containsExactly("framed", "plain text, not a frame", "second line");
    }

    private static byte[] frame(int type, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return java.nio.ByteBuffer.allocate(EnvironmentLog.FRAME_HEADER_BYTES + payload.length)
                .putInt(type)
                .putInt(payload.length)
                .putLong(1_765_000_000_000_000L)
                .put(payload)
                .array();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aLineWrittenJustBeforeTheAnswerIsInTheInvocationsLog() throws Exception {
        Path output = Files.createFile(dir.resolve("output"));
        log.readLines(output);
        CompletableFuture<Void> exit = new CompletableFuture<>();
        log.follow(exit, "test", () -> {});
        try {
            for (int i = 0; i < 200; i++) {
                Files.writeString(output, "last words " + i + "\n", StandardOpenOption.APPEND);
                log.platformLine("END " + i);

                assertThat(log.take()).isEqualTo("last words " + i + "\nEND " + i + "\n");
            }
        } finally {
            exit.complete(null);
        }
    }

    @Test
    void aLineAndAFrameSplitAcrossWritesAreReadWhole() throws Exception {
        Path output = Files.createFile(dir.resolve("output"));
        Path telemetry = Files.createFile(dir.resolve("telemetry"));
        log.readLines(output);
        log.readFrames(telemetry);
        byte[] frame = frame(0xA55A0003, "framed é");

        Files.writeString(output, "half a ", StandardOpenOption.APPEND);
        Files.write(telemetry, java.util.Arrays.copyOf(frame, 20), StandardOpenOption.APPEND);
        log.drain();
        assertThat(sink).isEmpty();

        Files.writeString(output, "line\n", StandardOpenOption.APPEND);
        Files.write(telemetry, java.util.Arrays.copyOfRange(frame, 20, frame.length), StandardOpenOption.APPEND);
        log.drain();
        assertThat(sink).containsExactlyInAnyOrder("half a line", "framed é");
    }

    @Test
    void theLastLineWithoutANewlineIsShownWhenTheRuntimeExits() throws Exception {
        follow("first\nno newline at the end", 2);

        assertThat(sink).containsExactly("first", "no newline at the end");
    }

    private void followFrames(byte[] bytes, int lines) throws Exception {
        readToTheEnd(bytes, true);
        assertThat(sink).hasSize(lines);
    }

    private void follow(String text, int lines) throws Exception {
        readToTheEnd(text.getBytes(StandardCharsets.UTF_8), false);
        assertThat(sink).hasSize(lines);
    }

    /** The runtime wrote {@code bytes} and exited: the follower reads them to the end, then says it is closed. */
    private void readToTheEnd(byte[] bytes, boolean frames) throws Exception {
        Path file = Files.write(dir.resolve(frames ? "telemetry" : "output"), bytes);
        if (frames) {
            log.readFrames(file);
        } else {
            log.readLines(file);
        }
        CountDownLatch closed = new CountDownLatch(1);
        log.follow(CompletableFuture.completedFuture(null), "test", closed::countDown);
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("the follower closed").isTrue();
    }
}
