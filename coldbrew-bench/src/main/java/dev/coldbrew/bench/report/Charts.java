package dev.coldbrew.bench.report;

import dev.coldbrew.bench.measure.Stats;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.colors.XChartSeriesColors;

/**
 * The report's PNG charts, drawn with XChart without a display ({@code java.awt.headless=true}): per workload,
 * warm Duration per memory size and strategy, the cold-start breakdown (Init and first invoke) per strategy, the
 * cold start (Init + first invoke) per strategy and memory size, and Max Memory Used per strategy and memory size.
 * Each is {@link BarChart bars} from zero to the median with a whisker from the minimum to the maximum, so that one
 * memory size reads as well as six, and the bars are the medians the tables show.
 */
public final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;
    /** The memory size the cold-start breakdown is drawn at, when the run has it: one full vCPU on Lambda. */
    static final int PREFERRED_BREAKDOWN_MB = 1769;

    private static final Color[] COLORS = new XChartSeriesColors().getSeriesColors();
    private static final Color INIT = new Color(66, 110, 200);
    private static final Color FIRST_INVOKE = new Color(240, 170, 40);

    private Charts() {}

    /** Writes every chart into {@code dir} and returns the files written, in report order. */
    public static List<Path> write(Summary summary, List<String> workloads, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        for (String workload : workloads) {
            for (var chart : charts(workload, summary.cells(workload)).entrySet()) {
                files.add(save(chart.getValue(), dir.resolve(chart.getKey())));
            }
        }
        return files;
    }

    /** A workload's charts by file name, in report order; none when nothing was measured. */
    static Map<String, XYChart> charts(String workload, List<CellSummary> all) {
        List<CellSummary> cells = all.stream().filter(CellSummary::measured).toList();
        Map<String, XYChart> charts = new LinkedHashMap<>();
        if (!cells.isEmpty()) {
            charts.put(durationFile(workload), durationByMemory(workload, cells));
            charts.put(coldStartFile(workload), coldStart(workload, cells));
            charts.put(coldStartByMemoryFile(workload), coldStartByMemory(workload, cells));
            charts.put(maxMemoryFile(workload), maxMemory(workload, cells));
        }
        return charts;
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
        return bySize(
                workload + ": warm invoke Duration by memory size (bar: median)",
                "Duration (ms)",
                cells,
                CellSummary::warmDuration,
                "min–max of the warm invokes");
    }

    /**
     * The cold start at one memory size as the table's cold total: the bar is the median of Init + first invoke
     * over the cold starts, split between Init and first invoke in the ratio of their medians (a median of sums is
     * not the sum of the medians, so stacking the two medians would disagree with the table).
     */
    private static XYChart coldStart(String workload, List<CellSummary> cells) {
        int mb = breakdownMemory(cells);
        List<CellSummary> at = cells.stream().filter(c -> c.memoryMb() == mb).toList();
        BarChart chart = new BarChart(
                workload + ": cold start at " + mb + " MB (bar: median Init + first invoke, the table's cold total)",
                "strategy",
                "ms",
                at.stream().map(CellSummary::strategy).toList(),
                1);
        for (int g = 0; g < at.size(); g++) {
            CellSummary c = at.get(g);
            double total = c.coldTotal().median();
            double split = total * initShare(c);
            chart.bar(
                    "Init Duration (share of the bar: median Init ÷ (median Init + median first invoke))",
                    INIT,
                    g,
                    0,
                    0,
                    split);
            chart.bar("first invoke Duration (the rest of the bar)", FIRST_INVOKE, g, 0, split, total);
            chart.whisker("min–max of Init + first invoke over the cold starts", g, 0, c.coldTotal());
        }
        return chart.chart();
    }

    /** Median Init ÷ (median Init + median first invoke); 0 without Init Durations. */
    static double initShare(CellSummary c) {
        double init = c.coldInit().isEmpty() ? 0 : c.coldInit().median();
        double first = c.coldDuration().median();
        return init + first > 0 ? init / (init + first) : 0;
    }

    private static XYChart coldStartByMemory(String workload, List<CellSummary> cells) {
        return bySize(
                workload + ": cold start (Init + first invoke) by memory size (bar: median)",
                "ms",
                cells,
                CellSummary::coldTotal,
                "min–max over the cold starts");
    }

    private static XYChart maxMemory(String workload, List<CellSummary> cells) {
        return bySize(
                workload + ": Max Memory Used by memory size (bar: median)",
                "Max Memory Used (MB)",
                cells,
                Charts::memorySpread,
                "min–max over every invoke");
    }

    /**
     * A cell's Max Memory Used: the median is the larger of the cold and warm medians (as in the table), the range
     * spans every cold and warm invoke.
     */
    static Stats memorySpread(CellSummary c) {
        List<Stats> both = Stream.of(c.coldMaxMemory(), c.warmMaxMemory())
                .filter(s -> !s.isEmpty())
                .toList();
        if (both.isEmpty()) {
            return Stats.NONE;
        }
        return new Stats(
                both.stream().mapToInt(Stats::n).sum(),
                c.maxMemoryMedian(),
                Double.NaN,
                both.stream().mapToDouble(Stats::min).min().orElseThrow(),
                both.stream().mapToDouble(Stats::max).max().orElseThrow());
    }

    /** One group per memory size, one bar per strategy in each, at the median of {@code stats}. */
    private static XYChart bySize(
            String title, String yTitle, List<CellSummary> cells, Function<CellSummary, Stats> stats, String spread) {
        List<String> labels = memorySizes(cells).stream().map(mb -> mb + " MB").toList();
        BarChart chart = new BarChart(
                title, "memory size", yTitle, labels, strategies(cells).size());
        List<Integer> sizes = memorySizes(cells);
        List<String> strategies = strategies(cells);
        for (CellSummary c : cells) {
            int slot = strategies.indexOf(c.strategy());
            chart.bar(
                    c.strategy(),
                    color(slot),
                    sizes.indexOf(c.memoryMb()),
                    slot,
                    0,
                    stats.apply(c).median());
        }
        for (CellSummary c : cells) {
            chart.whisker(spread, sizes.indexOf(c.memoryMb()), strategies.indexOf(c.strategy()), stats.apply(c));
        }
        return chart.chart();
    }

    private static List<Integer> memorySizes(List<CellSummary> cells) {
        return cells.stream().map(CellSummary::memoryMb).distinct().sorted().toList();
    }

    private static List<String> strategies(List<CellSummary> cells) {
        return new ArrayList<>(
                new LinkedHashSet<>(cells.stream().map(CellSummary::strategy).toList()));
    }

    private static Color color(int slot) {
        return COLORS[slot % COLORS.length];
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
        return file;
    }
}
