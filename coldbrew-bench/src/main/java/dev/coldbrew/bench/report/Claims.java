package dev.coldbrew.bench.report;

import dev.coldbrew.bench.strategy.AotStrategy;
import dev.coldbrew.bench.strategy.AwsJavaStrategy;
import dev.coldbrew.bench.strategy.JvmStrategy;
import dev.coldbrew.bench.strategy.NativeStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Checks, from the numbers of one run, the seed's claims (native start-up, native slower and heavier on k-means,
 * judged on the seed's system and on coldbrew's native executable; sin 2× faster natively) and coldbrew's own
 * targets. Each verdict states the ratio at every memory size measured;
 * a claim whose strategies were not measured says so instead of guessing.
 */
final class Claims {
    private static final List<String> NATIVE_STRATEGIES = List.of(NativeStrategy.SEED_BRIDGE, NativeStrategy.NAME);
    private static final List<String> JIT_STRATEGIES =
            List.of(AwsJavaStrategy.NAME, JvmStrategy.NAME, JvmStrategy.C1_NAME, AotStrategy.NAME);

    private final Summary summary;
    private final List<Integer> memorySizes;

    Claims(Summary summary, List<Integer> memorySizes) {
        this.summary = summary;
        this.memorySizes = memorySizes;
    }

    List<String> seed() {
        return List.of(
                "**Native start-up: no cold start** (seed: sub-10 ms first invocations) — "
                        + onNative(s -> compare(
                                "kmeans",
                                s,
                                c -> c.coldTotal().median(),
                                AwsJavaStrategy.NAME,
                                r -> r < 1,
                                "cold start (Init + first invoke) vs aws-java")),
                "**Native slower on k-means** (seed: always slower than plain Java) — "
                        + onNative(s ->
                                compareToBestJit("kmeans", s, r -> r > 1, "warm Duration vs the fastest JIT strategy")),
                "**Native heavier on k-means** (seed: 110–290 MB more than plain Java's 50–60 MB) — "
                        + onNative(s -> compare(
                                "kmeans",
                                s,
                                CellSummary::maxMemoryMedian,
                                AwsJavaStrategy.NAME,
                                r -> r > 1,
                                "Max Memory Used vs aws-java")),
                "**Native 2× faster on sin(x)** (seed: 10 million sin(x), 2× faster than plain Java, measured without"
                        + " its Go bridge) — "
                        + compare(
                                "sin",
                                NativeStrategy.NAME,
                                c -> c.warmDuration().median(),
                                AwsJavaStrategy.NAME,
                                r -> r <= 0.5,
                                "native warm Duration vs aws-java"),
                "**Plain Java used 50–60 MB on k-means** (seed, on Lambda) — " + plainJavaMemory());
    }

    /**
     * A claim the seed made of its Go bridge on Lambda, judged on its system ({@value NativeStrategy#SEED_BRIDGE})
     * and on coldbrew's native executable without the bridge ({@value NativeStrategy#NAME}), one verdict each.
     */
    private static String onNative(Function<String, String> verdict) {
        return NATIVE_STRATEGIES.stream()
                .map(s -> "`" + s + "` " + verdict.apply(s))
                .collect(Collectors.joining(" "));
    }

    List<String> targets() {
        return List.of(
                "**coldbrew-aot cold start ≤ 0.25× aws-java** (k-means, Init + first invoke) — "
                        + compare(
                                "kmeans",
                                AotStrategy.NAME,
                                c -> c.coldTotal().median(),
                                AwsJavaStrategy.NAME,
                                r -> r <= 0.25,
                                "coldbrew-aot vs aws-java"),
                "**coldbrew-aot warm k-means within 10% of the best JIT result** — "
                        + compareToBestJit(
                                "kmeans",
                                AotStrategy.NAME,
                                r -> r <= 1.10,
                                "coldbrew-aot warm Duration vs the fastest JIT strategy"),
                "**coldbrew-aot Max Memory Used below aws-java's at every size** — "
                        + compare(
                                "kmeans",
                                AotStrategy.NAME,
                                CellSummary::maxMemoryMedian,
                                AwsJavaStrategy.NAME,
                                r -> r < 1,
                                "coldbrew-aot vs aws-java (k-means)"),
                "**C1 only (AWS's default) vs C2, warm k-means** — "
                        + compare(
                                "kmeans",
                                JvmStrategy.C1_NAME,
                                c -> c.warmDuration().median(),
                                JvmStrategy.NAME,
                                r -> r > 1,
                                "coldbrew-jvm-c1 vs coldbrew-jvm warm Duration"));
    }

    /** aws-java's Max Memory Used on k-means at each size, against the seed's 50–60 MB. */
    private String plainJavaMemory() {
        List<String> parts = new ArrayList<>();
        for (int mb : memorySizes) {
            cell("kmeans", AwsJavaStrategy.NAME, mb)
                    .ifPresent(c -> parts.add(mb + " MB: " + Format.mb(c.maxMemoryMedian()) + " MB"));
        }
        return parts.isEmpty()
                ? "not measured here (" + notMeasuredReason("kmeans", AwsJavaStrategy.NAME) + ")."
                : "aws-java's Max Memory Used here: " + String.join(", ", parts)
                        + " (the local Lambda's cgroup peak; see the Max Memory Used chart).";
    }

    private String compare(
            String workload,
            String strategy,
            ToDoubleFunction<CellSummary> metric,
            String reference,
            DoublePredicate holds,
            String what) {
        return verdict(
                workload,
                strategy,
                what,
                holds,
                mb -> cell(workload, reference, mb).map(metric::applyAsDouble).orElse(Double.NaN),
                metric);
    }

    private String compareToBestJit(String workload, String strategy, DoublePredicate holds, String what) {
        ToDoubleFunction<CellSummary> warm = c -> c.warmDuration().median();
        return verdict(
                workload,
                strategy,
                what,
                holds,
                mb -> JIT_STRATEGIES.stream()
                        .filter(s -> !s.equals(strategy))
                        .map(s -> cell(workload, s, mb))
                        .flatMap(Optional::stream)
                        .mapToDouble(warm)
                        .filter(v -> !Double.isNaN(v))
                        .min()
                        .orElse(Double.NaN),
                warm);
    }

    private String verdict(
            String workload,
            String strategy,
            String what,
            DoublePredicate holds,
            IntToDoubleFunction reference,
            ToDoubleFunction<CellSummary> metric) {
        List<String> parts = new ArrayList<>();
        int held = 0;
        for (int mb : memorySizes) {
            Optional<CellSummary> cell = cell(workload, strategy, mb);
            double ratio = cell.map(metric::applyAsDouble).orElse(Double.NaN) / reference.applyAsDouble(mb);
            if (Double.isNaN(ratio)) {
                continue;
            }
            parts.add(mb + " MB " + String.format(Locale.ROOT, "%.2f×", ratio));
            held += holds.test(ratio) ? 1 : 0;
        }
        if (parts.isEmpty()) {
            return "not measured here (" + notMeasuredReason(workload, strategy) + ").";
        }
        String outcome = held == parts.size()
                ? "holds"
                : held == 0 ? "does not hold" : "holds at " + held + " of " + parts.size() + " sizes";
        return outcome + ": " + what + " " + String.join(", ", parts) + ".";
    }

    private String notMeasuredReason(String workload, String strategy) {
        return summary.cells(workload).stream()
                .filter(c -> c.strategy().equals(strategy) && !c.note().isEmpty())
                .map(c -> strategy + ": " + c.note().lines().findFirst().orElse(""))
                .findFirst()
                .orElse(workload + " × " + strategy + " was not part of this run");
    }

    private Optional<CellSummary> cell(String workload, String strategy, int mb) {
        return summary.cell(workload, strategy, mb).filter(CellSummary::measured);
    }
}
