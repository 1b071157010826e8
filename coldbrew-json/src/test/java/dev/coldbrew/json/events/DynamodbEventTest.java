package dev.coldbrew.json.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.coldbrew.json.Fixtures;
import dev.coldbrew.json.Json;
import dev.coldbrew.json.JsonCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamodbEventTest {
    private final Json codec = Json.create();

    @Test
    void streamRecordsDecodeWithTypedAttributeValues() {
        DynamodbEvent event = codec.decode(Fixtures.event("dynamodb-stream.json"), DynamodbEvent.class);

        DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("MODIFY");
        assertThat(record.getEventSourceARN()).startsWith("arn:aws:dynamodb:eu-west-1:123456789012:table/orders");
        StreamRecord stream = record.getDynamodb();
        assertThat(stream.getApproximateCreationDateTime().getTime()).isEqualTo(1_795_788_309_000L);
        assertThat(stream.getSizeBytes()).isEqualTo(142L);
        assertThat(stream.getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(stream.getKeys().get("orderId").getN()).isEqualTo("42");
        Map<String, AttributeValue> image = stream.getNewImage();
        assertThat(image.get("status").getS()).isEqualTo("shipped");
        assertThat(image.get("tags").getSS()).containsExactly("gift", "express");
        assertThat(image.get("paid").getBOOL()).isTrue();
        assertThat(image.get("note").getNULL()).isTrue();
        assertThat(image.get("signature").getB()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        Map<String, AttributeValue> line = image.get("lines").getL().get(0).getM();
        assertThat(line.get("sku").getS()).isEqualTo("coffee");
        assertThat(line.get("qty").getN()).isEqualTo("2");
        assertThat(stream.getOldImage().get("status").getS()).isEqualTo("paid");
    }

    @Test
    void encodingWritesDynamodbOwnShape() {
        byte[] original = Fixtures.event("dynamodb-stream.json");

        byte[] encoded = codec.encode(codec.decode(original, DynamodbEvent.class));

        Map<?, ?> stream = dynamodbOf(codec.decode(encoded, Map.class));
        Map<?, ?> expected = dynamodbOf(codec.decode(original, Map.class));
        assertThat(stream.get("NewImage")).isEqualTo(expected.get("NewImage"));
        assertThat(stream.get("Keys")).isEqualTo(expected.get("Keys"));
        assertThat(stream.get("StreamViewType")).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(((Number) stream.get("ApproximateCreationDateTime")).longValue())
                .isEqualTo(1_795_788_309L);
    }

    @Test
    void anUnknownAttributeTypeFailsNamingItsPath() {
        byte[] json =
                "{\"Records\":[{\"dynamodb\":{\"NewImage\":{\"a\":{\"X\":\"1\"}}}}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(json, DynamodbEvent.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("NewImage.a.X is not a DynamoDB attribute type");
    }

    private static Map<?, ?> dynamodbOf(Map<?, ?> event) {
        Map<?, ?> record = (Map<?, ?>) ((java.util.List<?>) event.get("Records")).get(0);
        return (Map<?, ?>) record.get("dynamodb");
    }
}
