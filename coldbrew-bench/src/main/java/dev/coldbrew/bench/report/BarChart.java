package dev.coldbrew.bench.report;

import dev.coldbrew.bench.measure.Stats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Bars in groups along the x axis (one group per memory size, or per strategy), each with a whisker from the
 * minimum to the maximum of its samples, on a y axis that starts at zero. Drawn as an XY chart of rectangles and
 * lines because XChart's category charts draw only symmetric error bars, and min–max is not symmetric around a
 * median.
 */
final class BarChart {
    private static final double GROUP_WIDTH = 0.8;
    private static final double CAP = 0.25;
    private static final Color WHISKER = new Color(40, 40, 40);
    /** Room for one character of a group's label (XChart's tick font), so that labels never overlap. */
    private static final int LABEL_CHAR_PX = 8;

    private static final int LABEL_GAP_PX = 24;
    /** The y axis, its title and the margins: the part of the width that is not the plot's. */
    private static final int AXIS_PX = 200;
    /** A legend of a few bars goes below the plot, a longer one beside it, leaving the plot its height. */
    private static final int LEGEND_BELOW_UP_TO = 4;

    private final XYChart chart;
    private final List<String> groups;
    private final int slots;
    private final Set<String> inLegend = new HashSet<>();
    private int series;

    /**
     * @param groups the x axis's labels, left to right
     * @param slots the bars side by side in each group
     */
    BarChart(String title, String xTitle, String yTitle, List<String> groups, int slots) {
        this.groups = List.copyOf(groups);
        this.slots = Math.max(1, slots);
        chart = new XYChartBuilder()
                .width(width(groups))
                .height(Charts.HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        var styler = chart.getStyler();
        styler.setYAxisMin(0.0);
        styler.setXAxisMin(-0.5);
        styler.setXAxisMax(groups.size() - 0.5);
        // Ticks dense enough that every group's centre is one of them (the labels between are empty).
        styler.setXAxisTickMarkSpacingHint(10);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setAxisTicksMarksVisible(false);
        styler.setLegendPosition(slots > LEGEND_BELOW_UP_TO ? LegendPosition.OutsideE : LegendPosition.OutsideS);
        chart.setCustomXAxisTickLabelsFormatter(this::label);
    }

    /** {@link Charts#WIDTH}, or wider when the groups' labels need it (eleven strategies side by side). */
    private static int width(List<String> groups) {
        int longest = groups.stream().mapToInt(String::length).max().orElse(0);
        return Math.max(Charts.WIDTH, AXIS_PX + groups.size() * (longest * LABEL_CHAR_PX + LABEL_GAP_PX));
    }

    /**
     * A group's label at its centre; at the ticks between groups, a label that draws nothing yet differs from every
     * other (XChart spaces the ticks out until their labels are all different).
     */
    private String label(double x) {
        long i = Math.round(x);
        if (Math.abs(x - i) < 1e-6 && i >= 0 && i < groups.size()) {
            return groups.get((int) i);
        }
        return "\u200B".repeat(1 + (int) Math.round((x + 1) * 100));
    }

    /**
     * A bar from {@code from} to {@code to} in {@code slot} of {@code group}; its colour enters the legend as
     * {@code legend} the first time that name is drawn. A NaN end draws nothing.
     */
    void bar(String legend, Color color, int group, int slot, double from, double to) {
        if (Double.isNaN(from) || Double.isNaN(to)) {
            return;
        }
        double left = left(group, slot);
        double right = left + width();
        XYSeries bar = add(
                legend,
                new double[] {left, left, right, right, left},
                new double[] {from, to, to, from, from},
                XYSeriesRenderStyle.PolygonArea);
        bar.setFillColor(color);
        bar.setLineColor(color);
        bar.setLineStyle(new BasicStroke(1f));
    }

    /** A whisker from the samples' minimum to their maximum, centred on {@code slot} of {@code group}. */
    void whisker(String legend, int group, int slot, Stats spread) {
        if (spread.isEmpty()) {
            return;
        }
        double x = left(group, slot) + width() / 2;
        double cap = width() * CAP;
        XYSeries whisker = add(
                legend,
                new double[] {x - cap, x + cap, x, x, x - cap, x + cap},
                new double[] {spread.min(), spread.min(), spread.min(), spread.max(), spread.max(), spread.max()},
                XYSeriesRenderStyle.Line);
        whisker.setLineColor(WHISKER);
        whisker.setLineStyle(new BasicStroke(1.5f));
    }

    XYChart chart() {
        return chart;
    }

    private double width() {
        return GROUP_WIDTH / slots;
    }

    private double left(int group, int slot) {
        return group - GROUP_WIDTH / 2 + slot * width();
    }

    /** A series named {@code legend} in the legend the first time, under a unique hidden name after that. */
    private XYSeries add(String legend, double[] x, double[] y, XYSeriesRenderStyle style) {
        boolean first = inLegend.add(legend);
        XYSeries s = chart.addSeries(first ? legend : legend + " #" + ++series, x, y);
        s.setXYSeriesRenderStyle(style);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(first);
        return s;
    }
}
