package dev.coldbrew.json.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.coldbrew.json.Fixtures;
import dev.coldbrew.json.Json;
import dev.coldbrew.json.JsonCodecException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsAndEventBridgeTest {
    private final Json codec = Json.create();

    @Test
    void snsCapitalizedKeysAndTimestampDecode() {
        SNSEvent event = codec.decode(Fixtures.event("sns.json"), SNSEvent.class);

        SNSEvent.SNSRecord record = event.getRecords().get(0);
        assertThat(record.getEventSource()).isEqualTo("aws:sns");
        assertThat(record.getEventSubscriptionArn()).endsWith(":orders:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55");
        SNSEvent.SNS sns = record.getSNS();
        assertThat(sns.getMessage()).isEqualTo("{\"orderId\":42,\"status\":\"shipped\"}");
        assertThat(sns.getTopicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:orders");
        assertThat(sns.getSubject()).isEqualTo("order shipped");
        assertThat(sns.getSigningCertUrl()).endsWith(".pem");
        assertThat(sns.getUnsubscribeUrl()).contains("Action=Unsubscribe");
        assertThat(sns.getTimestamp().getMillis()).isEqualTo(1795788309123L);
        assertThat(sns.getMessageAttributes().get("priority").getValue()).isEqualTo("high");
        assertThat(sns.getMessageAttributes().get("attempt").getType()).isEqualTo("Number");
    }

    @Test
    void snsEncodesInItsOwnShape() {
        byte[] original = Fixtures.event("sns.json");

        byte[] encoded = codec.encode(codec.decode(original, SNSEvent.class));

        Map<?, ?> tree = codec.decode(encoded, Map.class);
        assertThat(tree).isEqualTo(codec.decode(original, Map.class));
    }

    @Test
    void scheduledEventDecodesDetailTypeAndTime() {
        ScheduledEvent event = codec.decode(Fixtures.event("eventbridge-scheduled.json"), ScheduledEvent.class);

        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getTime().getMillis()).isEqualTo(1795788000000L);
        assertThat(event.getResources()).containsExactly("arn:aws:events:eu-west-1:123456789012:rule/nightly-report");
        assertThat(event.getDetail()).isEmpty();
    }

    @Test
    void scheduledEventEncodesDetailTypeWithItsDash() {
        ScheduledEvent event = codec.decode(Fixtures.event("eventbridge-scheduled.json"), ScheduledEvent.class);

        Map<?, ?> tree = codec.decode(codec.encode(event), Map.class);

        assertThat(tree.get("detail-type")).isEqualTo("Scheduled Event");
        assertThat(tree.get("time")).isEqualTo("2026-11-27T14:00:00.000Z");
    }

    @Test
    void epochMillisecondsAreAcceptedAsATime() {
        byte[] json = "{\"time\":1795788000000}".getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode(json, ScheduledEvent.class).getTime().getMillis())
                .isEqualTo(1795788000000L);
    }

    @Test
    void aTimeThatIsNotIso8601FailsNamingTheValue() {
        byte[] json = "{\"time\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(json, ScheduledEvent.class))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("'yesterday' is not ISO-8601");
    }
}
