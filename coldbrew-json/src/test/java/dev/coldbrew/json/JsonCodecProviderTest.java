package dev.coldbrew.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.coldbrew.runtime.Codec;
import dev.coldbrew.runtime.CodecProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JsonCodecProviderTest {
    @Test
    void theRuntimeFindsThisModuleThroughServiceLoader() {
        List<CodecProvider> providers = ServiceLoader.load(CodecProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(providers).hasSize(1).first().isInstanceOf(JsonCodecProvider.class);
    }

    @Test
    void eventCodecsDecodeFixturesAndEncodeResults() throws Exception {
        Codec<SQSEvent> codec = new JsonCodecProvider().codecFor(SQSEvent.class);

        SQSEvent event = codec.decode(Fixtures.event("sqs.json"));

        assertThat(event.getRecords()).hasSize(2);
        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8)).startsWith("{\"Records\":[{");
        assertThat(codec.contentType()).isEqualTo("application/json");
    }

    @Test
    void genericTypesKeepTheirArguments() throws Exception {
        Codec<Map<String, Integer>> codec = new JsonCodecProvider()
                .codecFor(Holder.class.getDeclaredField("counts").getGenericType());

        assertThat(codec.decode("{\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(codec.toString()).isEqualTo("JsonCodec[java.util.Map<java.lang.String, java.lang.Integer>]");
    }

    static final class Holder {
        Map<String, Integer> counts;
    }
}
