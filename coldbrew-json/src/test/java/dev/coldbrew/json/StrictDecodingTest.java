package dev.coldbrew.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictDecodingTest {
    private final Json json = Json.create();

    public record Counter(String name, int count, boolean active, double ratio) {}

    @Test
    void anObjectIsNotAString() {
        assertThatThrownBy(() -> json.decode(bytes("{\"a\":1}"), String.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("decoding JSON into java.lang.String failed: expected a string or other scalar"
                        + " for java.lang.String, got JSON Object");
    }

    @Test
    void otherScalarsAreAcceptedAsStrings() {
        assertThat(json.decode(bytes("12"), String.class)).isEqualTo("12");
        assertThat(json.decode(bytes("true"), String.class)).isEqualTo("true");
    }

    @Test
    void aWordIsNotANumberAndTheMessageNamesIt() {
        assertThatThrownBy(() -> json.decode(bytes("{\"name\":\"n\",\"count\":\"many\"}"), Counter.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("expected a whole number in range for int, got ")
                .hasMessageContaining("'many'");
    }

    @Test
    void integersMustBeWholeAndInRange() {
        assertThatThrownBy(() -> json.decode(bytes("2.5"), Integer.class))
                .hasMessageContaining("expected a whole number in range for java.lang.Integer")
                .hasMessageContaining("'2.5'");
        assertThatThrownBy(() -> json.decode(bytes("3000000000"), Integer.class))
                .hasMessageContaining("'3000000000'");
        assertThat(json.decode(bytes("3000000000"), Long.class)).isEqualTo(3_000_000_000L);
        assertThat(json.decode(bytes("2.0"), Integer.class)).isEqualTo(2);
    }

    @Test
    void numericAndBooleanStringsAreAccepted() {
        Counter counter = json.decode(
                bytes("{\"name\":\"n\",\"count\":\" 7 \",\"active\":\"true\",\"ratio\":\"0.5\"}"), Counter.class);

        assertThat(counter).isEqualTo(new Counter("n", 7, true, 0.5));
    }

    @Test
    void aNumberIsNotABoolean() {
        assertThatThrownBy(() -> json.decode(bytes("1"), Boolean.class))
                .hasMessageContaining("expected true or false for java.lang.Boolean");
    }

    @Test
    void nullGivesNullForWrappersAndZeroForPrimitives() {
        Counter counter = json.decode(bytes("{\"name\":null,\"count\":null,\"active\":null}"), Counter.class);

        assertThat(counter).isEqualTo(new Counter(null, 0, false, 0.0));
        assertThat(json.decode(bytes("null"), Integer.class)).isNull();
    }

    @Test
    void decimalsKeepTheirPrecision() {
        assertThat(json.decode(bytes("0.1000000000000000055511151231257827"), BigDecimal.class))
                .isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    }

    @Test
    void contentAfterTheValueIsAnError() {
        assertThatThrownBy(() -> json.decode(bytes("{\"a\":1} {\"b\":2}"), Map.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("decoding JSON into java.util.Map failed: START_OBJECT after the value at");
        assertThatThrownBy(() -> json.decode(bytes("12 13"), Integer.class))
                .hasMessageContaining("VALUE_NUMBER_INT after the value");
    }

    @Test
    void anEmptyOrBlankEventDecodesAsNull() {
        Map<?, ?> empty = json.decode(new byte[0], Map.class);
        assertThat(empty).isNull();
        assertThat(json.decode(bytes(" \n"), Counter.class)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
