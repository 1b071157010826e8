package dev.coldbrew.bench.measure;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.strategy.PreparationException;
import dev.coldbrew.bench.strategy.PreparedFunction;
import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.strategy.StrategyContext;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.LocalLambda;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the local Lambda: for each workload and strategy, prepare once; then for each memory size, the cold
 * starts (environments stopped before each, so each is a new one) and the warm invokes on the last environment.
 */
public final class Runner {
    /** Long enough for k-means stopped at C1 on a 128 MB share of a CPU; a hung function still ends. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(2);

    private final BenchOptions options;
    private final StrategyContext context;
    private final Progress progress;
    private final List<Preparation> preparations = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();

    public Runner(BenchOptions options, StrategyContext context, Progress progress) {
        this.options = options;
        this.context = context;
        this.progress = progress;
    }

    public Measurements run() {
        Instant started = Instant.now();
        double loadStart = LoadAverage.oneMinute();
        for (Workload workload : options.workloads()) {
            for (Strategy strategy : options.strategies()) {
                progress.show(workload.id() + " " + strategy.name() + " preparing");
                PreparedFunction function = prepare(workload, strategy);
                for (int memoryMb : options.memorySizesMb()) {
                    if (function != null) {
                        progress.show(workload.id() + " " + strategy.name() + " " + memoryMb + " MB");
                        measure(workload, strategy, function, memoryMb);
                    }
                    progress.step(workload.id() + " " + strategy.name() + " " + memoryMb + " MB");
                }
            }
        }
        progress.finish();
        return new Measurements(
                started,
                Instant.now(),
                context.lambda().limitsEnforced(),
                loadStart,
                LoadAverage.oneMinute(),
                preparations,
                samples);
    }

    private PreparedFunction prepare(Workload workload, Strategy strategy) {
        var availability = strategy.availability();
        if (!availability.available()) {
            preparations.add(new Preparation(
                    workload.id(), strategy.name(), Preparation.UNAVAILABLE, availability.reason(), List.of(), 0));
            return null;
        }
        long start = System.nanoTime();
        try {
            PreparedFunction function = strategy.prepare(workload, context);
            preparations.add(new Preparation(
                    workload.id(), strategy.name(), Preparation.OK, "", function.jvmFlags(), seconds(start)));
            return function;
        } catch (PreparationException | RuntimeException e) {
            preparations.add(new Preparation(
                    workload.id(), strategy.name(), Preparation.FAILED, e.getMessage(), List.of(), seconds(start)));
            return null;
        }
    }

    private void measure(Workload workload, Strategy strategy, PreparedFunction function, int memoryMb) {
        String name = workload.id() + "-" + strategy.name() + "-" + memoryMb;
        LocalLambda lambda = context.lambda();
        lambda.register(function.config(name, memoryMb, FUNCTION_TIMEOUT));
        byte[] event = workload.event(options.smallEvents());
        try {
            for (int i = 0; i < options.coldStarts(); i++) {
                lambda.stopEnvironments(name);
                samples.add(invoke(lambda, name, event, workload, strategy, memoryMb, Phase.COLD, i));
            }
            for (int i = 0; i < options.warmInvokes(); i++) {
                samples.add(invoke(lambda, name, event, workload, strategy, memoryMb, Phase.WARM, i));
            }
        } finally {
            lambda.stopEnvironments(name);
        }
    }

    private static Sample invoke(
            LocalLambda lambda,
            String name,
            byte[] event,
            Workload workload,
            Strategy strategy,
            int memoryMb,
            Phase phase,
            int index) {
        try {
            return Sample.of(workload.id(), strategy.name(), memoryMb, phase, index, lambda.invoke(name, event));
        } catch (RuntimeException e) {
            return new Sample(
                    workload.id(),
                    strategy.name(),
                    memoryMb,
                    phase,
                    index,
                    "",
                    Double.NaN,
                    Double.NaN,
                    0,
                    0,
                    "invoke of " + name + " failed: " + e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
