package dev.coldbrew.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes JSON text in one pass for results.json: objects and arrays opened and closed in order, commas placed
 * automatically, strings escaped per RFC 8259, non-finite numbers written as {@code null}.
 */
final class JsonWriter {
    /** Microseconds of a millisecond value: finer than any timer here resolves. */
    private static final int MAX_DECIMALS = 3;
    /** Smaller values (prices per GB-second) keep every digit. */
    private static final double SMALLEST_ROUNDED = 0.001;

    private final StringBuilder out = new StringBuilder();
    private boolean needsComma;

    JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** Writes a member name; the next value belongs to it. */
    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    JsonWriter value(double value) {
        separate();
        out.append(Double.isFinite(value) ? formatNumber(value) : "null");
        needsComma = true;
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, double value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
            needsComma = false;
        }
    }

    private static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) < SMALLEST_ROUNDED) {
            return BigDecimal.valueOf(value).toPlainString();
        }
        return BigDecimal.valueOf(value)
                .setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    private void string(String value) {
        dev.coldbrew.runtime.api.json.JsonWriter.string(out, value);
    }
}
