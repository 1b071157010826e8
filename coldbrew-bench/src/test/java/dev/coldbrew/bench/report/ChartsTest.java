package dev.coldbrew.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.coldbrew.bench.measure.Stats;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** What the charts draw, read back from the chart objects: bars at the tables' medians, whiskers at min–max. */
class ChartsTest {
    private static Stats stats(double... values) {
        return Stats.of(Arrays.stream(values).boxed().toList());
    }

    /** A cell whose cold starts were (Init, first invoke) = (100, 50), (300, 10), (200, 90). */
    private static CellSummary cell(String strategy, int mb, double warmMin, double warmMedian, double warmMax) {
        return new CellSummary(
                "echo",
                strategy,
                mb,
                "",
                0,
                "",
                stats(100, 300, 200),
                stats(50, 10, 90),
                stats(150, 310, 290),
                stats(80, 82, 81),
                stats(warmMin, warmMedian, warmMax),
                stats(warmMedian),
                stats(70, 90),
                stats(151, 311, 291));
    }

    private static Map<String, XYChart> charts(CellSummary... cells) {
        return Charts.charts("echo", List.of(cells));
    }

    private static double top(XYSeries series) {
        return Arrays.stream(series.getYData()).max().orElseThrow();
    }

    @Test
    void withOneMemorySizeEachStrategyIsABarFromZeroWithItsMinToMaxWhisker() {
        XYChart duration = charts(cell("aws-java", 512, 3, 4, 9), cell("coldbrew-aot", 512, 8, 10, 12))
                .get("duration-echo.png");

        Map<String, XYSeries> series = duration.getSeriesMap();
        assertThat(duration.getStyler().getYAxisMin()).isZero();
        assertThat(series.get("aws-java").getYData()).contains(0.0, 4.0);
        assertThat(top(series.get("coldbrew-aot"))).isEqualTo(10.0);
        assertThat(Arrays.stream(series.get("aws-java").getXData()).max().orElseThrow())
                .as("side by side")
                .isLessThanOrEqualTo(Arrays.stream(series.get("coldbrew-aot").getXData())
                        .min()
                        .orElseThrow());
        assertThat(series.get("min–max of the warm invokes").getYData()).containsOnly(3.0, 9.0);
        assertThat(series.values())
                .filteredOn(s -> !s.isShowInLegend())
                .singleElement()
                .satisfies(s -> assertThat(s.getYData()).containsOnly(8.0, 12.0));
    }

    @Test
    void everyChartStartsAtZeroAndShowsTheSpread() {
        Map<String, XYChart> charts = charts(cell("aws-java", 256, 3, 4, 9), cell("aws-java", 1024, 1, 2, 3));

        assertThat(charts).hasSize(4);
        charts.forEach((file, chart) -> {
            assertThat(chart.getStyler().getYAxisMin()).as(file).isZero();
            assertThat(chart.getSeriesMap().keySet()).as(file).anyMatch(name -> name.startsWith("min–max"));
        });
        assertThat(charts.get("max-memory-echo.png")
                        .getSeriesMap()
                        .get("min–max over every invoke")
                        .getYData())
                .containsOnly(70.0, 90.0);
    }

    @Test
    void theColdStartBarIsTheTablesMedianColdTotalSplitInTheRatioOfTheMedians() {
        XYChart coldStart = charts(cell("aws-java", 512, 3, 4, 9)).get("cold-start-echo.png");

        // Median Init 200 + median first invoke 50 = 250, but the median cold total (the table's) is 290.
        Map<String, XYSeries> series = coldStart.getSeriesMap();
        XYSeries init = series.values().stream()
                .filter(s -> s.getName().startsWith("Init Duration"))
                .findFirst()
                .orElseThrow();
        XYSeries first = series.values().stream()
                .filter(s -> s.getName().startsWith("first invoke Duration"))
                .findFirst()
                .orElseThrow();
        assertThat(top(first)).isEqualTo(290.0);
        assertThat(top(init)).isCloseTo(290.0 * 200 / 250, offset(1e-9));
        assertThat(series.get("min–max of Init + first invoke over the cold starts")
                        .getYData())
                .containsOnly(150.0, 310.0);
    }
}
