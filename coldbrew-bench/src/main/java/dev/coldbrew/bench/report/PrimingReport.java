package dev.coldbrew.bench.report;

import dev.coldbrew.bench.strategy.AotStrategy;
import dev.coldbrew.bench.strategy.AwsJavaStrategy;
import dev.coldbrew.bench.strategy.NativeStrategy;
import dev.coldbrew.bench.strategy.PackageProvidedStrategy;
import dev.coldbrew.bench.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * The priming section of report.md: per workload and memory size, what a caller waits on a cold start, what it is
 * billed for it (Init + first invoke), the warm duration and Max Memory Used, primed strategies next to the ones
 * they build on; and the primed JVM's first invoke next to the native executable's.
 */
final class PrimingReport {
    /** The strategies shown, in order: the baseline, the AOT cache without and with priming, the zip, native. */
    static final List<String> STRATEGIES = List.of(
            AwsJavaStrategy.NAME,
            AotStrategy.NAME,
            AotStrategy.PRIMED_NAME,
            PackageProvidedStrategy.NAME,
            PackageProvidedStrategy.PRIMED_NAME,
            NativeStrategy.NAME);

    private static final String HEADER =
            "| workload | MB | strategy | cold start ms | vs aws-java | billed cold start ms"
                    + " | vs aws-java | first invoke ms | warm ms | Max Memory Used MB |\n"
                    + "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|\n";

    private PrimingReport() {}

    static void write(StringBuilder md, Summary summary, List<Workload> workloads, List<Integer> sizes) {
        StringBuilder rows = new StringBuilder();
        for (Workload w : workloads) {
            for (int mb : sizes) {
                if (measured(summary, w.id(), AotStrategy.PRIMED_NAME, mb).isEmpty()
                        && measured(summary, w.id(), PackageProvidedStrategy.PRIMED_NAME, mb)
                                .isEmpty()) {
                    continue;
                }
                for (String strategy : STRATEGIES) {
                    measured(summary, w.id(), strategy, mb).ifPresent(c -> rows.append(row(summary, c)));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Priming in Init\n\n")
                .append("Cold start = Init Duration + first invoke Duration; billed cold start = the first invoke's")
                .append(" Billed Duration, which includes Init (Lambda bills on-demand Init since August 2025).")
                .append(" Medians [min–max].\n\n")
                .append(HEADER)
                .append(rows)
                .append('\n');
    }

    private static String row(Summary summary, CellSummary c) {
        return "| " + c.workload() + " | " + c.memoryMb() + " | `" + c.strategy() + "` | "
                + Format.medianRange(c.coldTotal())
                + " | " + Format.ratio(summary.ratio(c, x -> x.coldTotal().median()))
                + " | " + Format.medianRange(c.coldBilled())
                + " | " + Format.ratio(summary.ratio(c, x -> x.coldBilled().median()))
                + " | " + Format.medianRange(c.coldDuration())
                + " | " + Format.medianRange(c.warmDuration())
                + " | " + Format.mb(c.maxMemoryMedian()) + " |\n";
    }

    static Optional<CellSummary> measured(Summary summary, String workload, String strategy, int mb) {
        return summary.cell(workload, strategy, mb).filter(CellSummary::measured);
    }
}
