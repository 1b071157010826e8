package dev.coldbrew.json.events;

import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;

/**
 * Teaches jackson-jr the {@code aws-lambda-java-events} types whose JSON differs from their bean shape: renamed
 * properties (SQS {@code Records} and {@code eventSourceARN}, SNS's capitalized keys, EventBridge
 * {@code detail-type}, Kinesis and DynamoDB {@code Records}), binary values ({@code ByteBuffer} as base64), Joda {@code DateTime}
 * values (ISO-8601), Kinesis records (arrival time in epoch seconds), DynamoDB stream records (capitalized keys,
 * typed attribute values), and S3 events, whose classes have no default constructors. API Gateway (REST and HTTP APIs) events are plain beans
 * and need nothing.
 */
public final class LambdaEventsExtension extends JacksonJrExtension {
    @Override
    protected void register(ExtensionContext context) {
        context.insertProvider(new EventsProvider());
        context.insertModifier(new EventPropertyNames());
    }
}
