package dev.coldbrew.runtime.api.json;

import java.util.List;
import java.util.Map;

/**
 * Appends JSON text to a {@link StringBuilder}: just enough for the Runtime API's small messages (objects of
 * strings and string arrays). Non-ASCII characters are written as they are (the output is UTF-8); control
 * characters and unpaired surrogates are escaped so the result is always valid JSON in valid UTF-8.
 */
public final class JsonWriter {
    private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private final StringBuilder out;
    private boolean firstMember = true;

    private JsonWriter(StringBuilder out) {
        this.out = out;
    }

    /** Starts an object in {@code out}; finish it with {@link #end()}. */
    public static JsonWriter object(StringBuilder out) {
        out.append('{');
        return new JsonWriter(out);
    }

    /** Adds {@code "name": "value"}, or {@code "name": null} when {@code value} is null. */
    public JsonWriter field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        return this;
    }

    /** Adds {@code "name": ["a", "b"]}; null elements are written as JSON null. */
    public JsonWriter field(String name, List<String> values) {
        name(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = values.get(i);
            if (value == null) {
                out.append("null");
            } else {
                string(out, value);
            }
        }
        out.append(']');
        return this;
    }

    /** Adds {@code "name": 123}. */
    public JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** Adds {@code "name": {"k": "v", …}}, in the map's iteration order. */
    public JsonWriter field(String name, Map<String, String> members) {
        name(name);
        JsonWriter inner = object(out);
        for (Map.Entry<String, String> member : members.entrySet()) {
            inner.field(member.getKey(), member.getValue());
        }
        inner.end();
        return this;
    }

    /** Closes the object. */
    public StringBuilder end() {
        return out.append('}');
    }

    private void name(String name) {
        if (!firstMember) {
            out.append(',');
        }
        firstMember = false;
        string(out, name);
        out.append(':');
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

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
