package dev.coldbrew.bench.report;

import dev.coldbrew.bench.strategy.AotStrategy;
import dev.coldbrew.bench.strategy.AwsJavaStrategy;
import dev.coldbrew.bench.strategy.JvmStrategy;
import dev.coldbrew.bench.strategy.NativeStrategy;
import dev.coldbrew.bench.strategy.PackageProvidedStrategy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
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
    /** While one claim is judged ({@link #claim}): how many of its parts had numbers, and what had none. */
    private int measuredParts;

    private final List<String> missing = new ArrayList<>();

    Claims(Summary summary, List<Integer> memorySizes) {
        this.summary = summary;
        this.memorySizes = memorySizes;
    }

    List<Claim> seed() {
        return List.of(
                claim(
                        "**Native start-up: no cold start** (seed: sub-10 ms first invocations)",
                        () -> onNative(s -> compare(
                                "kmeans",
                                s,
                                c -> c.coldTotal().median(),
                                AwsJavaStrategy.NAME,
                                r -> r < 1,
                                "cold start (Init + first invoke) vs aws-java"))),
                claim(
                        "**Native slower on k-means** (seed: always slower than plain Java)",
                        () -> onNative(s -> compareToBestJit(
                                "kmeans", s, r -> r > 1, "warm Duration vs the fastest JIT strategy"))),
                claim(
                        "**Native heavier on k-means** (seed: 110–290 MB more than plain Java's 50–60 MB)",
                        () -> onNative(s -> compare(
                                "kmeans",
                                s,
                                CellSummary::maxMemoryMedian,
                                AwsJavaStrategy.NAME,
                                r -> r > 1,
                                "Max Memory Used vs aws-java"))),
                claim(
                        "**Native 2× faster on sin(x)** (seed: 10 million sin(x), 2× faster than plain Java, measured"
                                + " without its Go bridge)",
                        () -> compare(
                                "sin",
                                NativeStrategy.NAME,
                                c -> c.warmDuration().median(),
                                AwsJavaStrategy.NAME,
                                r -> r <= 0.5,
                                "native warm Duration vs aws-java")),
                claim("**Plain Java used 50–60 MB on k-means** (seed, on Lambda)", this::plainJavaMemory));
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

    List<Claim> targets() {
        return List.of(
                claim(
                        "**coldbrew-aot cold start ≤ 0.25× aws-java** (k-means, Init + first invoke)",
                        () -> compare(
                                "kmeans",
                                AotStrategy.NAME,
                                c -> c.coldTotal().median(),
                                AwsJavaStrategy.NAME,
                                r -> r <= 0.25,
                                "coldbrew-aot vs aws-java")),
                claim(
                        "**coldbrew-aot warm k-means within 10% of the best JIT result**",
                        () -> compareToBestJit(
                                "kmeans",
                                AotStrategy.NAME,
                                r -> r <= 1.10,
                                "coldbrew-aot warm Duration vs the fastest JIT strategy")),
                claim(
                        "**coldbrew-aot Max Memory Used below aws-java's at every size**",
                        () -> compare(
                                "kmeans",
                                AotStrategy.NAME,
                                CellSummary::maxMemoryMedian,
                                AwsJavaStrategy.NAME,
                                r -> r < 1,
                                "coldbrew-aot vs aws-java (k-means)")),
                claim(
                        "**C1 only (AWS's default) vs C2, warm k-means**",
                        () -> compare(
                                "kmeans",
                                JvmStrategy.C1_NAME,
                                c -> c.warmDuration().median(),
                                JvmStrategy.NAME,
                                r -> r > 1,
                                "coldbrew-jvm-c1 vs coldbrew-jvm warm Duration")));
    }

    /** Priming's targets: k-means cold start per memory size against aws-java (the sizes the goal names). */
    static final Map<Integer, Double> PRIMED_COLD_TARGETS = Map.of(128, 0.3, 256, 0.4, 512, 0.6, 1769, 0.85);

    /** The targets of priming in Init, each checked for coldbrew-primed (and package-provided-primed if measured). */
    List<Claim> primingTargets() {
        List<Claim> lines = new ArrayList<>();
        for (String primed : List.of(AotStrategy.PRIMED_NAME, PackageProvidedStrategy.PRIMED_NAME)) {
            if (primed.equals(PackageProvidedStrategy.PRIMED_NAME) && !measuredAnywhere("kmeans", primed)) {
                continue;
            }
            lines.add(claim(
                    "**`" + primed + "` k-means cold start ≤ 0.3× aws-java at 128 MB, ≤ 0.4× at 256, ≤ 0.6× at"
                            + " 512, ≤ 0.85× at 1769**",
                    () -> primedColdStart(primed)));
            lines.add(claim(
                    "**`" + primed + "` billed cold start (Init + first invoke) ≤ aws-java's at every size**"
                            + " (k-means)",
                    () -> compare(
                            "kmeans",
                            primed,
                            c -> c.coldBilled().median(),
                            AwsJavaStrategy.NAME,
                            r -> r <= 1,
                            primed + " vs aws-java billed")));
        }
        lines.add(claim(
                "**`coldbrew-primed` echo cold start not worse than coldbrew-aot's**",
                () -> compare(
                        "echo",
                        AotStrategy.PRIMED_NAME,
                        c -> c.coldTotal().median(),
                        AotStrategy.NAME,
                        r -> r <= 1,
                        "coldbrew-primed vs coldbrew-aot")));
        for (String workload : List.of("kmeans", "echo")) {
            lines.add(claim(
                    "**`coldbrew-primed` warm " + workload + " unchanged (within ±10% of coldbrew-aot)**",
                    () -> compare(
                            workload,
                            AotStrategy.PRIMED_NAME,
                            c -> c.warmDuration().median(),
                            AotStrategy.NAME,
                            r -> r >= 0.9 && r <= 1.1,
                            "warm Duration vs coldbrew-aot")));
        }
        lines.add(claim(
                "**Primed JVM first invoke vs coldbrew-native first invoke, k-means at 256 MB** (reported, no target)",
                () -> firstInvokes(256)));
        return lines;
    }

    private String primedColdStart(String primed) {
        List<String> parts = new ArrayList<>();
        int held = 0;
        for (int mb : memorySizes) {
            Double target = PRIMED_COLD_TARGETS.get(mb);
            Optional<CellSummary> cell = cell("kmeans", primed, mb);
            Optional<CellSummary> base = cell("kmeans", AwsJavaStrategy.NAME, mb);
            if (target == null || cell.isEmpty() || base.isEmpty()) {
                continue;
            }
            double ratio =
                    cell.get().coldTotal().median() / base.get().coldTotal().median();
            boolean met = ratio <= target;
            held += met ? 1 : 0;
            parts.add(mb + " MB "
                    + String.format(Locale.ROOT, "%.2f× (target ≤ %.2f×: %s)", ratio, target, met ? "met" : "not met"));
        }
        if (parts.isEmpty()) {
            return "not measured here (" + notMeasuredReason("kmeans", primed) + ").";
        }
        measuredParts++;
        String outcome = held == parts.size()
                ? "holds"
                : held == 0 ? "does not hold" : "holds at " + held + " of " + parts.size() + " sizes";
        return outcome + ": " + String.join(", ", parts) + ".";
    }

    private String firstInvokes(int mb) {
        Optional<CellSummary> primed = cell("kmeans", AotStrategy.PRIMED_NAME, mb);
        Optional<CellSummary> nativeCell = cell("kmeans", NativeStrategy.NAME, mb);
        if (primed.isEmpty()) {
            return "not measured here (" + notMeasuredReason("kmeans", AotStrategy.PRIMED_NAME) + ").";
        }
        measuredParts++;
        String line = "coldbrew-primed first invoke "
                + Format.medianRange(primed.get().coldDuration()) + " ms";
        if (nativeCell.isEmpty()) {
            return line + "; coldbrew-native not measured here (" + notMeasuredReason("kmeans", NativeStrategy.NAME)
                    + ").";
        }
        return line + ", coldbrew-native first invoke "
                + Format.medianRange(nativeCell.get().coldDuration())
                + " ms ("
                + Format.ratio(primed.get().coldDuration().median()
                        / nativeCell.get().coldDuration().median()) + ").";
    }

    private boolean measuredAnywhere(String workload, String strategy) {
        return memorySizes.stream().anyMatch(mb -> cell(workload, strategy, mb).isPresent());
    }

    /** aws-java's Max Memory Used on k-means at each size, against the seed's 50–60 MB. */
    private String plainJavaMemory() {
        List<String> parts = new ArrayList<>();
        for (int mb : memorySizes) {
            cell("kmeans", AwsJavaStrategy.NAME, mb)
                    .ifPresent(c -> parts.add(mb + " MB: " + Format.mb(c.maxMemoryMedian()) + " MB"));
        }
        if (parts.isEmpty()) {
            return "not measured here (" + notMeasuredReason("kmeans", AwsJavaStrategy.NAME) + ").";
        }
        measuredParts++;
        return "aws-java's Max Memory Used here: " + String.join(", ", parts)
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
        measuredParts++;
        String outcome = held == parts.size()
                ? "holds"
                : held == 0 ? "does not hold" : "holds at " + held + " of " + parts.size() + " sizes";
        return outcome + ": " + what + " " + String.join(", ", parts) + ".";
    }

    private String notMeasuredReason(String workload, String strategy) {
        Optional<String> note = summary.cells(workload).stream()
                .filter(c -> c.strategy().equals(strategy) && !c.note().isEmpty())
                .map(c -> strategy + ": " + c.note().lines().findFirst().orElse(""))
                .findFirst();
        missing.add(note.orElse(workload + " × " + strategy));
        return note.orElse(workload + " × " + strategy + " was not part of this run");
    }

    /**
     * The claim {@code title} with the verdict {@code verdict} computes; while it runs, the verdict's parts count
     * what they measured and name what they could not.
     */
    private Claim claim(String title, Supplier<String> verdict) {
        measuredParts = 0;
        missing.clear();
        String text = title + " — " + verdict.get();
        return new Claim(text, title, measuredParts > 0 ? List.of() : List.copyOf(missing));
    }

    /**
     * The report's lines for {@code claims}: each claim with something measured, then one line for all the claims
     * with nothing measured, naming them and why (a one-workload run would otherwise read as a page of "not measured
     * here").
     */
    static List<String> lines(List<Claim> claims) {
        List<String> lines = new ArrayList<>();
        claims.stream().filter(Claim::measured).map(Claim::text).forEach(lines::add);
        List<Claim> unmeasured = claims.stream().filter(c -> !c.measured()).toList();
        if (unmeasured.isEmpty()) {
            return lines;
        }
        Set<String> notInRun = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Claim c : unmeasured) {
            c.missing().forEach(m -> (m.contains(": ") ? notes : notInRun).add(m));
        }
        List<String> why = new ArrayList<>();
        if (!notInRun.isEmpty()) {
            why.add(String.join(", ", notInRun) + (notInRun.size() == 1 ? " was" : " were") + " not part of this run");
        }
        why.addAll(notes);
        lines.add("Not measured here: "
                + unmeasured.stream().map(Claim::name).collect(Collectors.joining("; "))
                + " — " + String.join("; ", why) + ".");
        return lines;
    }

    /**
     * One claim as the report states it.
     *
     * @param text the claim and its verdict
     * @param missing empty when something was measured; else what was not (workload × strategy, or why not)
     */
    record Claim(String text, String title, List<String> missing) {
        boolean measured() {
            return missing.isEmpty();
        }

        /** The claim's name: its bold part. */
        String name() {
            int end = title.indexOf("**", 2);
            return end < 0 ? title : title.substring(2, end);
        }
    }

    private Optional<CellSummary> cell(String workload, String strategy, int mb) {
        return summary.cell(workload, strategy, mb).filter(CellSummary::measured);
    }
}
