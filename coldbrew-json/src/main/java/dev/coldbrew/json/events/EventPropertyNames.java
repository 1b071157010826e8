package dev.coldbrew.json.events;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterModifier;
import com.fasterxml.jackson.jr.ob.impl.BeanPropertyIntrospector;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import com.fasterxml.jackson.jr.ob.impl.POJODefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bean properties of event classes whose JSON key is not the bean name: SQS sends {@code Records} (capital R) and
 * {@code eventSourceARN}. Source: the SQS event shape in the Lambda developer guide ("Using Lambda with Amazon
 * SQS").
 */
final class EventPropertyNames extends ReaderWriterModifier {
    private static final Map<Class<?>, Map<String, String>> JSON_NAMES = Map.of(
            SQSEvent.class, Map.of("records", "Records"),
            SQSEvent.SQSMessage.class, Map.of("eventSourceArn", "eventSourceARN"));

    @Override
    public POJODefinition pojoDefinitionForDeserialization(JSONReader context, Class<?> type) {
        Map<String, String> names = JSON_NAMES.get(type);
        return names == null
                ? null
                : renamed(BeanPropertyIntrospector.instance().pojoDefinitionForDeserialization(context, type), names);
    }

    @Override
    public POJODefinition pojoDefinitionForSerialization(JSONWriter context, Class<?> type) {
        Map<String, String> names = JSON_NAMES.get(type);
        return names == null
                ? null
                : renamed(BeanPropertyIntrospector.instance().pojoDefinitionForSerialization(context, type), names);
    }

    private static POJODefinition renamed(POJODefinition definition, Map<String, String> names) {
        List<POJODefinition.Prop> properties = new ArrayList<>();
        for (POJODefinition.Prop property : definition.getProperties()) {
            String jsonName = names.get(property.name);
            properties.add(jsonName == null ? property : renamed(property, jsonName));
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
