package dev.coldbrew.runtime.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder();
        JsonWriter.string(sb, s);
        return sb.toString();
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(quoted("a\"b\\c\n\r\t\b\f\u0001\u001f\u007f"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\"");
    }

    @Test
    void keepsUnicodeAndEscapesLoneSurrogates() {
        assertThat(quoted("é€😀")).isEqualTo("\"é€😀\"");
        assertThat(quoted("x\ud800y\udc00")).isEqualTo("\"x\\ud800y\\udc00\"");
    }

    @Test
    void everyCharacterRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("😀\ud800");
        assertThat(JsonReader.parse(quoted(all.toString()))).isEqualTo(all.toString());
    }

    @Test
    void writesObjectsWithNullsAndArrays() {
        StringBuilder sb = new StringBuilder();
        JsonWriter.object(sb)
                .field("a", (String) null)
                .field("b", List.of("x", "y"))
                .end();
        assertThat(sb).hasToString("{\"a\":null,\"b\":[\"x\",\"y\"]}");
    }

    @Test
    void parsesAllValueKinds() {
        Object value = JsonReader.parse(" {\"s\":\"\\u00e9\\ud83d\\ude00\\/\",\"n\":-12,\"d\":1.5e3,\"t\":true,"
                + "\"f\":false,\"z\":null,\"a\":[1,[],{}]} ");
        assertThat(value)
                .isEqualTo(
                        new java.util.LinkedHashMap<>(Map.of(
                                "s",
                                "é😀/",
                                "n",
                                -12L,
                                "d",
                                1500.0,
                                "t",
                                true,
                                "f",
                                false,
                                "a",
                                List.of(1L, List.of(), Map.of()))) {
                            {
                                put("z", null);
                            }
                        });
    }

    @Test
    void rejectsMalformedInputNamingOffsetAndFound() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\" 1}"))
                .isInstanceOf(JsonException.class)
                .hasMessage("parse JSON failed at offset 5: expected ':' but found '1'");
        assertThatThrownBy(() -> JsonReader.parse("[1,]")).hasMessageContaining("offset 3");
        assertThatThrownBy(() -> JsonReader.parse("\"a\nb\"")).hasMessageContaining("escaped control character");
        assertThatThrownBy(() -> JsonReader.parse("01")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> JsonReader.parse("{} x")).hasMessageContaining("expected end of input");
        assertThatThrownBy(() -> JsonReader.parse("\"\\x\"")).hasMessageContaining("offset 2");
        assertThatThrownBy(() -> JsonReader.parse("\"abc")).hasMessageContaining("closing '\"'");
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(100))).hasMessageContaining("levels of nesting");
    }

    @Test
    void parseObjectRejectsOtherValues() {
        assertThatThrownBy(() -> JsonReader.parseObject("[1]"))
                .hasMessageContaining("expected an object but found an array");
    }

    @Test
    void fieldOfWrongTypeNamesTheMember() {
        JsonFields fields = JsonFields.parse("{\"errorType\":3}", "ErrorRequest");
        assertThatThrownBy(() -> fields.string("errorType"))
                .hasMessage("read ErrorRequest failed: member 'errorType' should be a string but is Long 3");
    }

    @Test
    void asciiStringsEscapeEverythingFromDelUp() {
        StringBuilder sb = new StringBuilder();
        JsonWriter.asciiString(sb, "é😀\n\u007f");
        assertThat(sb).hasToString("\"\\u00e9\\ud83d\\ude00\\n\\u007f\"");
        assertThat(JsonReader.parse(sb.toString())).isEqualTo("é😀\n\u007f");
    }
}
