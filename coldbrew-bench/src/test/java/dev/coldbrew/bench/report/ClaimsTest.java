package dev.coldbrew.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.Profile;
import dev.coldbrew.bench.measure.Measurements;
import dev.coldbrew.bench.measure.Phase;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.measure.Responses;
import dev.coldbrew.bench.measure.Sample;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.bench.workload.Workload;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts that hold at some sizes only, or not at all, from hand-made samples. */
class ClaimsTest {
    private final List<Sample> samples = new ArrayList<>();
    private final Responses responses = new Responses();

    private void cell(String strategy, int mb, double coldMs, double warmMs, long maxMb) {
        samples.add(new Sample("kmeans", strategy, mb, Phase.COLD, 0, "c", coldMs / 2, coldMs / 2, 0, maxMb, null));
        samples.add(new Sample("kmeans", strategy, mb, Phase.WARM, 0, "w", Double.NaN, warmMs, 0, maxMb, null));
    }

    private BenchOptions options() throws Exception {
        return BenchOptions.builder(
                        Profile.QUICK, Strategies.of(Map.of("PATH", "")), Path.of("/repo"), LocalDateTime.now())
                .workloads(List.of(Workload.KMEANS))
                .strategies(List.of("coldbrew-jvm", "coldbrew-jvm-c1", "coldbrew-aot"))
                .memorySizesMb(List.of(256, 1024))
                .build();
    }

    private Measurements measurements() {
        List<Preparation> preparations = new ArrayList<>();
        for (String s : List.of("aws-java", "coldbrew-jvm", "coldbrew-jvm-c1", "coldbrew-aot")) {
            preparations.add(new Preparation("kmeans", s, Preparation.OK, "", List.of(), 0));
        }
        return new Measurements(Instant.EPOCH, Instant.EPOCH, false, 0, 0, preparations, samples, responses);
    }

    private static List<String> texts(List<Claims.Claim> claims) {
        return claims.stream().map(Claims.Claim::text).toList();
    }

    private Claims claims() throws Exception {
        BenchOptions o = options();
        return new Claims(Summary.of(o, measurements()), o.memorySizesMb());
    }

    @Test
    void verdictsNameEverySizeAndHowManyHeld() throws Exception {
        cell("aws-java", 256, 1000, 100, 40);
        cell("aws-java", 1024, 400, 50, 40);
        cell("coldbrew-jvm", 256, 900, 40, 38);
        cell("coldbrew-jvm", 1024, 380, 20, 38);
        cell("coldbrew-jvm-c1", 256, 800, 120, 30);
        cell("coldbrew-jvm-c1", 1024, 300, 60, 30);
        cell("coldbrew-aot", 256, 200, 60, 36);
        cell("coldbrew-aot", 1024, 200, 21, 44);

        assertThat(texts(claims().targets()))
                .containsExactly(
                        "**coldbrew-aot cold start ≤ 0.25× aws-java** (k-means, Init + first invoke) — holds at 1 of"
                                + " 2 sizes: coldbrew-aot vs aws-java 256 MB 0.20×, 1024 MB 0.50×.",
                        "**coldbrew-aot warm k-means within 10% of the best JIT result** — holds at 1 of 2 sizes:"
                                + " coldbrew-aot warm Duration vs the fastest JIT strategy 256 MB 1.50×, 1024 MB 1.05×.",
                        "**coldbrew-aot Max Memory Used below aws-java's at every size** — holds at 1 of 2 sizes:"
                                + " coldbrew-aot vs aws-java (k-means) 256 MB 0.90×, 1024 MB 1.10×.",
                        "**C1 only (AWS's default) vs C2, warm k-means** — holds: coldbrew-jvm-c1 vs coldbrew-jvm"
                                + " warm Duration 256 MB 3.00×, 1024 MB 3.00×.");
    }

    @Test
    void reportTabulatesC1AgainstC2() throws Exception {
        cell("aws-java", 256, 1000, 100, 40);
        cell("aws-java", 1024, 400, 50, 40);
        cell("coldbrew-jvm", 256, 900, 40, 38);
        cell("coldbrew-jvm", 1024, 380, 20, 38);
        cell("coldbrew-jvm-c1", 256, 800, 120, 30);
        cell("coldbrew-jvm-c1", 1024, 300, 60, 30);

        String md = MarkdownReport.write(
                options(), MachineInfo.current(), measurements(), Summary.of(options(), measurements()));

        assertThat(md)
                .contains("| MB | coldbrew-jvm-c1 warm ms | coldbrew-jvm warm ms | C1 / C2 |\n|--:|--:|--:|--:|\n"
                        + "| 256 | 120 [120–120] | 40.0 [40.0–40.0] | 3.00× |\n"
                        + "| 1024 | 60.0 [60.0–60.0] | 20.0 [20.0–20.0] | 3.00× |\n");
    }

    private void primedCell(String strategy, int mb, double coldMs, long billedMs, double warmMs) {
        samples.add(new Sample("kmeans", strategy, mb, Phase.COLD, 0, "c", coldMs / 2, coldMs / 2, billedMs, 50, null));
        samples.add(new Sample("kmeans", strategy, mb, Phase.WARM, 0, "w", Double.NaN, warmMs, 0, 50, null));
    }

    private Claims primingClaims() throws Exception {
        BenchOptions o = BenchOptions.builder(
                        Profile.QUICK, Strategies.of(Map.of("PATH", "")), Path.of("/repo"), LocalDateTime.now())
                .workloads(List.of(Workload.KMEANS))
                .strategies(List.of("coldbrew-aot", "coldbrew-primed"))
                .memorySizesMb(List.of(128, 256, 1024))
                .build();
        List<Preparation> preparations = new ArrayList<>();
        for (String s : List.of("aws-java", "coldbrew-aot", "coldbrew-primed")) {
            preparations.add(new Preparation("kmeans", s, Preparation.OK, "", List.of(), 0));
        }
        Measurements m = new Measurements(Instant.EPOCH, Instant.EPOCH, false, 0, 0, preparations, samples, responses);
        return new Claims(Summary.of(o, m), o.memorySizesMb());
    }

    @Test
    void primingTargetsCheckEachSizeAgainstItsOwnBoundAndTheBilledColdStart() throws Exception {
        primedCell("aws-java", 128, 4000, 4100, 400);
        primedCell("aws-java", 256, 2000, 2100, 200);
        primedCell("aws-java", 1024, 500, 600, 50);
        primedCell("coldbrew-aot", 128, 3000, 3100, 300);
        primedCell("coldbrew-aot", 256, 1500, 1600, 150);
        primedCell("coldbrew-aot", 1024, 400, 500, 40);
        primedCell("coldbrew-primed", 128, 1000, 1200, 300);
        primedCell("coldbrew-primed", 256, 900, 2200, 150);
        primedCell("coldbrew-primed", 1024, 300, 400, 40);

        List<String> lines = texts(primingClaims().primingTargets());

        assertThat(lines.getFirst())
                .endsWith("— holds at 1 of 2 sizes: 128 MB 0.25× (target ≤ 0.30×: met),"
                        + " 256 MB 0.45× (target ≤ 0.40×: not met).");
        assertThat(lines.get(1))
                .endsWith("— holds at 2 of 3 sizes: coldbrew-primed vs aws-java billed 128 MB 0.29×, 256 MB 1.05×,"
                        + " 1024 MB 0.67×.");
        assertThat(lines)
                .anyMatch(line -> line.startsWith("**`coldbrew-primed` warm kmeans unchanged")
                        && line.endsWith(
                                "holds: warm Duration vs coldbrew-aot 128 MB 1.00×, 256 MB 1.00×, 1024 MB 1.00×."));
        assertThat(lines.getLast())
                .contains("coldbrew-primed first invoke 450 [450–450] ms; coldbrew-native not measured here");
    }

    @Test
    void slowerEverywhereDoesNotHoldAndUnmeasuredSaysSo() throws Exception {
        cell("aws-java", 256, 1000, 100, 40);
        cell("aws-java", 1024, 400, 50, 40);
        cell("coldbrew-aot", 256, 900, 100, 41);
        cell("coldbrew-aot", 1024, 380, 50, 41);

        assertThat(texts(claims().targets()).getFirst())
                .endsWith("— does not hold: coldbrew-aot vs aws-java 256 MB 0.90×, 1024 MB 0.95×.");
        assertThat(texts(claims().targets()).getLast())
                .endsWith("— not measured here (kmeans × coldbrew-jvm-c1 was not part of this run).");
    }

    @Test
    void claimsWithNothingMeasuredAreOneLineNamingThemAndWhy() throws Exception {
        cell("aws-java", 256, 1000, 100, 40);
        cell("aws-java", 1024, 400, 50, 40);
        cell("coldbrew-aot", 256, 200, 60, 36);
        cell("coldbrew-aot", 1024, 200, 21, 44);
        BenchOptions o = options();
        Measurements m = measurements();

        String md = MarkdownReport.write(o, MachineInfo.current(), m, Summary.of(o, m));

        assertThat(md).doesNotContain("— not measured here");
        assertThat(md)
                .contains("\n- Not measured here: Native start-up: no cold start; Native slower on k-means; Native"
                        + " heavier on k-means; Native 2× faster on sin(x) — kmeans × seed-bridge, kmeans ×"
                        + " coldbrew-native, sin × coldbrew-native were not part of this run.\n")
                .contains("\n- Not measured here: C1 only (AWS's default) vs C2, warm k-means; `coldbrew-primed`"
                        + " k-means cold start ≤ 0.3× aws-java at 128 MB, ≤ 0.4× at 256, ≤ 0.6× at 512, ≤ 0.85× at"
                        + " 1769;");
        assertThat(md.lines().filter(line -> line.contains("not measured here") || line.contains("Not measured")))
                .hasSize(2);
    }
}
