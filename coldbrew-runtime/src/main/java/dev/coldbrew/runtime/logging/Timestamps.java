package dev.coldbrew.runtime.logging;

/**
 * Formats epoch milliseconds as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} without loading {@code java.time}'s
 * formatter machinery (start-up cost). Days to civil date after Howard Hinnant's {@code civil_from_days}
 * algorithm (http://howardhinnant.github.io/date_algorithms.html).
 */
final class Timestamps {
    private static final long MS_PER_DAY = 86_400_000L;

    private Timestamps() {}

    static String iso8601Millis(long epochMs) {
        long days = Math.floorDiv(epochMs, MS_PER_DAY);
        long msOfDay = Math.floorMod(epochMs, MS_PER_DAY);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder sb = new StringBuilder(24);
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2).append('T');
        pad(sb, msOfDay / 3_600_000, 2).append(':');
        pad(sb, msOfDay / 60_000 % 60, 2).append(':');
        pad(sb, msOfDay / 1000 % 60, 2).append('.');
        return pad(sb, msOfDay % 1000, 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
