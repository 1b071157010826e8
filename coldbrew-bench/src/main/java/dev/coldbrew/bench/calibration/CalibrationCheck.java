package dev.coldbrew.bench.calibration;

import dev.coldbrew.bench.measure.Calibration;
import dev.coldbrew.bench.measure.Sample;
import dev.coldbrew.bench.measure.Stats;
import java.util.List;
import java.util.Optional;

/**
 * One shape's calibration figures beside Lambda's: what the report's calibration table and its targets are made
 * of. Comparable across machines are the ratio of Init at 128 MB to Init at 1,024 MB (same function, same machine)
 * and Max Memory Used (which depends little on the CPU); absolute times are shown side by side only.
 */
public record CalibrationCheck(Shape shape, Calibration calibration) {

    /** Lambda's Max Memory Used within this fraction is a match (the target: ±20 %). */
    public static final double MEMORY_TOLERANCE = 0.20;
    /** Init at 128 MB ÷ Init at 1,024 MB within these bounds is a match (Lambda: 1.01 for java25). */
    public static final double INIT_RATIO_LOW = 0.8;

    public static final double INIT_RATIO_HIGH = 1.3;

    /** Every shape with its figures. */
    public static List<CalibrationCheck> of(Calibration calibration) {
        return List.of(Shape.values()).stream()
                .map(shape -> new CalibrationCheck(shape, calibration))
                .toList();
    }

    public Stats init(int memoryMb) {
        return Stats.of(ok(memoryMb).stream().map(Sample::initDurationMs).toList());
    }

    public Stats firstInvoke(int memoryMb) {
        return Stats.of(ok(memoryMb).stream().map(Sample::durationMs).toList());
    }

    public Stats maxMemoryUsed(int memoryMb) {
        return Stats.of(
                ok(memoryMb).stream().map(s -> (double) s.maxMemoryUsedMb()).toList());
    }

    /** Max Memory Used over every size (Lambda's does not depend on it). */
    public Stats maxMemoryUsed() {
        return Stats.of(calibration.samples().stream()
                .filter(s -> s.strategy().equals(shape.id()) && !s.failed())
                .map(s -> (double) s.maxMemoryUsedMb())
                .toList());
    }

    /** Median Init at 128 MB ÷ median Init at 1,024 MB, locally. */
    public double initRatio() {
        return init(128).median() / init(1024).median();
    }

    public Optional<Published> published(int memoryMb) {
        return Published.find(shape.published(), memoryMb);
    }

    /** Lambda's Init 128 MB ÷ 1,024 MB, where both were published. */
    public double publishedInitRatio() {
        return published(128)
                .flatMap(low -> published(1024).map(high -> low.initMedianMs() / high.initMedianMs()))
                .orElse(Double.NaN);
    }

    public Optional<Double> publishedMaxMemoryUsedMb() {
        return Published.maxMemoryUsedMb(shape.published());
    }

    /** Local Max Memory Used (median over sizes) ÷ Lambda's, or NaN. */
    public double memoryRatio() {
        return publishedMaxMemoryUsedMb()
                .map(lambda -> maxMemoryUsed().median() / lambda)
                .orElse(Double.NaN);
    }

    public boolean memoryMatches() {
        double ratio = memoryRatio();
        return Math.abs(ratio - 1) <= MEMORY_TOLERANCE;
    }

    public boolean initRatioMatches() {
        double ratio = initRatio();
        return ratio >= INIT_RATIO_LOW && ratio <= INIT_RATIO_HIGH;
    }

    /** Cold starts that failed (an init timeout included) at {@code memoryMb}. */
    public List<Sample> failures(int memoryMb) {
        return calibration.samples(shape.id(), memoryMb).stream()
                .filter(Sample::failed)
                .toList();
    }

    public boolean measured() {
        return calibration.samples().stream().anyMatch(s -> s.strategy().equals(shape.id()));
    }

    private List<Sample> ok(int memoryMb) {
        return calibration.samples(shape.id(), memoryMb).stream()
                .filter(s -> !s.failed())
                .toList();
    }
}
