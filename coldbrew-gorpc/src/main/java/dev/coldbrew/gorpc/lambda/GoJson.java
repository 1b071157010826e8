package dev.coldbrew.gorpc.lambda;

import dev.coldbrew.runtime.api.json.JsonWriter;

/**
 * Writes JSON strings exactly as Go 1.19's {@code encoding/json} does with its default HTML escaping
 * ({@code encode.go}, {@code encodeState.string}): {@code \n \r \t} and {@code \" \\} as short escapes, other
 * control characters and {@code < > &} and U+2028/U+2029 as {@code \}{@code u00XX}-style escapes, everything
 * else as is.
 */
final class GoJson {
    private GoJson() {}

    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        JsonWriter.unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
