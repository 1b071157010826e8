package dev.coldbrew.local.invokeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {

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
        assertThat(JsonSyntax.isValid(json.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{a:1}", "[1,]", "\"open", "01x", "tru", "{} {}", "{\"a\":1,}", "\"\\x\"", "-", "1."})
    void rejectsMalformedJson(String json) {
        assertThat(JsonSyntax.isValid(json.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void rejectsDeepNestingWithoutOverflow() {
        assertThat(JsonSyntax.isValid("[".repeat(100_000).getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
