package dev.coldbrew.examples.input;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A flat JSON object whose values are all numbers, such as the sin event {@code {"iterations":10000000}}.
 *
 * <p>Hand-written on purpose, not a JSON library: the seed's sin function read its input without one, its whole
 * input is a handful of numbers, and every class a function loads is paid for in its cold start. Thirty lines of
 * grammar cost nothing at start-up and need no configuration. (The k-means function reads its event with org.json,
 * as the seed's did; the README gives what that costs.) Anything that is not a flat object of numbers is rejected
 * with the offset and what was found.
 */
public final class JsonNumbers {
    private static final int SNIPPET_CHARS = 40;

    private final Map<String, String> literals;

    private JsonNumbers(Map<String, String> literals) {
        this.literals = literals;
    }

    /** Parses {@code json} (UTF-8); throws {@link IllegalArgumentException} naming the offset and what it found. */
    public static JsonNumbers parse(byte[] json) {
        return new JsonNumbers(new Parser(new String(json, StandardCharsets.UTF_8)).object());
    }

    public Set<String> names() {
        return literals.keySet();
    }

    /** The integer field {@code name}, required, within {@code [min, max]}. */
    public long requireLong(String name, long min, long max) {
        String literal = literals.get(name);
        if (literal == null) {
            throw new IllegalArgumentException(
                    "missing field \"" + name + "\": expected an integer between " + min + " and " + max);
        }
        return toLong(name, literal, min, max);
    }

    /** The integer field {@code name} within {@code [min, max]}, or {@code fallback} when absent. */
    public long optionalLong(String name, long fallback, long min, long max) {
        String literal = literals.get(name);
        return literal == null ? fallback : toLong(name, literal, min, max);
    }

    /** The finite number {@code name}, or {@code fallback} when absent. */
    public double optionalDouble(String name, double fallback) {
        String literal = literals.get(name);
        if (literal == null) {
            return fallback;
        }
        double value = Double.parseDouble(literal);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("field \"" + name + "\" must be a finite number, got " + literal);
        }
        return value;
    }

    /** Rejects any field not in {@code allowed}, so that a misspelt name is not silently ignored. */
    public void rejectUnknown(Set<String> allowed) {
        for (String name : literals.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown field \"" + name + "\": expected only " + String.join(", ", allowed));
            }
        }
    }

    private static long toLong(String name, String literal, long min, long max) {
        long value;
        try {
            value = Long.parseLong(literal);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "field \"" + name + "\" must be an integer between " + min + " and " + max + ", got " + literal, e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "field \"" + name + "\" must be between " + min + " and " + max + ", got " + literal);
        }
        return value;
    }

    /** Recursive descent over the one shape accepted: ws { ws "name" ws : ws number ws (, ...)* } ws. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, String> object() {
            Map<String, String> fields = new LinkedHashMap<>();
            skipWhitespace();
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                pos++;
            } else {
                do {
                    member(fields);
                } while (commaOrEnd());
            }
            skipWhitespace();
            if (pos != text.length()) {
                throw error("expected the end of the input");
            }
            return fields;
        }

        private void member(Map<String, String> fields) {
            skipWhitespace();
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            String literal = number(name);
            if (fields.putIfAbsent(name, literal) != null) {
                throw error("duplicate field \"" + name + "\"");
            }
            skipWhitespace();
        }

        private boolean commaOrEnd() {
            char c = peek();
            pos++;
            if (c == ',') {
                return true;
            }
            if (c == '}') {
                return false;
            }
            pos--;
            throw error("expected ',' or '}'");
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (peek() != '"') {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    out.append(escape());
                } else if (c < 0x20) {
                    pos--;
                    throw error("control character in a field name");
                } else {
                    out.append(c);
                }
            }
            pos++;
            return out.toString();
        }

        private char escape() {
            char c = peek();
            pos++;
            return switch (c) {
                case '"', '\\', '/' -> c;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicodeEscape();
                default -> {
                    pos--;
                    throw error("invalid escape '\\" + c + "'");
                }
            };
        }

        private char unicodeEscape() {
            if (pos + 4 > text.length()) {
                throw error("truncated \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                pos += 4;
                return c;
            } catch (NumberFormatException e) {
                throw error("invalid \\u escape");
            }
        }

        /** JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
        private String number(String name) {
            int start = pos;
            accept('-');
            if (!accept('0') && digits() == 0) {
                throw error("field \"" + name + "\" must be a number");
            }
            if (accept('.') && digits() == 0) {
                throw error("expected a digit after '.'");
            }
            if (accept('e') || accept('E')) {
                if (!accept('+')) {
                    accept('-');
                }
                if (digits() == 0) {
                    throw error("expected a digit in the exponent");
                }
            }
            return text.substring(start, pos);
        }

        private int digits() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            return pos - start;
        }

        private boolean accept(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of input");
            }
            return text.charAt(pos);
        }

        private void skipWhitespace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            int end = Math.min(text.length(), pos + SNIPPET_CHARS);
            String found = pos >= text.length() ? "end of input" : "'" + text.substring(pos, end) + "'";
            return new IllegalArgumentException("invalid JSON input at offset " + pos + ": " + what + ", found " + found
                    + " (expected a flat object of numbers)");
        }
    }
}
