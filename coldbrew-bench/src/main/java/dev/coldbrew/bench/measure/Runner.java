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
import java.util.Locale;
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

    /** The steps a run takes, for the {@link Progress} bar: each preparation and each invoke is one. */
    public static int steps(BenchOptions options) {
        return options.workloads().size() * options.strategies().size() * (1 + invokesPerStrategy(options));
    }

    private static int invokesPerStrategy(BenchOptions options) {
        return options.memorySizesMb().size() * (options.coldStarts() + options.warmInvokes());
    }

    public Measurements run() {
        Instant started = Instant.now();
        double loadStart = LoadAverage.oneMinute();
        for (Workload workload : options.workloads()) {
            Map<Strategy, PreparedFunction> prepared = new LinkedHashMap<>();
            for (Strategy strategy : options.strategies()) {
                progress.show(workload.id() + " " + strategy.name() + ": preparing");
                PreparedFunction function = prepare(workload, strategy);
                progress.advance(1);
                progress.finished(prepared(preparations.getLast()));
                if (function != null) {
                    prepared.put(strategy, function);
                } else {
                    progress.advance(invokesPerStrategy(options));
                }
            }
            for (int memoryMb : options.memorySizesMb()) {
                measure(workload, prepared, memoryMb);
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
                for (var entry : names.entrySet()) {
                    progress.show(cell(workload, entry.getKey(), memoryMb) + ": cold start " + (i + 1) + "/"
                            + options.coldStarts());
                    lambda.stopEnvironments(entry.getValue());
                    samples.add(
                            invoke(lambda, entry.getValue(), event, workload, entry.getKey(), memoryMb, Phase.COLD, i));
                    progress.advance(1);
                }
            }
            for (int i = 0; i < options.warmInvokes(); i++) {
                for (var entry : names.entrySet()) {
                    progress.show(cell(workload, entry.getKey(), memoryMb) + ": warm invoke " + (i + 1) + "/"
                            + options.warmInvokes());
                    samples.add(
                            invoke(lambda, entry.getValue(), event, workload, entry.getKey(), memoryMb, Phase.WARM, i));
                    progress.advance(1);
                }
            }
        } finally {
            names.values().forEach(lambda::stopEnvironments);
        }
        names.keySet().forEach(strategy -> progress.finished(measured(workload, strategy, memoryMb)));
    }

    /** The log's line for a preparation: how long it took, or why there is nothing to measure. */
    private static String prepared(Preparation p) {
        String subject = p.workload() + " " + p.strategy() + ": ";
        return switch (p.status()) {
            case Preparation.OK -> subject + String.format(Locale.ROOT, "prepared in %.1f s", p.seconds());
            case Preparation.FAILED ->
                subject + "preparation failed: "
                        + p.detail().lines().findFirst().orElse("");
            default -> subject + p.detail();
        };
    }

    private static String cell(Workload workload, Strategy strategy, int memoryMb) {
        return workload.id() + " " + strategy.name() + " " + memoryMb + " MB";
    }

    /** The log's line for a finished cell: what was measured, and how many invokes failed. */
    private String measured(Workload workload, Strategy strategy, int memoryMb) {
        long failed = samples.stream()
                .filter(s -> s.workload().equals(workload.id())
                        && s.strategy().equals(strategy.name())
                        && s.memoryMb() == memoryMb
                        && s.failed())
                .count();
        return cell(workload, strategy, memoryMb) + ": measured (cold starts " + options.coldStarts()
                + ", warm invokes " + options.warmInvokes() + (failed == 0 ? "" : ", " + failed + " failed") + ")";
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
