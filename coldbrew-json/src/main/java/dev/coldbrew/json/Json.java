package dev.coldbrew.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.coldbrew.json.events.LambdaEventsExtension;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON to and from handler inputs and outputs: beans (getters/setters), records, maps, lists, strings, numbers,
 * and the {@code aws-lambda-java-events} types whose JSON shape differs from their bean shape (when that jar is on
 * the class path). Thread-safe; create one per function and reuse it.
 *
 * <p>{@code java.time} values are ISO-8601 strings. Decoding is strict where a silent guess would hide a bug:
 * scalars must have a matching JSON form (see {@link StrictScalars}) and nothing may follow the value. Unknown
 * object properties are ignored (events gain fields over time), and an empty event decodes as {@code null}, like
 * JSON {@code null}. When encoding, {@code null} properties are left out, as API Gateway and the other event
 * sources expect.
 */
public final class Json {
    private static final String EVENTS_MARKER = "com.amazonaws.services.lambda.runtime.events.SQSEvent";

    private final JSON json;

    private Json(JSON json) {
        this.json = json;
    }

    /** A codec that also maps {@code aws-lambda-java-events} types when they are on the class path. */
    public static Json create() {
        JSON.Builder builder = JSON.builder().register(new StrictScalars()).register(new JavaTimeText());
        if (eventsModelPresent(Json.class.getClassLoader())) {
            builder.register(new LambdaEventsExtension());
        }
        return new Json(builder.build());
    }

    /**
     * Decodes {@code bytes} into {@code type}.
     *
     * @throws JsonCodecException naming the type and what was wrong, for malformed JSON, trailing content or a
     *     shape the type cannot take
     */
    public <T> T decode(byte[] bytes, Class<T> type) {
        return type.cast(read(bytes, type, Shape.PLAIN, type));
    }

    /**
     * Decodes {@code bytes} into a possibly generic {@code type}: {@code Map<String, V>} and {@code List<V>} (or any
     * collection) keep their element type {@code V}; other parameterized types decode as their raw class.
     *
     * @throws JsonCodecException as {@link #decode(byte[], Class)}
     */
    public Object decode(byte[] bytes, Type type) {
        if (!(type instanceof ParameterizedType generic)) {
            return decode(bytes, rawClass(type));
        }
        Class<?> raw = rawClass(generic);
        Type[] arguments = generic.getActualTypeArguments();
        if (Map.class.isAssignableFrom(raw) && arguments.length == 2) {
            return read(bytes, type, Shape.MAP_OF, rawClass(arguments[1]));
        }
        if (Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
            return read(bytes, type, Shape.LIST_OF, rawClass(arguments[0]));
        }
        return read(bytes, type, Shape.PLAIN, raw);
    }

    /** A runtime {@link dev.coldbrew.runtime.Codec} for {@code type}, for handlers registered from {@code main}. */
    public <T> JsonCodec<T> codec(Class<T> type) {
        return new JsonCodec<>(this, type);
    }

    /** A runtime {@link dev.coldbrew.runtime.Codec} for a possibly generic {@code type}. */
    public <T> JsonCodec<T> codec(Type type) {
        return new JsonCodec<>(this, type);
    }

    /**
     * Encodes {@code value} ({@code null} becomes {@code null}).
     *
     * @throws JsonCodecException naming the value's class, for a value that has no JSON form
     */
    public byte[] encode(Object value) {
        try {
            return json.asBytes(value);
        } catch (IOException | RuntimeException e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new JsonCodecException("encoding " + type + " as JSON failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one decode and one encode of plain JSON, so the parser, generator and their readers and writers are
     * loaded during init (where Lambda gives full CPU) rather than during the first invoke. Touches no user type.
     */
    void prime() {
        byte[] sample = "{\"primed\":[1,2.5,\"text\",true,null,{}]}".getBytes(StandardCharsets.UTF_8);
        encode(decode(sample, Object.class));
    }

    static boolean eventsModelPresent(ClassLoader loader) {
        try {
            Class.forName(EVENTS_MARKER, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** How a target type is read: as itself, or as a map or list of {@code element}s. */
    private enum Shape {
        PLAIN,
        MAP_OF,
        LIST_OF
    }

    /** Reads one value of {@code type}, then insists that the input ends there. */
    private Object read(byte[] bytes, Type type, Shape shape, Class<?> element) {
        if (isBlank(bytes)) {
            return null;
        }
        try (JsonParser parser = json.getStreamingFactory().createParser(bytes)) {
            Object value = switch (shape) {
                case PLAIN -> untyped(element, parser);
                case MAP_OF -> json.mapOfFrom(element, parser);
                case LIST_OF -> json.listOfFrom(element, parser);
            };
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonCodecException(
                        "decoding JSON into " + type.getTypeName() + " failed: " + trailing + " after the value at "
                                + parser.currentLocation().offsetDescription(),
                        null);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw e instanceof JsonCodecException failure ? failure : decodeFailure(type, e);
        }
    }

    /** Raw {@code Map}, {@code List} and {@code Object} decode as JSON's own maps, lists and scalars. */
    private Object untyped(Class<?> type, JsonParser parser) throws IOException {
        if (type == Map.class) {
            return json.mapFrom(parser);
        }
        if (type == List.class || type == Collection.class) {
            return json.listFrom(parser);
        }
        if (type == Object.class) {
            return json.anyFrom(parser);
        }
        return json.beanFrom(type, parser);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return Object.class;
    }

    private static JsonCodecException decodeFailure(Type type, Exception cause) {
        return new JsonCodecException(
                "decoding JSON into " + type.getTypeName() + " failed: " + cause.getMessage(), cause);
    }
}
