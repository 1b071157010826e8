package dev.coldbrew.bench.measure;

import java.time.Instant;
import java.util.List;

/**
 * Everything a run measured: how each function was prepared and every raw sample, in the order taken.
 *
 * @param limitsEnforced whether the local Lambda enforced memory and CPU limits with cgroups
 * @param loadAverageStart the machine's 1-minute load average when the run started (NaN where unknown): other
 *     processes competing for the CPU make every number noisier
 * @param loadAverageEnd the same when it finished
 * @param responses each strategy's response per workload, to check that all did the same work
 * @param calibration the hello-world cold starts set beside real Lambda's published figures
 */
public record Measurements(
        Instant started,
        Instant finished,
        boolean limitsEnforced,
        double loadAverageStart,
        double loadAverageEnd,
        List<Preparation> preparations,
        List<Sample> samples,
        Responses responses,
        Calibration calibration) {
    public Measurements {
        preparations = List.copyOf(preparations);
        samples = List.copyOf(samples);
    }

    /** Measurements of a run without calibration. */
    public Measurements(
            Instant started,
            Instant finished,
            boolean limitsEnforced,
            double loadAverageStart,
            double loadAverageEnd,
            List<Preparation> preparations,
            List<Sample> samples,
            Responses responses) {
        this(
                started,
                finished,
                limitsEnforced,
                loadAverageStart,
                loadAverageEnd,
                preparations,
                samples,
                responses,
                Calibration.NONE);
    }

    /** The same measurements with {@code value} as their calibration. */
    public Measurements withCalibration(Calibration value) {
        return new Measurements(
                started,
                finished,
                limitsEnforced,
                loadAverageStart,
                loadAverageEnd,
                preparations,
                samples,
                responses,
                value);
    }

    public List<Sample> samples(String workload, String strategy, int memoryMb, Phase phase) {
        return samples.stream()
                .filter(s -> s.workload().equals(workload)
                        && s.strategy().equals(strategy)
                        && s.memoryMb() == memoryMb
                        && s.phase() == phase)
                .toList();
    }

    public Preparation preparation(String workload, String strategy) {
        return preparations.stream()
                .filter(p -> p.workload().equals(workload) && p.strategy().equals(strategy))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("no preparation recorded for " + workload + " × " + strategy));
    }
}
