package dev.coldbrew.local.http;

import dev.coldbrew.runtime.api.json.JsonWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the few JSON documents the local Lambda produces (error bodies, function descriptions). Values are
 * strings, numbers, booleans, {@code null}, maps and lists.
 */
public final class Json {
    private Json() {}

    /** An object from alternating keys and values. */
    public static String object(Object... keysAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            quote(out, (String) keysAndValues[i]);
            out.append(':');
            value(out, keysAndValues[i + 1]);
        }
        return out.append('}').toString();
    }

    /** Any supported value as JSON text. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        value(out, value);
        return out.toString();
    }

    private static void value(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(out, s);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case RawJson raw -> out.append(raw.text());
            case Map<?, ?> map -> map(out, map);
            case List<?> list -> list(out, list);
            default -> throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
        }
    }

    /** Text that is already JSON. */
    public record RawJson(String text) {}

    private static void map(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            quote(out, String.valueOf(e.getKey()));
            out.append(':');
            value(out, e.getValue());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append('}');
    }

    private static void list(StringBuilder out, List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(out, list.get(i));
        }
        out.append(']');
    }

    private static void quote(StringBuilder out, String s) {
        JsonWriter.string(out, s);
    }
}
