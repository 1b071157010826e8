package dev.coldbrew.examples.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KmeansFunctionTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void returnsTheSameJsonAsTheAwsAdapter() {
        String json = new String(
                new KmeansFunction().handle(utf8("{\"n\":300,\"d\":2,\"k\":4,\"seed\":3}"), null),
                StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"centres\":[[").contains("\"iterations\":");
    }

    @Test
    void badInputIsAFunctionError() {
        assertThatThrownBy(() -> new KmeansFunction().handle(utf8("{\"n\":0,\"d\":2,\"k\":1}"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field \"n\" must be between 1 and 1000000, got 0");
    }
}
