package dev.coldbrew.runtime.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonReader#isValid}: the check of Invoke payloads, without building values. */
class JsonValidityTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "\"x\"",
                "1",
                "-1.5e3",
                "true",
                "null",
                " {\"a\":[1,{\"b\":\"\\u00e9\\n\"}]} ",
                "{\"a\" : 1 , \"b\" : [ ] }"
            })
    void acceptsJson(String json) {
        assertThat(JsonReader.isValid(json.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{a:1}", "[1,]", "\"open", "01x", "tru", "{} {}", "{\"a\":1,}", "\"\\x\"", "-", "1."})
    void rejectsMalformedJson(String json) {
        assertThat(JsonReader.isValid(json.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void acceptsPayloadsNestedDeeperThanRuntimeApiMessages() {
        String nested = "[".repeat(500) + "]".repeat(500);
        assertThat(JsonReader.isValid(nested.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @org.junit.jupiter.api.Test
    void rejectsALeadingZeroAsLambdaDoes() {
        assertThat(JsonReader.isValid("01".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void rejectsDeepNestingWithoutOverflow() {
        assertThat(JsonReader.isValid("[".repeat(100_000).getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
