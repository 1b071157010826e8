package dev.coldbrew.examples.sin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SinTest {
    private static SinRequest parse(String json) {
        return SinRequest.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void iteratesSinFromX() {
        double expected = Math.sin(Math.sin(Math.sin(0.5)));

        assertThat(new Sin().run(new SinRequest(3, 0.5)).x()).isEqualTo(expected);
    }

    @Test
    void emptyObjectRunsTheSeedsTenMillion() {
        assertThat(parse("{}")).isEqualTo(new SinRequest(10_000_000L, 1.0));
    }

    @Test
    void zeroIterationsReturnsX() {
        assertThat(new Sin().run(parse("{\"iterations\":0,\"x\":2.5}")).x()).isEqualTo(2.5);
    }

    @Test
    void negativeIterationsAreRejected() {
        assertThatThrownBy(() -> parse("{\"iterations\":-1}"))
                .hasMessage("field \"iterations\" must be between 0 and 10000000000, got -1");
    }

    @Test
    void absurdIterationsAreRejected() {
        assertThatThrownBy(() -> parse("{\"iterations\":1e12}"))
                .hasMessage("field \"iterations\" must be an integer between 0 and 10000000000, got 1e12");
    }

    @Test
    void nonJsonIsRejected() {
        assertThatThrownBy(() -> parse("sin please")).hasMessageStartingWith("invalid JSON input at offset 0");
    }

    @Test
    void awsHandlerReturnsTheResultAsJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new SinAwsHandler()
                .handleRequest(
                        new ByteArrayInputStream("{\"iterations\":1,\"x\":0}".getBytes(StandardCharsets.UTF_8)),
                        out,
                        null);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"iterations\":1,\"x\":0.0,\"computeMs\":");
    }
}
