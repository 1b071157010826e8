package dev.coldbrew.examples.sin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SinFunctionTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void returnsTheFinalX() {
        String json =
                new String(new SinFunction().handle(utf8("{\"iterations\":2,\"x\":1}"), null), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"iterations\":2,\"x\":" + Math.sin(Math.sin(1.0)) + ",");
    }

    @Test
    void badInputIsAFunctionError() {
        assertThatThrownBy(() -> new SinFunction().handle(utf8("[1,2]"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON input at offset 0: expected '{'");
    }
}
