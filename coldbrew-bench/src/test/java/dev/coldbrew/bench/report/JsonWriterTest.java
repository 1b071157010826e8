package dev.coldbrew.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void placesCommasBetweenMembersAndElements() {
        String json = new JsonWriter()
                .beginObject()
                .member("a", 1)
                .name("b")
                .beginArray()
                .value("x")
                .beginObject()
                .endObject()
                .value(true)
                .endArray()
                .member("c", (String) null)
                .endObject()
                .toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[\"x\",{},true],\"c\":null}");
    }

    @Test
    void escapesStrings() {
        assertThat(new JsonWriter().value("q\"b\\n\nt\tc\u0001é").toString())
                .isEqualTo("\"q\\\"b\\\\n\\nt\\tc\\u0001é\"");
    }

    @Test
    void writesNumbersPlainlyAndNonFiniteAsNull() {
        String json = new JsonWriter()
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
}
