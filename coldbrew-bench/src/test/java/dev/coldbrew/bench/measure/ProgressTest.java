package dev.coldbrew.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar on a terminal, and plain lines in a log. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalTheBarCountsStepsAndNamesTheCellBeingMeasured() {
        Progress progress = new Progress(out, 10, true);
        progress.advance(3);

        progress.show("echo coldbrew-aot 512 MB: cold start 2/3");

        assertThat(written())
                .isEqualTo("\r[#########---------------------] 3/10 echo coldbrew-aot 512 MB: cold start 2/3");
    }

    @Test
    void inALogEachFinishedCellIsAPlainLineWithoutCarriageReturns() {
        Progress progress = new Progress(out, 10, false);

        progress.show("echo aws-java 512 MB: cold start 1/1");
        progress.advance(5);
        progress.finished("echo aws-java 512 MB: measured (cold starts 1, warm invokes 1)");
        progress.show("echo coldbrew-aot 512 MB: cold start 1/1");
        progress.finish();

        assertThat(written())
                .doesNotContain("\r")
                .isEqualTo("echo aws-java 512 MB: measured (cold starts 1, warm invokes 1)" + System.lineSeparator());
    }
}
