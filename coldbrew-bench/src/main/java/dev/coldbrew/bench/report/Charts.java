package dev.coldbrew.bench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The report's PNG charts, drawn with XChart without a display ({@code java.awt.headless=true}): per workload,
 * warm Duration against memory size per strategy (the seed's figure), the cold-start breakdown (Init + first
 * invoke) per strategy, the cold start (Init + first invoke) per strategy and memory size, and Max Memory Used per
 * strategy and memory size.
 */
public final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    /** The memory size the cold-start breakdown is drawn at, when the run has it: one full vCPU on Lambda. */
    static final int PREFERRED_BREAKDOWN_MB = 1769;

    private Charts() {}

    /** Writes every chart into {@code dir} and returns the files written, in report order. */
    public static List<Path> write(Summary summary, List<String> workloads, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        for (String workload : workloads) {
            List<CellSummary> cells = summary.cells(workload).stream()
                    .filter(CellSummary::measured)
                    .toList();
            if (cells.isEmpty()) {
                continue;
            }
            files.add(save(durationByMemory(workload, cells), dir.resolve(durationFile(workload))));
            files.add(save(coldStart(workload, cells), dir.resolve(coldStartFile(workload))));
            files.add(save(coldStartByMemory(workload, cells), dir.resolve(coldStartByMemoryFile(workload))));
            files.add(save(maxMemory(workload, cells), dir.resolve(maxMemoryFile(workload))));
        }
        return files;
    }

    static String durationFile(String workload) {
        return "duration-" + workload + ".png";
    }

    static String coldStartFile(String workload) {
        return "cold-start-" + workload + ".png";
    }

    static String coldStartByMemoryFile(String workload) {
        return "cold-start-by-memory-" + workload + ".png";
    }

    static String maxMemoryFile(String workload) {
        return "max-memory-" + workload + ".png";
    }

    /** The memory size of the cold-start breakdown: 1769 MB if measured, else the largest measured. */
    static int breakdownMemory(List<CellSummary> cells) {
        return cells.stream().anyMatch(c -> c.memoryMb() == PREFERRED_BREAKDOWN_MB)
                ? PREFERRED_BREAKDOWN_MB
                : cells.stream().mapToInt(CellSummary::memoryMb).max().orElse(0);
    }

    private static XYChart durationByMemory(String workload, List<CellSummary> cells) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(workload + ": warm invoke Duration (median) by memory size")
                .xAxisTitle("memory size (MB)")
                .yAxisTitle("Duration (ms)")
                .build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        for (String strategy : strategies(cells)) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (CellSummary c : cells) {
                if (c.strategy().equals(strategy) && !c.warmDuration().isEmpty()) {
                    x.add((double) c.memoryMb());
                    y.add(c.warmDuration().median());
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(strategy, x, y);
            }
        }
        return chart;
    }

    private static CategoryChart coldStart(String workload, List<CellSummary> cells) {
        int mb = breakdownMemory(cells);
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(workload + ": cold start at " + mb + " MB (medians)")
                .xAxisTitle("strategy")
                .yAxisTitle("ms")
                .build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        List<CellSummary> at = cells.stream().filter(c -> c.memoryMb() == mb).toList();
        List<String> names = at.stream().map(CellSummary::strategy).toList();
        chart.addSeries("Init Duration", names, values(at, c -> c.coldInit().median()));
        chart.addSeries(
                "first invoke Duration", names, values(at, c -> c.coldDuration().median()));
        return chart;
    }

    private static CategoryChart coldStartByMemory(String workload, List<CellSummary> cells) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(workload + ": cold start (Init + first invoke, median) by memory size")
                .xAxisTitle("memory size (MB)")
                .yAxisTitle("ms")
                .build();
        return bySize(chart, cells, c -> c.coldTotal().median());
    }

    private static CategoryChart maxMemory(String workload, List<CellSummary> cells) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(workload + ": Max Memory Used (median) by memory size")
                .xAxisTitle("memory size (MB)")
                .yAxisTitle("Max Memory Used (MB)")
                .build();
        return bySize(chart, cells, CellSummary::maxMemoryMedian);
    }

    /** One bar per strategy in each memory size's group; a strategy missing at some size is left out. */
    private static CategoryChart bySize(
            CategoryChart chart, List<CellSummary> cells, ToDoubleFunction<CellSummary> value) {
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        List<Integer> sizes =
                cells.stream().map(CellSummary::memoryMb).distinct().sorted().toList();
        List<String> categories = sizes.stream().map(String::valueOf).toList();
        for (String strategy : strategies(cells)) {
            List<CellSummary> row = sizes.stream()
                    .map(mb -> cells.stream()
                            .filter(c -> c.strategy().equals(strategy) && c.memoryMb() == mb)
                            .findFirst()
                            .orElse(null))
                    .toList();
            if (row.stream().allMatch(c -> c != null && !Double.isNaN(value.applyAsDouble(c)))) {
                chart.addSeries(strategy, categories, values(row, value));
            }
        }
        return chart;
    }

    private static List<String> strategies(List<CellSummary> cells) {
        return new ArrayList<>(
                new LinkedHashSet<>(cells.stream().map(CellSummary::strategy).toList()));
    }

    /** Values for a bar chart; a missing statistic is drawn as 0 (the table shows it as –). */
    private static List<Double> values(List<CellSummary> cells, ToDoubleFunction<CellSummary> value) {
        return cells.stream()
                .map(c -> {
                    double v = value.applyAsDouble(c);
                    return Double.isNaN(v) ? 0.0 : v;
                })
                .toList();
    }

    private static Path save(Chart<?, ?> chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
        return file;
    }
}
