package dev.coldbrew.bench;

import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.workload.Workload;
import java.nio.file.Path;
import java.util.List;

/**
 * One bench run, validated: what to run and where to write. Built by {@link BenchArguments} from the command line
 * over a {@link Profile}'s defaults (flag &gt; profile default).
 *
 * @param strategies in table order, the baseline ({@code aws-java}) first
 * @param coldStarts cold starts per workload × strategy × memory size (a new environment each)
 * @param warmInvokes invokes on one warm environment after the cold starts
 * @param smallEvents each workload's small event (pipeline checks), not the real one
 * @param calibrationColdStarts cold starts per hello-world shape and memory size in the calibration against
 *     real Lambda's published figures (0: no calibration)
 */
public record BenchOptions(
        Profile profile,
        List<Workload> workloads,
        List<Strategy> strategies,
        List<Integer> memorySizesMb,
        int coldStarts,
        int warmInvokes,
        boolean smallEvents,
        int calibrationColdStarts,
        Path output,
        Path home,
        List<String> arguments) {
    public BenchOptions {
        workloads = List.copyOf(workloads);
        strategies = List.copyOf(strategies);
        memorySizesMb = List.copyOf(memorySizesMb);
        arguments = List.copyOf(arguments);
    }

    /** Cells: workload × strategy × memory size. */
    public int cells() {
        return workloads.size() * strategies.size() * memorySizesMb.size();
    }
}
