package dev.coldbrew.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.Profile;
import dev.coldbrew.bench.calibration.CalibrationRunner;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.bench.workload.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
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

    @Test
    void onATerminalTheBarEndsFullOnALineOfItsOwn() {
        Progress progress = new Progress(out, 2, true);
        progress.advance(2);

        progress.finish();

        assertThat(written()).isEqualTo("\r[##############################] 2/2 done" + System.lineSeparator());
    }

    @Test
    void theBarCountsEachPreparationAndInvokeAndNoCalibrationWithoutOne() throws Exception {
        BenchOptions options = BenchOptions.builder(
                        Profile.QUICK, Strategies.of(Map.of("PATH", "")), Path.of("/repo"), LocalDateTime.now())
                .workloads(List.of(Workload.ECHO))
                .strategies(List.of("coldbrew-jvm", "coldbrew-aot"))
                .memorySizesMb(List.of(512))
                .coldStarts(2)
                .warmInvokes(1)
                .calibrationColdStarts(0)
                .build();

        assertThat(Runner.steps(options))
                .as("3 preparations, 3 × (2 + 1) invokes")
                .isEqualTo(12);
        assertThat(CalibrationRunner.steps(0)).isZero();
    }

    @Test
    void onlyATerminalDeviceGetsTheBar() {
        assertThat(Progress.terminalDevice("/dev/pts/3")).isTrue();
        assertThat(Progress.terminalDevice("/dev/tty1")).isTrue();
        assertThat(Progress.terminalDevice("/home/me/bench.log")).isFalse();
        assertThat(Progress.terminalDevice("pipe:[81234]")).isFalse();
        assertThat(Progress.terminalDevice("/dev/null")).isFalse();
    }
}
