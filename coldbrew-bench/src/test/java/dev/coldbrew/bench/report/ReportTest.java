package dev.coldbrew.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.Profile;
import dev.coldbrew.bench.measure.Calibration;
import dev.coldbrew.bench.measure.Measurements;
import dev.coldbrew.bench.measure.Phase;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.measure.Responses;
import dev.coldbrew.bench.measure.Sample;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.bench.workload.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report pipeline on hand-made samples: tables, ratios, verdicts and charts from known numbers. */
class ReportTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path tmp;

    private final List<Sample> samples = new ArrayList<>();
    private final Responses responses = new Responses();

    /** One cell: cold starts with the given init and first-invoke durations, warm invokes with {@code warmMs}. */
    private void cell(String strategy, int mb, double initMs, double firstMs, double warmMs, long maxMb) {
        for (int i = 0; i < 3; i++) {
            samples.add(
                    new Sample("kmeans", strategy, mb, Phase.COLD, i, "c" + i, initMs + i, firstMs, 0, maxMb, null));
            samples.add(new Sample(
                    "kmeans",
                    strategy,
                    mb,
                    Phase.WARM,
                    i,
                    "w" + i,
                    Double.NaN,
                    warmMs,
                    (long) Math.ceil(warmMs),
                    maxMb,
                    null));
        }
    }

    private BenchOptions options() throws Exception {
        return BenchOptions.builder(Profile.QUICK, Strategies.of(Map.of("PATH", "")), tmp, LocalDateTime.now())
                .workloads(List.of(Workload.KMEANS))
                .strategies(List.of("coldbrew-aot", "coldbrew-native", "seed-bridge"))
                .memorySizesMb(List.of(256, 1024))
                .output(tmp)
                .arguments(List.of(
                        "--workloads",
                        "kmeans",
                        "--strategies",
                        "coldbrew-aot,coldbrew-native,seed-bridge",
                        "--memory",
                        "256,1024",
                        "--output",
                        tmp.toString()))
                .build();
    }

    private Measurements measurements() {
        cell("aws-java", 256, 900, 600, 100, 120);
        cell("aws-java", 1024, 400, 200, 40, 130);
        cell("coldbrew-aot", 256, 150, 100, 30, 80);
        cell("coldbrew-aot", 1024, 60, 30, 10, 90);
        cell("seed-bridge", 256, 20, 500, 150, 200);
        cell("seed-bridge", 1024, 10, 200, 60, 210);
        List<Preparation> preparations = List.of(
                new Preparation("kmeans", "aws-java", Preparation.OK, "", List.of(), 0),
                new Preparation("kmeans", "coldbrew-aot", Preparation.OK, "", List.of("-XX:AOTCache=app.aot"), 3),
                new Preparation("kmeans", "seed-bridge", Preparation.OK, "", List.of("-Xmx<85% of memory size>"), 120),
                new Preparation(
                        "kmeans",
                        "package-provided",
                        Preparation.OK,
                        "function.zip 8.0 MB (8388608 bytes)",
                        List.of("-XX:AOTCache=coldbrew.aot"),
                        40),
                new Preparation(
                        "kmeans",
                        "coldbrew-native",
                        Preparation.UNAVAILABLE,
                        "not available here: no native-image on PATH or GRAALVM_HOME",
                        List.of(),
                        0));
        return new Measurements(
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60), true, 0.5, 0.75, preparations, samples, responses);
    }

    @Test
    void theReportOpensWithTheCalibrationBesideLambdasFiguresAndChecksItsTargets() throws Exception {
        BenchOptions o = options();
        List<Sample> hello = new ArrayList<>();
        for (int mb : List.of(128, 256, 1024)) {
            hello.add(new Sample("hello", "java25", mb, Phase.COLD, 0, "j", 300, 200.0 * 128 / mb, 0, 80, null));
            hello.add(new Sample("hello", "go", mb, Phase.COLD, 0, "g", mb == 128 ? 90 : 30, 2, 0, 25, null));
        }
        hello.add(new Sample("hello", "shell", 128, Phase.COLD, 0, "", Double.NaN, 10000, 0, 0, "Sandbox.Timedout"));
        Calibration calibration = new Calibration(
                List.of(128, 256, 1024),
                List.of(new Preparation(
                        "hello", "native", Preparation.UNAVAILABLE, "no native-image here", List.of(), 0)),
                hello);
        Measurements m = measurements().withCalibration(calibration);

        String md = MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m));

        assertThat(md.indexOf("## Calibration: the local Lambda beside real Lambda"))
                .isLessThan(md.indexOf("## Strategies"));
        assertThat(md)
                .contains("| java25 | 300 [300–300] / 300 [300–300] / 300 [300–300] | 258 / 247 / 256 | 1.00× | 1.01×"
                        + " | 200 / 100 / 25.0 | 217 / 89.4 / 10.6 |")
                .contains("| java25 | 80 / 80 / 80 | 86.3 | 0.93× |")
                .contains("| go | 25 / 25 / 25 | 17 | 1.47× |")
                .contains("- `native` not measured (unavailable): no native-image here")
                .contains("- ✘ no hello-world Init fails or times out at 128 MB: shell #1: Sandbox.Timedout")
                .contains("- ✔ java25 Init at 128 MB ÷ Init at 1,024 MB within 0.8–1.3 (Lambda: 1.01×): 1.00×")
                .contains("- ✔ java25 Max Memory Used within ±20 % of Lambda's (86.3 MB): 80 MB, 0.93×")
                .contains("- ✘ go Max Memory Used within ±20 % of Lambda's (17 MB): 25 MB, 1.47×")
                .contains("- native Max Memory Used within ±20 % of Lambda's (34 MB): **not measured** in this run");
        assertThat(ResultsJson.write(o, MachineInfo.current(), m, Summary.of(o, m)))
                .contains("\"calibration\":{\"memorySizesMb\":[128,256,1024]")
                .contains("{\"runtime\":\"java25 (managed)\",\"memoryMb\":128,\"initMedianMs\":258");
    }

    @Test
    void withoutCalibrationTheReportHasNoCalibrationSection() throws Exception {
        BenchOptions o = options();
        Measurements m = measurements();

        assertThat(MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m)))
                .doesNotContain("## Calibration");
    }

    @Test
    void aPreparationsArtifactFollowsItsTime() throws Exception {
        BenchOptions o = options();
        Measurements m = measurements();
        String md = MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m));

        assertThat(md)
                .contains("- `coldbrew-aot` for kmeans was prepared in 3.0 s\n")
                .contains(
                        "- `package-provided` for kmeans was prepared in 40.0 s: function.zip 8.0 MB (8388608 bytes)\n");
    }

    @Test
    void tableShowsMediansRangesAndRatiosAgainstAwsJava() throws Exception {
        BenchOptions o = options();
        Measurements m = measurements();
        String md = MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m));

        assertThat(md)
                .contains(
                        "| `aws-java` | 256 | 901 [900–902] | 600 [600–600] | 1501 [1500–1502] | 1.00× | 100 [100–100]")
                .contains("| `coldbrew-aot` | 1024 | 61.0 [60.0–62.0] | 30.0 [30.0–30.0] | 91.0 [90.0–92.0] | 0.15×"
                        + " | 10.0 [10.0–10.0] | 10.0 | 0.25× | 90 | 0.69× | 10.0 | $0.37 |")
                .contains("| `coldbrew-native` | 256 | not available here: no native-image on PATH or GRAALVM_HOME |")
                .contains("| `seed-bridge` | 1024 | 11.0 [10.0–12.0] | 200 [200–200] | 211 [210–212] | 0.35× |")
                .contains("![duration-kmeans.png](duration-kmeans.png)");
    }

    @Test
    void consoleTableAlignsNumbersAndShowsWhyACellHasNone() throws Exception {
        BenchOptions o = options();
        Measurements m = measurements();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ConsoleTable.print(Summary.of(o, m), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .contains(
                        "workload  strategy         MB    cold ms  vs aws  warm ms  vs aws  max MB  $/1M warm",
                        "kmeans    aws-java          256     1501   1.00×      100   1.00×     120      $0.62",
                        "kmeans    coldbrew-aot     1024     91.0   0.15×     10.0   0.25×      90      $0.37",
                        "kmeans    coldbrew-native   256  not available here: no native-image on PATH or GRAALVM_HOME");
    }

    @Test
    void reportSaysWhetherEveryStrategyDidTheSameWork() throws Exception {
        responses.offer("kmeans", "aws-java", "{\"iterations\":7,\"computeMs\":12.5}".getBytes());
        responses.offer("kmeans", "coldbrew-aot", "{\"iterations\":7,\"computeMs\":3.25}".getBytes());
        BenchOptions o = options();
        Measurements m = measurements();

        assertThat(MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m)))
                .contains("- kmeans: identical responses from 2 strategies (computeMs aside):"
                        + " `{\"iterations\":7,\"computeMs\":_}`\n");
    }

    @Test
    void claimsAreJudgedFromTheNumbers() throws Exception {
        BenchOptions o = options();
        Measurements m = measurements();
        String md = MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m));

        assertThat(md)
                .contains("**coldbrew-aot cold start ≤ 0.25× aws-java** (k-means, Init + first invoke) — holds:"
                        + " coldbrew-aot vs aws-java 256 MB 0.17×, 1024 MB 0.15×.")
                .contains("**coldbrew-aot Max Memory Used below aws-java's at every size** — holds")
                .contains("**Native start-up: no cold start** (seed: sub-10 ms first invocations) — `seed-bridge`"
                        + " holds: cold start (Init + first invoke) vs aws-java 256 MB 0.35×, 1024 MB 0.35×."
                        + " `coldbrew-native` not measured here (coldbrew-native: not available here: no native-image"
                        + " on PATH or GRAALVM_HOME).")
                .contains("**Native slower on k-means** (seed: always slower than plain Java) — `seed-bridge` holds:"
                        + " warm Duration vs the fastest JIT strategy 256 MB 5.00×, 1024 MB 6.00×. `coldbrew-native`"
                        + " not measured here")
                .contains("**Native heavier on k-means** (seed: 110–290 MB more than plain Java's 50–60 MB) —"
                        + " `seed-bridge` holds: Max Memory Used vs aws-java 256 MB 1.67×, 1024 MB 1.62×.");
    }

    @Test
    void oneOfAnythingIsWrittenInTheSingular() throws Exception {
        BenchOptions o = BenchOptions.builder(
                        Profile.QUICK, Strategies.of(Map.of("PATH", "")), tmp, LocalDateTime.now())
                .workloads(List.of(Workload.KMEANS))
                .strategies(List.of("aws-java"))
                .memorySizesMb(List.of(256))
                .coldStarts(1)
                .warmInvokes(1)
                .output(tmp)
                .build();
        samples.add(new Sample("kmeans", "aws-java", 256, Phase.COLD, 0, "c", 900, 600, 0, 120, null));
        samples.add(new Sample("kmeans", "aws-java", 256, Phase.WARM, 0, "w", Double.NaN, 0, 0, 0, "Unhandled"));
        responses.offer("kmeans", "aws-java", "{}".getBytes(StandardCharsets.UTF_8));
        Measurements m = new Measurements(
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60),
                true,
                0.5,
                0.75,
                List.of(new Preparation("kmeans", "aws-java", Preparation.OK, "", List.of(), 0)),
                samples,
                responses);
        ByteArrayOutputStream table = new ByteArrayOutputStream();

        String md = MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m));
        ConsoleTable.print(Summary.of(o, m), new PrintStream(table, true, StandardCharsets.UTF_8));

        assertThat(md)
                .contains(
                        "- Each cell: 1 cold start (a new environment each), then 1 invoke on the last, warm environment.")
                .contains("identical responses from 1 strategy (computeMs aside)");
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("1500 (1 error)");
    }

    @Test
    void chartsAreWrittenAsPngWithoutADisplay() throws Exception {
        BenchOptions o = options();
        Measurements m = measurements();

        List<Path> charts = Charts.write(Summary.of(o, m), List.of("kmeans"), tmp);

        assertThat(charts)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "duration-kmeans.png",
                        "cold-start-kmeans.png",
                        "cold-start-by-memory-kmeans.png",
                        "max-memory-kmeans.png");
        for (Path chart : charts) {
            byte[] head = new byte[4];
            System.arraycopy(Files.readAllBytes(chart), 0, head, 0, 4);
            assertThat(head).isEqualTo(PNG_MAGIC);
        }
    }

    @Test
    void resultsJsonHoldsEveryRawSample() throws Exception {
        BenchOptions o = options();
        Measurements m = measurements();

        String json = ResultsJson.write(o, MachineInfo.current(), m, Summary.of(o, m));

        assertThat(json.split("\"requestId\"", -1)).hasSize(samples.size() + 1);
        assertThat(json)
                .startsWith("{\"format\":1,")
                .contains("\"limitsEnforced\":true")
                .contains("\"usdPerGbSecond\":0.0000166667")
                .contains("\"coldTotalVsAwsJava\":0.151");
    }
}
