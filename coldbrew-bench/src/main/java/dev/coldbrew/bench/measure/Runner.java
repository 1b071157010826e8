package dev.coldbrew.bench.measure;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.strategy.PreparationException;
import dev.coldbrew.bench.strategy.PreparedFunction;
import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.strategy.StrategyContext;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the local Lambda: for each workload, prepare every strategy once; then for each memory size, the cold
 * starts (the environment stopped before each, so each is a new one) and the warm invokes on the environment of the
 * last cold start, strategies interleaved.
 */
public final class Runner {
    /** Long enough for k-means stopped at C1 on a 128 MB share of a CPU; a hung function still ends. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(2);

    private final BenchOptions options;
    private final StrategyContext context;
    private final Progress progress;
    private final List<Preparation> preparations = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Responses responses = new Responses();

    public Runner(BenchOptions options, StrategyContext context, Progress progress) {
        this.options = options;
        this.context = context;
        this.progress = progress;
    }

    public Measurements run() {
        Instant started = Instant.now();
        double loadStart = LoadAverage.oneMinute();
        for (Workload workload : options.workloads()) {
            Map<Strategy, PreparedFunction> prepared = new LinkedHashMap<>();
            for (Strategy strategy : options.strategies()) {
                progress.show(workload.id() + " " + strategy.name() + " preparing");
                PreparedFunction function = prepare(workload, strategy);
                if (function != null) {
                    prepared.put(strategy, function);
                }
            }
            for (int memoryMb : options.memorySizesMb()) {
                measure(workload, prepared, memoryMb);
                for (int i = 0; i < options.strategies().size(); i++) {
                    progress.step(workload.id() + " " + memoryMb + " MB");
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
                samples,
                responses);
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
                    workload.id(),
                    strategy.name(),
                    Preparation.OK,
                    function.artifact(),
                    function.jvmFlags(),
                    seconds(start)));
            return function;
        } catch (PreparationException | RuntimeException e) {
            preparations.add(new Preparation(
                    workload.id(), strategy.name(), Preparation.FAILED, e.getMessage(), List.of(), seconds(start)));
            return null;
        }
    }

    /**
     * One workload at one memory size, every strategy interleaved: round r of the cold starts runs each strategy's
     * r-th cold start in turn, and so do the warm invokes, so that a change in the machine's load during the run
     * falls on every strategy alike instead of on whichever ran at that moment.
     */
    private void measure(Workload workload, Map<Strategy, PreparedFunction> prepared, int memoryMb) {
        LocalLambda lambda = context.lambda();
        Map<Strategy, String> names = new LinkedHashMap<>();
        prepared.forEach((strategy, function) -> {
            String name = workload.id() + "-" + strategy.name() + "-" + memoryMb;
            lambda.register(function.config(name, memoryMb, FUNCTION_TIMEOUT));
            names.put(strategy, name);
        });
        byte[] event = workload.event(options.smallEvents());
        try {
            for (int i = 0; i < options.coldStarts(); i++) {
                progress.show(
                        workload.id() + " " + memoryMb + " MB: cold start " + (i + 1) + "/" + options.coldStarts());
                for (var entry : names.entrySet()) {
                    lambda.stopEnvironments(entry.getValue());
                    samples.add(
                            invoke(lambda, entry.getValue(), event, workload, entry.getKey(), memoryMb, Phase.COLD, i));
                }
            }
            for (int i = 0; i < options.warmInvokes(); i++) {
                progress.show(
                        workload.id() + " " + memoryMb + " MB: warm invoke " + (i + 1) + "/" + options.warmInvokes());
                for (var entry : names.entrySet()) {
                    samples.add(
                            invoke(lambda, entry.getValue(), event, workload, entry.getKey(), memoryMb, Phase.WARM, i));
                }
            }
        } finally {
            names.values().forEach(lambda::stopEnvironments);
        }
    }

    private Sample invoke(
            LocalLambda lambda,
            String name,
            byte[] event,
            Workload workload,
            Strategy strategy,
            int memoryMb,
            Phase phase,
            int index) {
        try {
            InvocationResult result = lambda.invoke(name, event);
            Sample sample = Sample.of(workload.id(), strategy.name(), memoryMb, phase, index, result);
            if (!sample.failed()) {
                responses.offer(workload.id(), strategy.name(), result.payload());
            }
            return sample;
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
