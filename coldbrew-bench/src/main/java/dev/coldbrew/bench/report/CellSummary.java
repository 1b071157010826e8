package dev.coldbrew.bench.report;

import dev.coldbrew.bench.measure.Measurements;
import dev.coldbrew.bench.measure.Phase;
import dev.coldbrew.bench.measure.Preparation;
import dev.coldbrew.bench.measure.Sample;
import dev.coldbrew.bench.measure.Stats;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The statistics of one workload × strategy × memory size: cold starts (Init Duration, first-invoke Duration,
 * their sum, Max Memory Used, billed duration: Init + first invoke, rounded up to the millisecond, as Lambda bills
 * on-demand Init since August 2025) and warm invokes (Duration, billed duration, Max Memory Used), and what a million
 * warm invokes cost. Failed invokes are counted, not averaged in.
 *
 * @param note empty when measured; otherwise why there are no numbers (unavailable, preparation failed)
 */
public record CellSummary(
        String workload,
        String strategy,
        int memoryMb,
        String note,
        int errors,
        String firstError,
        Stats coldInit,
        Stats coldDuration,
        Stats coldTotal,
        Stats coldMaxMemory,
        Stats warmDuration,
        Stats warmBilled,
        Stats warmMaxMemory,
        Stats coldBilled) {

    public static CellSummary of(Measurements m, String workload, String strategy, int memoryMb) {
        Preparation prep = m.preparation(workload, strategy);
        List<Sample> cold = m.samples(workload, strategy, memoryMb, Phase.COLD);
        List<Sample> warm = m.samples(workload, strategy, memoryMb, Phase.WARM);
        List<Sample> failed = Stream.concat(cold.stream(), warm.stream())
                .filter(Sample::failed)
                .toList();
        List<Sample> okCold = cold.stream().filter(s -> !s.failed()).toList();
        List<Sample> okWarm = warm.stream().filter(s -> !s.failed()).toList();
        return new CellSummary(
                workload,
                strategy,
                memoryMb,
                prep.ok() ? "" : prep.detail(),
                failed.size(),
                failed.isEmpty() ? "" : failed.getFirst().functionError(),
                stats(okCold, Sample::initDurationMs),
                stats(okCold, Sample::durationMs),
                stats(okCold, Sample::coldTotalMs),
                stats(okCold, s -> s.maxMemoryUsedMb()),
                stats(okWarm, Sample::durationMs),
                stats(okWarm, s -> s.billedDurationMs()),
                stats(okWarm, s -> s.maxMemoryUsedMb()),
                stats(okCold, s -> s.billedDurationMs()));
    }

    private static Stats stats(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Stats.of(samples.stream().map(s -> value.applyAsDouble(s)).toList());
    }

    public boolean measured() {
        return note.isEmpty() && !coldTotal.isEmpty();
    }

    /** The price of a million warm invokes at the median billed duration; NaN without warm samples. */
    public double usdPerMillionWarm() {
        return warmBilled.isEmpty() ? Double.NaN : Pricing.usdPerMillion(warmBilled.median(), memoryMb);
    }

    /** The larger of the cold and warm Max Memory Used medians: the environment's peak. */
    public double maxMemoryMedian() {
        if (warmMaxMemory.isEmpty()) {
            return coldMaxMemory.median();
        }
        return Math.max(coldMaxMemory.isEmpty() ? 0 : coldMaxMemory.median(), warmMaxMemory.median());
    }
}
