package dev.coldbrew.bench.measure;

import java.util.List;

/** Median, p90, min and max of some samples; {@code n == 0} when there were none. */
public record Stats(int n, double median, double p90, double min, double max) {
    public static final Stats NONE = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static Stats of(List<Double> values) {
        double[] sorted = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return NONE;
        }
        return new Stats(
                sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.9), sorted[0], sorted[sorted.length - 1]);
    }

    /** Linear interpolation between closest ranks (the usual definition; the median of 2 is their mean). */
    static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
