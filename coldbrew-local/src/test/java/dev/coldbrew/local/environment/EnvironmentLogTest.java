package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Decoding, splitting and bounding of an environment's output. */
class EnvironmentLogTest {

    final List<String> sink = new CopyOnWriteArrayList<>();
    final EnvironmentLog log = new EnvironmentLog(sink::add);

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

    private void followFrames(byte[] bytes, int lines) throws InterruptedException {
        log.followFrames(new ByteArrayInputStream(bytes), "test");
        awaitLines(lines);
    }

    private void follow(String text, int lines) throws InterruptedException {
        log.follow(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
        awaitLines(lines);
    }

    private void awaitLines(int lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sink.size() < lines && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
