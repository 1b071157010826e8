package dev.coldbrew.bench.report;

import dev.coldbrew.bench.measure.Stats;
import java.util.Locale;

/** How numbers read in tables: milliseconds with sensible precision, medians with [min–max], ratios as ×. */
final class Format {
    private Format() {}

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    static String medianRange(Stats s) {
        return s.isEmpty() ? "–" : ms(s.median()) + " [" + ms(s.min()) + "–" + ms(s.max()) + "]";
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
    }

    static String usd(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "$%.2f", value);
    }

    static String load(double value) {
        return Double.isNaN(value) ? "unknown" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String mb(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Megabytes with one decimal where it has one: {@code 86.3}, {@code 17}. */
    static String mb1(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
