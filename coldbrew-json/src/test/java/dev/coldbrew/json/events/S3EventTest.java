package dev.coldbrew.json.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.coldbrew.json.Fixtures;
import dev.coldbrew.json.Json;
import dev.coldbrew.json.JsonCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3EventTest {
    private final Json codec = Json.create();

    @Test
    void putEventDecodesThroughTheConstructors() {
        S3Event event = codec.decode(Fixtures.event("s3-put.json"), S3Event.class);

        assertThat(event.getRecords()).hasSize(1);
        S3EventNotificationRecord record = event.getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(record.getEventTime().getMillis()).isEqualTo(1795788309123L);
        assertThat(record.getUserIdentity().getPrincipalId()).isEqualTo("AWS:AIDAINPONIXQXHT3IKHL2");
        assertThat(record.getRequestParameters().getSourceIPAddress()).isEqualTo("203.0.113.17");
        assertThat(record.getResponseElements().getxAmzRequestId()).isEqualTo("D82B88E5F771F645");
        assertThat(record.getResponseElements().getxAmzId2()).startsWith("vlR7PnpV2Ce81l0");
        assertThat(record.getS3().getConfigurationId()).isEqualTo("orders-upload");
        assertThat(record.getS3().getS3SchemaVersion()).isEqualTo("1.0");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("coldbrew-orders");
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::coldbrew-orders");
        assertThat(record.getS3().getBucket().getOwnerIdentity().getPrincipalId())
                .isEqualTo("A3I5XTEXAMAI3E");
    }

    @Test
    void objectsOverTwoGigabytesKeepTheirSizeAndKeysUrlDecode() {
        S3Event event = codec.decode(Fixtures.event("s3-put.json"), S3Event.class);

        S3EventNotification.S3ObjectEntity object =
                event.getRecords().get(0).getS3().getObject();
        assertThat(object.getSizeAsLong()).isEqualTo(5_368_709_120L);
        assertThat(object.getKey()).isEqualTo("incoming/order+42%281%29.json");
        assertThat(object.getUrlDecodedKey()).isEqualTo("incoming/order 42(1).json");
        assertThat(object.geteTag()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(object.getVersionId()).isEqualTo("096fKKXTRTtl3on89fVO.nfljtsv6qko");
        assertThat(object.getSequencer()).isEqualTo("0055AED6DCD90281E5");
    }

    @Test
    void encodingWritesS3OwnShapeAndRoundTrips() {
        byte[] original = Fixtures.event("s3-put.json");
        S3Event event = codec.decode(original, S3Event.class);

        byte[] json = codec.encode(event);

        Map<?, ?> tree = codec.decode(json, Map.class);
        assertThat(tree).isEqualTo(codec.decode(original, Map.class));
        S3EventNotificationRecord again =
                codec.decode(json, S3Event.class).getRecords().get(0);
        assertThat(again.getEventTime()).isEqualTo(event.getRecords().get(0).getEventTime());
        assertThat(again.getS3().getObject().getSizeAsLong()).isEqualTo(5_368_709_120L);
    }

    @Test
    void theNotificationBaseClassDecodesToo() {
        S3EventNotification event = codec.decode(Fixtures.event("s3-put.json"), S3EventNotification.class);

        assertThat(event).isNotInstanceOf(S3Event.class);
        assertThat(event.getRecords().get(0).getS3().getBucket().getName()).isEqualTo("coldbrew-orders");
    }

    @Test
    void recordsThatAreNotAnArrayFailNamingTheField() {
        byte[] json = "{\"Records\":\"nope\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(json, S3Event.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("Records must be an array, got String nope");
    }

    @Test
    void aSizeThatIsNotANumberFailsNamingTheField() {
        byte[] json = "{\"Records\":[{\"s3\":{\"object\":{\"key\":\"k\",\"size\":\"big\"}}}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(json, S3Event.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("size must be a number, got String big");
    }

    @Test
    void anEmptyRecordListStaysEmpty() {
        S3Event event = codec.decode("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8), S3Event.class);

        assertThat(event.getRecords()).isEqualTo(List.of());
    }
}
