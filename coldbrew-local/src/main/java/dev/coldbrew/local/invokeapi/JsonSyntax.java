package dev.coldbrew.local.invokeapi;

/**
 * Checks that an Invoke payload is one JSON value (RFC 8259), as Lambda does before it runs anything
 * ({@code InvalidRequestContentException}). It validates only; the payload is passed on unchanged.
 */
public final class JsonSyntax {
    private final byte[] in;
    private int pos;

    private JsonSyntax(byte[] in) {
        this.in = in;
    }

    /** Nesting deeper than this is rejected instead of overflowing the stack. */
    private static final int MAX_DEPTH = 512;

    public static boolean isValid(byte[] json) {
        JsonSyntax p = new JsonSyntax(json);
        try {
            p.value(0);
            p.whitespace();
            return p.pos == json.length;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("too deep");
        }
        whitespace();
        switch (peek()) {
            case '{' -> container('}', depth, true);
            case '[' -> container(']', depth, false);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void container(char close, int depth, boolean object) {
        pos++;
        whitespace();
        if (peek() == close) {
            pos++;
            return;
        }
        while (true) {
            if (object) {
                whitespace();
                string();
                whitespace();
                expect(':');
            }
            value(depth + 1);
            whitespace();
            char c = next();
            if (c == close) {
                return;
            }
            if (c != ',') {
                throw new IllegalStateException("expected , or " + close);
            }
        }
    }

    private void string() {
        expect('"');
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new IllegalStateException("control character in string");
            }
            if (c == '\\') {
                char e = next();
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw new IllegalStateException("bad \\u escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw new IllegalStateException("bad escape");
                }
            }
        }
    }

    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        digits();
        if (pos < in.length && in[pos] == '.') {
            pos++;
            digits();
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            digits();
        }
        if (pos == start) {
            throw new IllegalStateException("expected a value");
        }
    }

    private void digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (pos == start) {
            throw new IllegalStateException("expected digits");
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            expect(word.charAt(i));
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalStateException("expected " + c);
        }
    }

    private char peek() {
        if (pos >= in.length) {
            throw new IllegalStateException("unexpected end");
        }
        return (char) (in[pos] & 0xff);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void whitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }
}
