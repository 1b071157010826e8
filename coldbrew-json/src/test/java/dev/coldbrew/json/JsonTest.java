package dev.coldbrew.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final Json json = Json.create();

    public record Order(String item, int quantity, List<String> tags) {}

    public static final class Greeting {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Test
    void recordsDecodeThroughTheirCanonicalConstructor() {
        Order order =
                json.decode(bytes("{\"item\":\"coffee\",\"quantity\":2,\"tags\":[\"hot\"],\"extra\":1}"), Order.class);

        assertThat(order).isEqualTo(new Order("coffee", 2, List.of("hot")));
    }

    @Test
    void beansRoundTripWithoutNullProperties() {
        Greeting greeting = json.decode(bytes("{\"name\":\"coldbrew\"}"), Greeting.class);

        assertThat(greeting.getName()).isEqualTo("coldbrew");
        assertThat(text(json.encode(greeting))).isEqualTo("{\"name\":\"coldbrew\"}");
        assertThat(text(json.encode(new Greeting()))).isEqualTo("{}");
    }

    @Test
    void genericMapsAndListsKeepTheirElementType() throws NoSuchFieldException {
        Object orders = json.decode(
                bytes("{\"a\":{\"item\":\"tea\",\"quantity\":1}}"),
                Holder.class.getDeclaredField("orders").getGenericType());
        Object names = json.decode(
                bytes("[\"x\",\"y\"]"), Holder.class.getDeclaredField("names").getGenericType());

        assertThat(orders).isEqualTo(Map.of("a", new Order("tea", 1, null)));
        assertThat(names).isEqualTo(List.of("x", "y"));
    }

    @Test
    void scalarsAndNullHaveTheirPlainJsonForm() {
        assertThat(json.decode(bytes("\"hello\""), String.class)).isEqualTo("hello");
        assertThat(json.decode(bytes("42"), Integer.class)).isEqualTo(42);
        assertThat(text(json.encode(null))).isEqualTo("null");
        assertThat(text(json.encode("hi"))).isEqualTo("\"hi\"");
    }

    @Test
    void malformedJsonFailsNamingTheTargetType() {
        assertThatThrownBy(() -> json.decode(bytes("{\"item\":"), Order.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("decoding JSON into " + Order.class.getName() + " failed: ")
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void aWrongShapeFailsNamingTheTargetType() {
        assertThatThrownBy(() -> json.decode(bytes("[1,2]"), Greeting.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining(Greeting.class.getName());
    }

    static final class Holder {
        Map<String, Order> orders;
        List<String> names;
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
