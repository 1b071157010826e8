package dev.coldbrew.examples.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
    void nonJsonIsRejectedWithOffset() {
        assertThatThrownBy(() -> parse("n=10000"))
                .hasMessage("invalid JSON input at offset 0: expected '{', found 'n=10000' (expected a flat object"
                        + " of numbers)");
    }

    @Test
    void stringValueIsRejected() {
        assertThatThrownBy(() -> parse("{\"n\":\"10000\"}"))
                .hasMessage("invalid JSON input at offset 5: field \"n\" must be a number, found '\"10000\"}'"
                        + " (expected a flat object of numbers)");
    }
}
