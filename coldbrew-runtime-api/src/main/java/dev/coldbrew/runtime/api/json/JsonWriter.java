package dev.coldbrew.runtime.api.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text into a {@link StringBuilder} in one pass: objects and arrays opened and closed in order, commas
 * placed automatically. Non-ASCII characters are written as they are (the output is UTF-8); control characters and
 * unpaired surrogates are escaped so the result is always valid JSON in valid UTF-8. Non-finite numbers are written
 * as {@code null}.
 *
 * <p>coldbrew's one JSON writer: the runtime's Runtime API messages ({@link #object(StringBuilder)} …
 * {@link #end()}), the local Lambda's documents ({@link #write(Object)}) and the bench's results.json (the streaming
 * methods, with {@link #maxDecimals(int)}). It lives here, without a library, because functions load it at start-up.
 */
public final class JsonWriter {
    private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    /** Doubles this large or larger are not written as whole numbers even when integral. */
    private static final double LARGEST_WHOLE = 1e15;

    private final StringBuilder out;
    private boolean needsComma;
    /** Decimals kept of a fractional double; -1: every digit. */
    private int maxDecimals = -1;

    private JsonWriter(StringBuilder out) {
        this.out = out;
    }

    /** A writer into a new buffer; {@link #toString()} is the text so far. */
    public static JsonWriter create() {
        return new JsonWriter(new StringBuilder());
    }

    /** Starts an object in {@code out}; finish it with {@link #end()}. */
    public static JsonWriter object(StringBuilder out) {
        return new JsonWriter(out).beginObject();
    }

    /**
     * {@code value} as JSON text: {@code null}, a {@link String}, {@link Boolean}, {@link Number}, a {@link Map}
     * (keys as strings, in iteration order) or an {@link Iterable} of those.
     *
     * @throws IllegalArgumentException naming the class of a value of another type
     */
    public static String write(Object value) {
        return create().value(value).toString();
    }

    /**
     * Rounds fractional doubles to {@code decimals} places (half-even, trailing zeros dropped); values smaller than
     * one unit of the last place keep every digit.
     */
    public JsonWriter maxDecimals(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be zero or positive, got " + decimals);
        }
        maxDecimals = decimals;
        return this;
    }

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** Writes a member name; the next value belongs to it. */
    public JsonWriter name(String name) {
        separate();
        string(out, name);
        out.append(':');
        return this;
    }

    /** A string, or {@code null}. */
    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        needsComma = true;
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    /** Whole values as integers, fractions in plain notation (see {@link #maxDecimals}), non-finite as null. */
    public JsonWriter value(double value) {
        separate();
        out.append(Double.isFinite(value) ? number(value) : "null");
        needsComma = true;
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    /**
     * Any value {@link #write(Object)} takes.
     *
     * @throws IllegalArgumentException naming the class of a value of another type
     */
    public JsonWriter value(Object value) {
        return switch (value) {
            case null -> value((String) null);
            case String s -> value(s);
            case Boolean b -> value(b.booleanValue());
            case Double d -> value(d.doubleValue());
            case Float f -> value(f.doubleValue());
            case BigDecimal d -> raw(d.toPlainString());
            case Number n -> raw(n.toString());
            case Map<?, ?> map -> map(map);
            case Iterable<?> items -> array(items);
            default ->
                throw new IllegalArgumentException(
                        "cannot write " + value.getClass().getName() + " as JSON");
        };
    }

    /** Adds {@code "name": "value"}, or {@code "name": null} when {@code value} is null. */
    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    /** Adds {@code "name": ["a", "b"]}; null elements are written as JSON null. */
    public JsonWriter field(String name, List<String> values) {
        name(name).beginArray();
        for (String value : values) {
            value(value);
        }
        return endArray();
    }

    /** Adds {@code "name": 123}. */
    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    /** Adds {@code "name": 1.5}, as {@link #value(double)} writes it. */
    public JsonWriter field(String name, double value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** Adds {@code "name": {"k": "v", …}}, in the map's iteration order. */
    public JsonWriter field(String name, Map<String, String> members) {
        name(name).beginObject();
        for (Map.Entry<String, String> member : members.entrySet()) {
            field(member.getKey(), member.getValue());
        }
        return endObject();
    }

    /** Closes the object started by {@link #object(StringBuilder)} and returns the buffer. */
    public StringBuilder end() {
        endObject();
        return out;
    }

    /** The text written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter map(Map<?, ?> map) {
        beginObject();
        for (Map.Entry<?, ?> member : map.entrySet()) {
            name(String.valueOf(member.getKey())).value(member.getValue());
        }
        return endObject();
    }

    private JsonWriter array(Iterable<?> items) {
        beginArray();
        for (Object item : items) {
            value(item);
        }
        return endArray();
    }

    private JsonWriter raw(String number) {
        separate();
        out.append(number);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
            needsComma = false;
        }
    }

    private String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_WHOLE) {
            return Long.toString((long) value);
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        if (maxDecimals < 0 || Math.abs(value) < Math.pow(10, -maxDecimals)) {
            return exact.toPlainString();
        }
        return exact.setScale(maxDecimals, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Appends {@code value} as a quoted, escaped JSON string. */
    public static void string(StringBuilder out, String value) {
        out.append('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> i = other(out, value, i, c);
            }
        }
        out.append('"');
    }

    /**
     * Appends {@code value} as a quoted JSON string in plain ASCII: every character from U+007F up is escaped as
     * {@code \\uXXXX}, so the text can travel in an HTTP header.
     */
    public static void asciiString(StringBuilder out, String value) {
        StringBuilder plain = new StringBuilder(value.length() + 2);
        string(plain, value);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= 0x7f) {
                unicodeEscape(out, c);
            } else {
                out.append(c);
            }
        }
    }

    private static int other(StringBuilder out, String value, int i, char c) {
        if (c < 0x20 || c == 0x7f) {
            unicodeEscape(out, c);
        } else if (Character.isHighSurrogate(c)
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(i + 1));
            return i + 1;
        } else if (Character.isSurrogate(c)) {
            unicodeEscape(out, c);
        } else {
            out.append(c);
        }
        return i;
    }

    /** Appends {@code c} as a JSON {@code \}{@code uXXXX} escape (lower-case hex, as Go's encoding/json writes it). */
    public static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
