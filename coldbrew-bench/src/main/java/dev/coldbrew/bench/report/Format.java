package dev.coldbrew.bench.report;

import dev.coldbrew.bench.measure.Stats;
import java.util.Locale;

/**
 * How numbers read in tables: milliseconds with sensible precision, medians with [min–max], ratios as ×. Public for
 * coldbrew-startup-bench, whose tables read the same.
 */
public final class Format {
    private Format() {}

    public static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    public static String medianRange(Stats s) {
        return s.isEmpty() ? "–" : ms(s.median()) + " [" + ms(s.min()) + "–" + ms(s.max()) + "]";
    }

    public static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
    }

    public static String usd(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "$%.2f", value);
    }

    public static String load(double value) {
        return Double.isNaN(value) ? "unknown" : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String mb(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Megabytes with one decimal where it has one: {@code 86.3}, {@code 17}. */
    public static String mb1(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * A count with its noun, singular for one: {@code 1 cold start}, {@code 2 cold starts}, {@code 3 strategies}.
     *
     * @param noun the singular; the plural adds {@code s}, or turns a final consonant + {@code y} into {@code ies}
     */
    public static String count(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        boolean consonantY =
                noun.length() > 1 && noun.endsWith("y") && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0;
        return n + " " + (consonantY ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
