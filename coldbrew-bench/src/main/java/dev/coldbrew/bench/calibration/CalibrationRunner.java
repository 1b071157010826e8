package dev.coldbrew.bench.calibration;

import dev.coldbrew.bench.measure.Calibration;
import dev.coldbrew.bench.measure.Phase;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.measure.Progress;
import dev.coldbrew.bench.measure.Sample;
import dev.coldbrew.bench.strategy.PreparationException;
import dev.coldbrew.bench.strategy.PreparedFunction;
import dev.coldbrew.bench.strategy.StrategyContext;
import dev.coldbrew.local.LocalLambda;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the calibration: every available {@link Shape} as cold starts at 128, 256 and 1,024 MB (the sizes of the
 * published rows), shapes and sizes interleaved within each round as the bench's {@code Runner} does, so that
 * the machine's load falls on all of them alike.
 */
public final class CalibrationRunner {
    /** The memory sizes of the published rows. */
    public static final List<Integer> MEMORY_SIZES_MB = List.of(128, 256, 1024);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] EVENT = "{\"message\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    private final StrategyContext context;
    private final ShapeFunctions functions;
    private final Progress progress;

    public CalibrationRunner(StrategyContext context, Map<String, String> environment, Progress progress) {
        this.context = context;
        this.functions = new ShapeFunctions(context, environment);
        this.progress = progress;
    }

    /**
     * The steps a calibration takes, for the {@link Progress} bar: each preparation and each cold start is one; none
     * without cold starts (no calibration).
     */
    public static int steps(int coldStarts) {
        return coldStarts == 0 ? 0 : Shape.values().length * (1 + MEMORY_SIZES_MB.size() * coldStarts);
    }

    /** {@code coldStarts} cold starts of each shape at each size. */
    public Calibration run(int coldStarts) {
        List<Preparation> preparations = new ArrayList<>();
        Map<Shape, PreparedFunction> prepared = prepare(preparations);
        progress.advance((Shape.values().length - prepared.size()) * MEMORY_SIZES_MB.size() * coldStarts);
        LocalLambda lambda = context.lambda();
        Map<String, Shape> names = new LinkedHashMap<>();
        prepared.forEach((shape, function) -> {
            for (int mb : MEMORY_SIZES_MB) {
                String name = "calibration-" + shape.id() + "-" + mb;
                lambda.register(function.config(name, mb, TIMEOUT));
                names.put(name, shape);
            }
        });
        List<Sample> samples = new ArrayList<>();
        try {
            for (int i = 0; i < coldStarts; i++) {
                for (var entry : names.entrySet()) {
                    progress.show("calibration " + entry.getValue().id() + " " + memoryMb(entry.getKey())
                            + " MB: cold start " + (i + 1) + "/" + coldStarts);
                    lambda.stopEnvironments(entry.getKey());
                    samples.add(coldStart(lambda, entry.getKey(), entry.getValue(), i));
                    progress.advance(1);
                }
            }
            progress.finished(
                    "calibration: measured (functions " + names.size() + ", cold starts " + coldStarts + " each)");
        } finally {
            names.keySet().forEach(lambda::stopEnvironments);
        }
        return new Calibration(MEMORY_SIZES_MB, preparations, samples);
    }

    private Map<Shape, PreparedFunction> prepare(List<Preparation> preparations) {
        Map<Shape, PreparedFunction> prepared = new LinkedHashMap<>();
        for (Shape shape : Shape.values()) {
            progress.show("calibration " + shape.id() + ": preparing");
            progress.advance(1);
            var unavailable = functions.unavailable(shape);
            if (unavailable.isPresent()) {
                preparations.add(preparation(shape, Preparation.UNAVAILABLE, unavailable.get(), 0));
                continue;
            }
            long start = System.nanoTime();
            try {
                PreparedFunction function =
                        functions.prepare(shape, context.workDirectory().resolve("calibration-" + shape.id()));
                prepared.put(shape, function);
                preparations.add(preparation(shape, Preparation.OK, function.artifact(), seconds(start)));
            } catch (PreparationException | RuntimeException e) {
                preparations.add(preparation(shape, Preparation.FAILED, message(e), seconds(start)));
            }
        }
        return prepared;
    }

    private static Sample coldStart(LocalLambda lambda, String name, Shape shape, int index) {
        int mb = memoryMb(name);
        try {
            return Sample.of(Calibration.WORKLOAD, shape.id(), mb, Phase.COLD, index, lambda.invoke(name, EVENT));
        } catch (RuntimeException e) {
            return new Sample(
                    Calibration.WORKLOAD,
                    shape.id(),
                    mb,
                    Phase.COLD,
                    index,
                    "",
                    Double.NaN,
                    Double.NaN,
                    0,
                    0,
                    "invoke of " + name + " failed: " + e);
        }
    }

    private static int memoryMb(String functionName) {
        return Integer.parseInt(functionName.substring(functionName.lastIndexOf('-') + 1));
    }

    private static Preparation preparation(Shape shape, String status, String detail, double seconds) {
        return new Preparation(Calibration.WORKLOAD, shape.id(), status, detail, List.of(), seconds);
    }

    private static String message(Exception e) {
        return e.getCause() == null
                ? e.getMessage()
                : e.getMessage() + ": " + e.getCause().getMessage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
