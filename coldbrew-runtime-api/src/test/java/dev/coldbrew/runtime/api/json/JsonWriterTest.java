package dev.coldbrew.runtime.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming writer, as the bench writes results.json and the local Lambda its documents. */
class JsonWriterTest {
    @Test
    void placesCommasBetweenMembersAndElements() {
        String json = JsonWriter.create()
                .beginObject()
                .field("a", 1)
                .name("b")
                .beginArray()
                .value("x")
                .beginObject()
                .endObject()
                .value(true)
                .endArray()
                .field("c", (String) null)
                .endObject()
                .toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[\"x\",{},true],\"c\":null}");
    }

    @Test
    void escapesStrings() {
        assertThat(JsonWriter.create().value("q\"b\\n\nt\tc\u0001é").toString())
                .isEqualTo("\"q\\\"b\\\\n\\nt\\tc\\u0001é\"");
    }

    @Test
    void writesNumbersPlainlyAndNonFiniteAsNull() {
        String json = JsonWriter.create()
                .maxDecimals(3)
                .beginArray()
                .value(12.0)
                .value(0.1234567)
                .value(0.0000166667)
                .value(Double.NaN)
                .value(Double.POSITIVE_INFINITY)
                .endArray()
                .toString();

        assertThat(json).isEqualTo("[12,0.123,0.0000166667,null,null]");
    }

    @Test
    void withoutMaxDecimalsEveryDigitIsKept() {
        assertThat(JsonWriter.create().value(0.1234567).toString()).isEqualTo("0.1234567");
    }

    @Test
    void writesMapsListsAndScalarsFromPlainValues() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("s", "x");
        doc.put("n", 3);
        doc.put("d", new BigDecimal("1E+3"));
        doc.put("b", false);
        doc.put("none", null);
        doc.put("list", List.of(1L, Map.of("k", "v")));

        assertThat(JsonWriter.write(doc))
                .isEqualTo("{\"s\":\"x\",\"n\":3,\"d\":1000,\"b\":false,\"none\":null,\"list\":[1,{\"k\":\"v\"}]}");
        assertThat(JsonReader.parse(JsonWriter.write(doc))).isNotNull();
    }

    @Test
    void anUnsupportedValueNamesItsClass() {
        assertThatThrownBy(() -> JsonWriter.write(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write java.lang.Object as JSON");
    }
}
