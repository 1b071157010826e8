package dev.coldbrew.bridge.jnigo;

import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.LambdaRuntime;
import java.nio.charset.StandardCharsets;

/** A typed handler registered from {@code main} with explicit codecs: text in, upper-case text out. */
public final class TypedUpper {
    private TypedUpper() {}

    /** UTF-8 text as the event and the response. */
    static final class Utf8 implements Codec<String> {
        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String contentType() {
            return "text/plain";
        }
    }

    public static void main(String[] args) {
        LambdaRuntime.run((String text, Context context) -> text.toUpperCase(), new Utf8(), new Utf8());
    }
}
