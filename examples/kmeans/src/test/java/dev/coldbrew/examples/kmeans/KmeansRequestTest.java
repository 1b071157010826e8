package dev.coldbrew.examples.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.json.JSONException;
import org.junit.jupiter.api.Test;

class KmeansRequestTest {
    private static KmeansRequest parse(String json) {
        return KmeansRequest.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSeedsInput() {
        assertThat(parse(" {\"n\":10000, \"d\":2,\"k\":10,\"seed\":42}\n"))
                .isEqualTo(new KmeansRequest(10_000, 2, 10, 42));
    }

    @Test
    void seedDefaultsTo42() {
        assertThat(parse("{\"n\":100,\"d\":2,\"k\":3}").seed()).isEqualTo(42);
    }

    @Test
    void missingSizeNamesTheField() {
        assertThatThrownBy(() -> parse("{\"n\":100,\"d\":2}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing field \"k\": expected an integer between 1 and 10000");
    }

    @Test
    void negativeSizeNamesTheValue() {
        assertThatThrownBy(() -> parse("{\"n\":-5,\"d\":2,\"k\":3}"))
                .hasMessage("field \"n\" must be between 1 and 1000000, got -5");
    }

    @Test
    void absurdSizeIsRejected() {
        assertThatThrownBy(() -> parse("{\"n\":1000000,\"d\":1000,\"k\":3}"))
                .hasMessage("n × d = 1000000000 coordinates is more than the limit of 10000000");
    }

    @Test
    void moreClustersThanPointsIsRejected() {
        assertThatThrownBy(() -> parse("{\"n\":5,\"d\":2,\"k\":6}")).hasMessage("k (6) must not exceed n (5)");
    }

    @Test
    void fractionalSizeIsRejected() {
        assertThatThrownBy(() -> parse("{\"n\":10.5,\"d\":2,\"k\":3}"))
                .hasMessage("field \"n\" must be an integer between 1 and 1000000, got 10.5");
    }

    @Test
    void misspeltFieldIsRejected() {
        assertThatThrownBy(() -> parse("{\"n\":10,\"d\":2,\"k\":3,\"sed\":1}"))
                .hasMessageStartingWith("unknown field \"sed\": expected only ");
    }

    @Test
    void nonJsonIsRejectedQuotingTheInputAndThePosition() {
        assertThatThrownBy(() -> parse("n=10000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(JSONException.class)
                .hasMessage("invalid JSON input 'n=10000': A JSONObject text must begin with '{' at 1 [character 2"
                        + " line 1]");
    }

    @Test
    void longInputIsQuotedCutShort() {
        assertThatThrownBy(() -> parse("{\"n\":1000,\"d\":2,\"k\":3,\"seed\":42,\"x\" 7}"))
                .hasMessageStartingWith(
                        "invalid JSON input '{\"n\":1000,\"d\":2,\"k\":3,\"seed\":42,\"x\" 7}': Expected a ':'");
        assertThatThrownBy(() -> parse("{\"n\":1000,\"d\":2,\"k\":3,\"seed\":42000000000000000,\"x\" 7}"))
                .hasMessageStartingWith("invalid JSON input '{\"n\":1000,\"d\":2,\"k\":3,\"seed\":42000000000…':");
    }

    @Test
    void stringValueIsRejectedNotConverted() {
        assertThatThrownBy(() -> parse("{\"n\":\"10000\",\"d\":2,\"k\":3}"))
                .hasMessage("field \"n\" must be an integer between 1 and 1000000, got \"10000\"");
    }

    @Test
    void booleanNullAndArrayValuesAreRejected() {
        assertThatThrownBy(() -> parse("{\"n\":true,\"d\":2,\"k\":3}"))
                .hasMessage("field \"n\" must be an integer between 1 and 1000000, got true");
        assertThatThrownBy(() -> parse("{\"n\":100,\"d\":null,\"k\":3}"))
                .hasMessage("field \"d\" must be an integer between 1 and 1000, got null");
        assertThatThrownBy(() -> parse("{\"n\":100,\"d\":2,\"k\":[3]}"))
                .hasMessage("field \"k\" must be an integer between 1 and 10000, got [3]");
    }

    @Test
    void exponentIsNotAnInteger() {
        assertThatThrownBy(() -> parse("{\"n\":1e3,\"d\":2,\"k\":3}"))
                .hasMessage("field \"n\" must be an integer between 1 and 1000000, got 1E+3");
    }

    @Test
    void seedTakesTheWholeLongRange() {
        assertThat(parse("{\"n\":10,\"d\":1,\"k\":1,\"seed\":-9223372036854775808}")
                        .seed())
                .isEqualTo(Long.MIN_VALUE);
        assertThat(parse("{\"n\":10,\"d\":1,\"k\":1,\"seed\":9223372036854775807}")
                        .seed())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void integerBeyondALongIsOutOfRangeNotWrapped() {
        assertThatThrownBy(() -> parse("{\"n\":10,\"d\":1,\"k\":1,\"seed\":9223372036854775808}"))
                .hasMessage("field \"seed\" must be between -9223372036854775808 and 9223372036854775807, got"
                        + " 9223372036854775808");
        assertThatThrownBy(() -> parse("{\"n\":4294967297,\"d\":1,\"k\":1}"))
                .hasMessage("field \"n\" must be between 1 and 1000000, got 4294967297");
    }

    @Test
    void duplicateFieldIsRejected() {
        assertThatThrownBy(() -> parse("{\"n\":10,\"d\":1,\"k\":1,\"n\":20}"))
                .hasMessageStartingWith(
                        "invalid JSON input '{\"n\":10,\"d\":1,\"k\":1,\"n\":20}': Duplicate key" + " \"n\"");
    }

    @Test
    void lenientSyntaxIsNotJson() {
        assertThatThrownBy(() -> parse("{n:10,\"d\":1,\"k\":1}"))
                .hasMessageStartingWith("invalid JSON input '{n:10,\"d\":1,\"k\":1}': Strict mode error: Value 'n' is"
                        + " not surrounded by quotes");
        assertThatThrownBy(() -> parse("{\"n\":10,\"d\":1,\"k\":1} trailing"))
                .hasMessageStartingWith("invalid JSON input '{\"n\":10,\"d\":1,\"k\":1} trailing': Strict mode"
                        + " error: Unparsed characters found at end of input text");
        assertThatThrownBy(() -> parse("{\"n\":10,\"d\":1,\"k\":1,}")).hasMessageContaining("Strict mode error");
    }
}
