package dev.coldbrew.json.events;

import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;

/**
 * Teaches jackson-jr the {@code aws-lambda-java-events} types whose JSON differs from their bean shape: renamed
 * properties ({@code Records}, {@code eventSourceARN}), binary values ({@code ByteBuffer} as base64), and S3
 * events, whose classes have no default constructors and a Joda {@code DateTime}. Everything else in that jar is a
 * plain bean and needs nothing.
 */
public final class LambdaEventsExtension extends JacksonJrExtension {
    @Override
    protected void register(ExtensionContext context) {
        context.insertProvider(new EventsProvider());
        context.insertModifier(new EventPropertyNames());
    }
}
