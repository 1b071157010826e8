package dev.coldbrew.examples.kmeans;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONParserConfiguration;

/**
 * An event's fields as org.json reads them, the way the seed read its k-means input: a {@link JSONObject} parsed in
 * strict mode (RFC 8259 JSON only, nothing after the closing brace), then each value checked by hand. org.json is
 * lenient where a benchmark input must not be ({@code getInt} truncates {@code 10.5} to 10 and reads the string
 * {@code "10"} as 10), so integers are taken only from integer literals, and every rejection names the field and the
 * value found.
 */
final class EventFields {
    private static final int SNIPPET_CHARS = 40;

    private final JSONObject fields;

    private EventFields(JSONObject fields) {
        this.fields = fields;
    }

    /** Parses {@code json} (UTF-8); a syntax error is an {@link IllegalArgumentException} quoting the input. */
    static EventFields parse(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        try {
            return new EventFields(new JSONObject(text, new JSONParserConfiguration().withStrictMode()));
        } catch (JSONException e) {
            throw new IllegalArgumentException("invalid JSON input " + snippet(text) + ": " + e.getMessage(), e);
        }
    }

    /** Rejects any field not in {@code allowed}, so that a misspelt name is not silently ignored. */
    void rejectUnknown(List<String> allowed) {
        for (String name : fields.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown field \"" + name + "\": expected only " + String.join(", ", allowed));
            }
        }
    }

    /** The integer field {@code name}, required, within {@code [min, max]}. */
    long requireLong(String name, long min, long max) {
        if (!fields.has(name)) {
            throw new IllegalArgumentException(
                    "missing field \"" + name + "\": expected an integer between " + min + " and " + max);
        }
        return toLong(name, fields.opt(name), min, max);
    }

    /** The integer field {@code name} within {@code [min, max]}, or {@code fallback} when absent. */
    long optionalLong(String name, long fallback, long min, long max) {
        return fields.has(name) ? toLong(name, fields.opt(name), min, max) : fallback;
    }

    /** org.json reads an integer literal as an Integer, a Long or (beyond a long) a BigInteger; anything else is not. */
    private static long toLong(String name, Object value, long min, long max) {
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            throw new IllegalArgumentException("field \"" + name + "\" must be an integer between " + min + " and "
                    + max + ", got " + shown(value));
        }
        long number = ((Number) value).longValue();
        if (value instanceof BigInteger || number < min || number > max) {
            throw new IllegalArgumentException(
                    "field \"" + name + "\" must be between " + min + " and " + max + ", got " + shown(value));
        }
        return number;
    }

    /** A value as it appeared in the event: strings quoted. */
    private static String shown(Object value) {
        return cut(value instanceof String s ? JSONObject.quote(s) : String.valueOf(value));
    }

    private static String snippet(String text) {
        return "'" + cut(text) + "'";
    }

    private static String cut(String text) {
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
    }
}
