package dev.coldbrew.bench.report;

import dev.coldbrew.bench.BenchOptions;
import dev.coldbrew.bench.measure.Measurements;
import dev.coldbrew.bench.strategy.AwsJavaStrategy;
import dev.coldbrew.bench.strategy.Strategy;
import dev.coldbrew.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Every cell's statistics, and ratios against the {@code aws-java} cell of the same workload and memory size. */
public final class Summary {
    private final List<CellSummary> cells;

    private Summary(List<CellSummary> cells) {
        this.cells = List.copyOf(cells);
    }

    public static Summary of(BenchOptions options, Measurements measurements) {
        List<CellSummary> cells = new ArrayList<>();
        for (Workload w : options.workloads()) {
            for (Strategy s : options.strategies()) {
                for (int mb : options.memorySizesMb()) {
                    cells.add(CellSummary.of(measurements, w.id(), s.name(), mb));
                }
            }
        }
        return new Summary(cells);
    }

    public List<CellSummary> cells() {
        return cells;
    }

    public List<CellSummary> cells(String workload) {
        return cells.stream().filter(c -> c.workload().equals(workload)).toList();
    }

    public Optional<CellSummary> cell(String workload, String strategy, int memoryMb) {
        return cells.stream()
                .filter(c -> c.workload().equals(workload) && c.strategy().equals(strategy) && c.memoryMb() == memoryMb)
                .findFirst();
    }

    /** {@code value(cell) / value(aws-java cell)}, NaN when either is missing. */
    public double ratio(CellSummary cell, ToDoubleFunction<CellSummary> value) {
        return cell(cell.workload(), AwsJavaStrategy.NAME, cell.memoryMb())
                .filter(CellSummary::measured)
                .filter(base -> cell.measured())
                .map(base -> value.applyAsDouble(cell) / value.applyAsDouble(base))
                .orElse(Double.NaN);
    }

    public int errors() {
        return cells.stream().mapToInt(CellSummary::errors).sum();
    }
}
