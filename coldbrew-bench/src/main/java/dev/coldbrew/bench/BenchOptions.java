package dev.coldbrew.bench;

import dev.coldbrew.bench.strategy.AwsJavaStrategy;
import dev.coldbrew.bench.strategy.Strategies;
import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.workload.Workload;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One bench run: what to run and where to write. {@link #builder} fills what is not set from a {@link Profile}'s
 * defaults (the {@code coldbrew bench} command sets what its flags name: flag &gt; profile default).
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

    /**
     * A builder over {@code profile}'s defaults.
     *
     * @param strategies the strategies this machine can run, looked up by name
     * @param home the repository root: the default report folder is {@code bench-results/<now>} under it
     */
    public static Builder builder(Profile profile, Strategies strategies, Path home, LocalDateTime now) {
        return new Builder(profile, strategies, home, now);
    }

    /** Collects what differs from the profile; {@link #build()} fills in the rest. */
    public static final class Builder {
        private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

        private final Profile profile;
        private final Strategies strategies;
        private final Path home;
        private final LocalDateTime now;
        private List<Workload> workloads;
        private List<String> strategyNames;
        private List<Integer> memorySizesMb;
        private Integer coldStarts;
        private Integer warmInvokes;
        private Integer calibrationColdStarts;
        private Path output;
        private List<String> arguments = List.of();

        private Builder(Profile profile, Strategies strategies, Path home, LocalDateTime now) {
            this.profile = profile;
            this.strategies = strategies;
            this.home = home;
            this.now = now;
        }

        public Builder workloads(List<Workload> value) {
            workloads = value;
            return this;
        }

        /** Strategy names; the baseline ({@code aws-java}) is always measured, first. */
        public Builder strategies(List<String> names) {
            strategyNames = names;
            return this;
        }

        public Builder memorySizesMb(List<Integer> value) {
            memorySizesMb = value;
            return this;
        }

        public Builder coldStarts(int value) {
            coldStarts = value;
            return this;
        }

        public Builder warmInvokes(int value) {
            warmInvokes = value;
            return this;
        }

        /** Cold starts per calibration shape and memory size; 0: no calibration. */
        public Builder calibrationColdStarts(int value) {
            calibrationColdStarts = value;
            return this;
        }

        public Builder output(Path value) {
            output = value;
            return this;
        }

        /** The command line the run was asked with, recorded in the report. */
        public Builder arguments(List<String> value) {
            arguments = value;
            return this;
        }

        /** @throws IllegalArgumentException naming an unknown strategy and the valid ones */
        public BenchOptions build() {
            return new BenchOptions(
                    profile,
                    workloads != null ? workloads : profile.workloads(),
                    chosenStrategies(),
                    memorySizesMb != null ? memorySizesMb : profile.memorySizesMb(),
                    coldStarts != null ? coldStarts : profile.coldStarts(),
                    warmInvokes != null ? warmInvokes : profile.warmInvokes(),
                    profile.smallEvents(),
                    calibrationColdStarts != null ? calibrationColdStarts : profile.calibrationColdStarts(),
                    output != null ? output : home.resolve("bench-results").resolve(FOLDER_TIME.format(now)),
                    home,
                    arguments);
        }

        private List<Strategy> chosenStrategies() {
            List<String> names = strategyNames != null ? strategyNames : profile.strategies();
            LinkedHashSet<Strategy> chosen = new LinkedHashSet<>();
            chosen.add(strategies.byName(AwsJavaStrategy.NAME));
            if (names.isEmpty()) {
                chosen.addAll(strategies.all());
            }
            for (String name : names) {
                chosen.add(strategies.byName(name));
            }
            return new ArrayList<>(chosen);
        }
    }
}
