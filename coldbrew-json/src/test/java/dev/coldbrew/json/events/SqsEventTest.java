package dev.coldbrew.json.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.coldbrew.json.Fixtures;
import dev.coldbrew.json.Json;
import dev.coldbrew.json.JsonCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsEventTest {
    private final Json codec = Json.create();

    @Test
    void recordsWithCapitalRAndEventSourceArnDecode() {
        SQSEvent event = codec.decode(Fixtures.event("sqs.json"), SQSEvent.class);

        assertThat(event.getRecords()).hasSize(2);
        SQSEvent.SQSMessage first = event.getRecords().get(0);
        assertThat(first.getMessageId()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(first.getBody()).isEqualTo("{\"orderId\":42,\"status\":\"paid\"}");
        assertThat(first.getEventSourceArn()).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:orders");
        assertThat(first.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
        assertThat(first.getMessageAttributes().get("source").getStringValue()).isEqualTo("checkout");
        assertThat(event.getRecords().get(1).getMessageAttributes()).isEmpty();
    }

    @Test
    void binaryMessageAttributesDecodeFromBase64() {
        SQSEvent event = codec.decode(Fixtures.event("sqs.json"), SQSEvent.class);

        ByteBuffer signature = event.getRecords()
                .get(0)
                .getMessageAttributes()
                .get("signature")
                .getBinaryValue();
        assertThat(signature).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
    }

    @Test
    void encodingWritesSqsOwnKeysAndRoundTrips() {
        SQSEvent event = codec.decode(Fixtures.event("sqs.json"), SQSEvent.class);

        byte[] json = codec.encode(event);
        Map<?, ?> tree = codec.decode(json, Map.class);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) tree.get("Records")).get(0);

        assertThat(tree.keySet()).isEqualTo(java.util.Set.of("Records"));
        assertThat(first.get("eventSourceARN")).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:orders");
        assertThat(((Map<?, ?>) ((Map<?, ?>) first.get("messageAttributes")).get("signature")).get("binaryValue"))
                .isEqualTo("AQIDBA==");
        SQSEvent again = codec.decode(json, SQSEvent.class);
        assertThat(again.getRecords()
                        .get(0)
                        .getMessageAttributes()
                        .get("signature")
                        .getBinaryValue())
                .isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        assertThat(again.getRecords().get(1).getBody()).isEqualTo("second message");
    }

    @Test
    void aBinaryValueThatIsNotBase64FailsNamingTheValue() {
        byte[] json =
                ("{\"Records\":[{\"messageAttributes\":{\"a\":{\"binaryValue\":\"%%%\",\"dataType\":\"Binary\"}}}]}")
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(json, SQSEvent.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining(SQSEvent.class.getName())
                .hasMessageContaining("'%%%' is not base64");
    }
}
