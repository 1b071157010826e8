package dev.coldbrew.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {
    private static JsonNumbers parse(String json) {
        return JsonNumbers.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyObjectHasNoFields() {
        assertThat(parse(" { } ").names()).isEmpty();
    }

    @Test
    void readsIntegersFractionsAndExponents() {
        JsonNumbers fields = parse("{\"a\":-12,\"b\":0.5,\"c\":1e3,\"d\":2.5E-1,\"e\\u0021\":9223372036854775807}");

        assertThat(fields.requireLong("a", -100, 100)).isEqualTo(-12);
        assertThat(fields.optionalDouble("b", 0)).isEqualTo(0.5);
        assertThat(fields.optionalDouble("c", 0)).isEqualTo(1000.0);
        assertThat(fields.optionalDouble("d", 0)).isEqualTo(0.25);
        assertThat(fields.requireLong("e!", 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(fields.optionalLong("absent", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void duplicateFieldIsRejected() {
        assertThatThrownBy(() -> parse("{\"a\":1,\"a\":2}"))
                .hasMessageContaining("duplicate field \"a\"")
                .hasMessageContaining("offset 12");
    }

    @Test
    void nestedValueIsRejected() {
        assertThatThrownBy(() -> parse("{\"a\":{\"b\":1}}")).hasMessageContaining("field \"a\" must be a number");
    }

    @Test
    void trailingTextIsRejected() {
        assertThatThrownBy(() -> parse("{\"a\":1} x")).hasMessageContaining("expected the end of the input");
    }

    @Test
    void truncatedInputIsRejected() {
        assertThatThrownBy(() -> parse("{\"a\":1")).hasMessageContaining("unexpected end of input");
    }

    @Test
    void emptyInputIsRejected() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("expected '{', found end of input");
    }

    @Test
    void leadingZeroIsNotANumber() {
        assertThatThrownBy(() -> parse("{\"a\":01}")).hasMessageContaining("expected ',' or '}'");
    }
}
