package dev.coldbrew.json.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterModifier;
import com.fasterxml.jackson.jr.ob.impl.BeanPropertyIntrospector;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import com.fasterxml.jackson.jr.ob.impl.POJODefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bean properties of event classes whose JSON key is not the bean name. Sources: the event shapes in the Lambda
 * developer guide ("Using Lambda with Amazon SQS", "… with Amazon SNS", "… with EventBridge Scheduler / schedule
 * expressions"):
 *
 * <ul>
 *   <li>SQS sends {@code Records} (capital R) and {@code eventSourceARN};
 *   <li>SNS capitalizes every key ({@code Records}, {@code EventSource}, {@code Sns}, {@code TopicArn}, …);
 *   <li>EventBridge sends {@code detail-type};
 *   <li>Kinesis and DynamoDB Streams send {@code Records}.
 * </ul>
 */
final class EventPropertyNames extends ReaderWriterModifier {
    private static final Map<Class<?>, Map<String, String>> RENAMED = Map.of(
            SQSEvent.class, Map.of("records", "Records"),
            SQSEvent.SQSMessage.class, Map.of("eventSourceArn", "eventSourceARN"),
            ScheduledEvent.class, Map.of("detailType", "detail-type"),
            KinesisEvent.class, Map.of("records", "Records"),
            DynamodbEvent.class, Map.of("records", "Records"));
    private static final Set<Class<?>> CAPITALIZED =
            Set.of(SNSEvent.class, SNSEvent.SNSRecord.class, SNSEvent.SNS.class, SNSEvent.MessageAttribute.class);

    @Override
    public POJODefinition pojoDefinitionForDeserialization(JSONReader context, Class<?> type) {
        return renames(type)
                ? renamed(type, BeanPropertyIntrospector.instance().pojoDefinitionForDeserialization(context, type))
                : null;
    }

    @Override
    public POJODefinition pojoDefinitionForSerialization(JSONWriter context, Class<?> type) {
        return renames(type)
                ? renamed(type, BeanPropertyIntrospector.instance().pojoDefinitionForSerialization(context, type))
                : null;
    }

    private static boolean renames(Class<?> type) {
        return CAPITALIZED.contains(type) || RENAMED.containsKey(type);
    }

    /** The JSON key of {@code type}'s bean property {@code name}. */
    private static String jsonName(Class<?> type, String name) {
        if (CAPITALIZED.contains(type)) {
            return capitalized(name);
        }
        return RENAMED.get(type).getOrDefault(name, name);
    }

    /** {@code sns} and {@code SNS} → {@code Sns}; {@code topicArn} → {@code TopicArn}. */
    private static String capitalized(String name) {
        String first = name.substring(0, 1).toUpperCase(Locale.ROOT);
        return name.equals(name.toUpperCase(Locale.ROOT))
                ? first + name.substring(1).toLowerCase(Locale.ROOT)
                : first + name.substring(1);
    }

    private static POJODefinition renamed(Class<?> type, POJODefinition definition) {
        List<POJODefinition.Prop> properties = new ArrayList<>();
        for (POJODefinition.Prop property : definition.getProperties()) {
            String jsonName = jsonName(type, property.name);
            properties.add(jsonName.equals(property.name) ? property : renamed(property, jsonName));
        }
        return definition.withProperties(properties);
    }

    private static POJODefinition.Prop renamed(POJODefinition.Prop property, String jsonName) {
        return new POJODefinition.Prop(
                jsonName,
                property.name,
                property.field,
                property.setter,
                property.getter,
                property.isGetter,
                property.aliases());
    }
}
