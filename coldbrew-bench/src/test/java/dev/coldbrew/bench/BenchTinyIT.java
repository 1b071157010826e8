package dev.coldbrew.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the tiny profile, for real: the examples' code directories, AWS's runtime client and
 * coldbrew's runtime in the local Lambda, AOT training, cold and warm invokes, report and charts. Checks that every
 * cell was measured and every file written, never the numbers.
 *
 * <p>The run took from 3 to 12 minutes on 2 cores, depending on what else ran on them (AOT training, calibration and
 * every cold start share the cores): the build's 5-minute default, which only guards against a hang, is raised for
 * it.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BenchTinyIT {
    @TempDir
    Path output;

    @Test
    void tinyProfileMeasuresEveryCellAndWritesTheReport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path home = Path.of(System.getProperty(Bench.HOME_PROPERTY));
        Bench bench = Bench.fromSystem();
        BenchOptions options = BenchOptions.builder(Profile.TINY, bench.strategies(), home, LocalDateTime.now())
                .output(output)
                .build();

        Bench.Outcome outcome = bench.run(
                options,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(outcome).as("stdout:\n%s\nstderr:\n%s", table, err).isEqualTo(Bench.Outcome.OK);
        assertThat(home.resolve("examples")).isDirectory();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .as("a log gets plain lines, no carriage-return frames of a progress bar")
                .doesNotContain("\r")
                .contains("echo coldbrew-aot: prepared in ")
                .contains("kmeans package-provided 1024 MB: measured (cold starts 1, warm invokes 2)\n");
        for (String strategy : List.of("aws-java", "coldbrew-jvm", "coldbrew-aot", "package-provided")) {
            assertThat(table).containsPattern("(?m)^echo +" + strategy + " +1024 +\\d");
            assertThat(table).containsPattern("(?m)^kmeans +" + strategy + " +1024 +\\d");
        }
        String json = Files.readString(output.resolve("results.json"));
        assertThat(json.split("\"workload\":\"(echo|kmeans)\",[^}]*\"phase\":\"cold\"", -1))
                .hasSize(8 + 1);
        assertThat(json.split("\"phase\":\"warm\"", -1)).hasSize(16 + 1);
        assertThat(json).contains("\"calibration\":{\"memorySizesMb\":[128,256,1024]");
        assertThat(json.split("\"workload\":\"hello\",\"strategy\":\"java25\",\"memoryMb\"", -1))
                .hasSize(3 + 1);
        assertThat(json).doesNotContain("\"error\":\"");
        assertThat(output.resolve("functions/coldbrew-aot/kmeans/app.aot")).isRegularFile();
        assertThat(output.resolve("functions/package-provided/kmeans/task/coldbrew.aot"))
                .isRegularFile();
        assertThat(Files.readString(output.resolve("report.md")))
                .contains("## kmeans")
                .contains("- kmeans: identical responses from 4 strategies")
                .containsPattern("- `package-provided` for kmeans was prepared in [0-9.]+ s: function.zip [0-9.]+ MB")
                .contains("## The seed's claims, on this machine")
                .contains("## Calibration: the local Lambda beside real Lambda")
                .containsPattern("(?m)^\\| java25 \\| [0-9.]+ \\[")
                .containsPattern("- ✔ no hello-world Init fails or times out at 128 MB: none did")
                .containsPattern("- [✔✘] java25 Init at 128 MB ÷ Init at 1,024 MB within 0.8–1.3");
        for (String chart : List.of("duration", "cold-start", "cold-start-by-memory", "max-memory")) {
            assertThat(output.resolve(chart + "-echo.png")).isNotEmptyFile();
            assertThat(output.resolve(chart + "-kmeans.png")).isNotEmptyFile();
        }
    }
}
