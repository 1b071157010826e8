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

    private void follow(String text, int lines) throws InterruptedException {
        log.follow(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sink.size() < lines && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
