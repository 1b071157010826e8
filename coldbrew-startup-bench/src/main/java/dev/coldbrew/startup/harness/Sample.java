package dev.coldbrew.startup.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: median with min and max, as reported in every table. */
public record Sample(double median, double min, double max, int n) {

    /** Summarizes {@code values} (at least one). */
    public static Sample of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("summarizing an empty sample failed: no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Sample(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** {@code 71.2 [65.0–80.3]} with {@code decimals} places. */
    public String format(int decimals) {
        String number = "%." + decimals + "f";
        return String.format(Locale.ROOT, number + " [" + number + "–" + number + "]", median, min, max);
    }

    /** This median divided by {@code baseline}'s, e.g. {@code 0.13×}. */
    public String ratioTo(Sample baseline) {
        return String.format(Locale.ROOT, "%.2f×", median / baseline.median);
    }
}
