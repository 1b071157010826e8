package dev.coldbrew.json.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import dev.coldbrew.json.Fixtures;
import dev.coldbrew.json.Json;
import dev.coldbrew.json.JsonCodecException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisEventTest {
    private final Json codec = Json.create();

    @Test
    void recordsDecodeWithBase64DataAndArrivalInSeconds() {
        KinesisEvent event = codec.decode(Fixtures.event("kinesis.json"), KinesisEvent.class);

        KinesisEvent.KinesisEventRecord record = event.getRecords().get(0);
        assertThat(record.getEventSourceARN()).isEqualTo("arn:aws:kinesis:eu-west-1:123456789012:stream/orders");
        assertThat(record.getEventID()).startsWith("shardId-000000000006:");
        KinesisEvent.Record kinesis = record.getKinesis();
        assertThat(kinesis.getPartitionKey()).isEqualTo("order-42");
        assertThat(kinesis.getKinesisSchemaVersion()).isEqualTo("1.0");
        assertThat(StandardCharsets.UTF_8.decode(kinesis.getData()).toString()).isEqualTo("{\"orderId\":42}");
        assertThat(kinesis.getApproximateArrivalTimestamp().getTime()).isEqualTo(1_795_788_309_987L);
    }

    @Test
    void encodingWritesKinesisOwnShape() {
        byte[] original = Fixtures.event("kinesis.json");

        byte[] encoded = codec.encode(codec.decode(original, KinesisEvent.class));

        Map<?, ?> tree = codec.decode(encoded, Map.class);
        assertThat(tree).isEqualTo(codec.decode(original, Map.class));
    }

    @Test
    void anArrivalThatIsNotANumberFailsNamingIt() {
        byte[] json = "{\"Records\":[{\"kinesis\":{\"approximateArrivalTimestamp\":\"soon\"}}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(json, KinesisEvent.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("approximateArrivalTimestamp failed: expected epoch seconds, got String soon");
    }
}
