package dev.coldbrew.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EchoFunctionTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void returnsTheEventByteForByte() {
        byte[] event = utf8("not even JSON \u00e9");

        assertThat(new EchoFunction().handle(event, null)).isEqualTo(event);
    }
}
