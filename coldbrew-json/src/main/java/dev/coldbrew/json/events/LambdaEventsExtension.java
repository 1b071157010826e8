package dev.coldbrew.json.events;

import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;

/**
 * Teaches jackson-jr the {@code aws-lambda-java-events} types whose JSON differs from their bean shape:
 *
 * <ul>
 *   <li>renamed properties: SQS {@code Records} and {@code eventSourceARN}, SNS's capitalized keys, EventBridge
 *       {@code detail-type}, Kinesis and DynamoDB {@code Records};
 *   <li>binary values ({@code ByteBuffer}) as base64 and Joda {@code DateTime} values as ISO-8601;
 *   <li>Kinesis records (arrival time in epoch seconds) and DynamoDB stream records (capitalized keys, typed
 *       attribute values), read and written by hand;
 *   <li>S3 events, whose classes have no default constructors, built through their constructors.
 * </ul>
 *
 * <p>API Gateway (REST and HTTP APIs) events are plain beans and need nothing.
 */
public final class LambdaEventsExtension extends JacksonJrExtension {
    @Override
    protected void register(ExtensionContext context) {
        context.insertProvider(new EventsProvider());
        context.insertModifier(new EventPropertyNames());
    }
}
