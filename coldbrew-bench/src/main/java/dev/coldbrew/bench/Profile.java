package dev.coldbrew.bench;

import dev.coldbrew.bench.strategy.AotStrategy;
import dev.coldbrew.bench.strategy.AwsJavaStrategy;
import dev.coldbrew.bench.strategy.JvmStrategy;
import dev.coldbrew.bench.strategy.PackageProvidedStrategy;
import dev.coldbrew.bench.workload.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Preset runs. {@code quick} is the default (under 10 minutes on 2 cores); {@code full} is the seed's range of
 * memory sizes with more repetitions; {@code tiny} is the smallest run that goes through the whole pipeline
 * (preparation incl. AOT training, cold and warm invokes, report, charts), for CI, with small events.
 *
 * @param strategies the strategy names, or an empty list for every strategy
 */
public enum Profile {
    QUICK(Workload.all(), List.of(), List.of(256, 1024, 1769), 3, 10, false, 3),
    FULL(Workload.all(), List.of(), List.of(128, 256, 512, 1024, 1769, 3008), 5, 20, false, 5),
    TINY(
            List.of(Workload.ECHO, Workload.KMEANS),
            List.of(AwsJavaStrategy.NAME, JvmStrategy.NAME, AotStrategy.NAME, PackageProvidedStrategy.NAME),
            List.of(1024),
            1,
            2,
            true,
            1);

    private final List<Workload> workloads;
    private final List<String> strategies;
    private final List<Integer> memorySizesMb;
    private final int coldStarts;
    private final int warmInvokes;
    private final boolean smallEvents;
    private final int calibrationColdStarts;

    Profile(
            List<Workload> workloads,
            List<String> strategies,
            List<Integer> memorySizesMb,
            int coldStarts,
            int warmInvokes,
            boolean smallEvents,
            int calibrationColdStarts) {
        this.workloads = workloads;
        this.strategies = strategies;
        this.memorySizesMb = memorySizesMb;
        this.coldStarts = coldStarts;
        this.warmInvokes = warmInvokes;
        this.smallEvents = smallEvents;
        this.calibrationColdStarts = calibrationColdStarts;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<Workload> workloads() {
        return workloads;
    }

    public List<String> strategies() {
        return strategies;
    }

    public List<Integer> memorySizesMb() {
        return memorySizesMb;
    }

    public int coldStarts() {
        return coldStarts;
    }

    public int warmInvokes() {
        return warmInvokes;
    }

    public boolean smallEvents() {
        return smallEvents;
    }

    /** Cold starts per shape and memory size in the calibration against real Lambda. */
    public int calibrationColdStarts() {
        return calibrationColdStarts;
    }

    public static Profile parse(String value) {
        for (Profile p : values()) {
            if (p.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + value + "': valid profiles are " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
    }
}
