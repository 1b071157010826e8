package dev.coldbrew.runtime.api.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, small JSON parser (RFC 8259) for the Runtime API's messages. Objects become
 * {@code Map<String, Object>} (insertion order kept), arrays {@code List<Object>}, strings {@code String},
 * numbers {@code Long} when integral and in range, otherwise {@code Double}, {@code true}/{@code false}
 * {@code Boolean} and {@code null} Java null. Bad input throws {@link JsonException} naming the offset and
 * what was found there. {@link #isValid(byte[])} checks a document without building its values (the local
 * Lambda's check of Invoke payloads, as Lambda rejects a payload that is not JSON).
 */
public final class JsonReader {
    /** The Runtime API's messages nest a few levels; deeper input is rejected before it can overflow the stack. */
    private static final int MAX_DEPTH = 64;
    /** Event payloads may nest deeper than the Runtime API's messages; still bounded to keep the stack safe. */
    private static final int MAX_PAYLOAD_DEPTH = 512;

    private final String text;
    private final int maxDepth;
    /** False when only checking: no maps, lists, strings or numbers are made. */
    private final boolean build;

    private int pos;
    private int depth;

    private JsonReader(String text, int maxDepth, boolean build) {
        this.text = text;
        this.maxDepth = maxDepth;
        this.build = build;
    }

    /** Parses one JSON value that makes up all of {@code text} (surrounding whitespace allowed). */
    public static Object parse(String text) {
        return new JsonReader(text, MAX_DEPTH, true).document();
    }

    /**
     * True when {@code json} (UTF-8) is one JSON value, surrounding whitespace allowed, nested at most 512 levels.
     * Only checks: nothing is built, so a 6 MB payload costs one pass.
     */
    public static boolean isValid(byte[] json) {
        try {
            new JsonReader(new String(json, StandardCharsets.UTF_8), MAX_PAYLOAD_DEPTH, false).document();
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    private Object document() {
        Object value = value();
        skipWhitespace();
        if (pos != text.length()) {
            throw error("end of input");
        }
        return value;
    }

    /** Parses {@code text} and requires a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new JsonException("parse JSON failed: expected an object but found " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof List<?> ? "an array" : value.getClass().getSimpleName() + " " + value;
    }

    private Object value() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> map = build ? new LinkedHashMap<>() : null;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("'\"' starting a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            Object value = value();
            if (build) {
                map.put(name, value);
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                depth--;
                return map;
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> list = build ? new ArrayList<>() : null;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            Object value = value();
            if (build) {
                list.add(value);
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                depth--;
                return list;
            }
        }
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw error("at most " + maxDepth + " levels of nesting");
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = build ? new StringBuilder() : null;
        while (true) {
            if (pos >= text.length()) {
                throw error("a closing '\"'");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return build ? sb.toString() : null;
            } else if (c == '\\') {
                char unescaped = escape();
                if (build) {
                    sb.append(unescaped);
                }
            } else if (c < 0x20) {
                pos--;
                throw error("an escaped control character");
            } else if (build) {
                sb.append(c);
            }
        }
    }

    private char escape() {
        if (pos >= text.length()) {
            throw error("an escape character");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> hex4();
            default -> {
                pos--;
                throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u");
            }
        };
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0) {
                throw error("a hex digit");
            }
            value = value * 16 + digit;
            pos++;
        }
        return (char) value;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int intStart = pos;
        digits();
        if (pos == intStart || (text.charAt(intStart) == '0' && pos - intStart > 1)) {
            pos = start;
            throw error("a value");
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            requireDigits();
            integral = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigits();
            integral = false;
        }
        if (!build) {
            return null;
        }
        String literal = text.substring(start, pos);
        if (integral && pos - intStart <= 18) {
            return Long.parseLong(literal);
        }
        return Double.parseDouble(literal);
    }

    private void requireDigits() {
        int before = pos;
        digits();
        if (pos == before) {
            throw error("a digit");
        }
    }

    private void digits() {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("'" + word + "'");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonException error(String expected) {
        String found = pos >= text.length() ? "end of input" : "'" + text.charAt(pos) + "'";
        return new JsonException(
                "parse JSON failed at offset " + pos + ": expected " + expected + " but found " + found);
    }
}
