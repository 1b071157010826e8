package dev.coldbrew.json.events;

import static dev.coldbrew.json.events.DynamodbKeys.B;
import static dev.coldbrew.json.events.DynamodbKeys.BOOL;
import static dev.coldbrew.json.events.DynamodbKeys.BS;
import static dev.coldbrew.json.events.DynamodbKeys.CREATED;
import static dev.coldbrew.json.events.DynamodbKeys.KEYS;
import static dev.coldbrew.json.events.DynamodbKeys.L;
import static dev.coldbrew.json.events.DynamodbKeys.M;
import static dev.coldbrew.json.events.DynamodbKeys.N;
import static dev.coldbrew.json.events.DynamodbKeys.NEW_IMAGE;
import static dev.coldbrew.json.events.DynamodbKeys.NS;
import static dev.coldbrew.json.events.DynamodbKeys.NULL;
import static dev.coldbrew.json.events.DynamodbKeys.OLD_IMAGE;
import static dev.coldbrew.json.events.DynamodbKeys.S;
import static dev.coldbrew.json.events.DynamodbKeys.SEQUENCE_NUMBER;
import static dev.coldbrew.json.events.DynamodbKeys.SIZE_BYTES;
import static dev.coldbrew.json.events.DynamodbKeys.SS;
import static dev.coldbrew.json.events.DynamodbKeys.STREAM_VIEW_TYPE;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dynamodb} object of a DynamoDB stream record, read explicitly: its keys are capitalized, its creation
 * time is epoch seconds, and its images are DynamoDB's typed attribute values ({@code {"S": "…"}},
 * {@code {"M": {…}}}, binary as base64), which the bean classes cannot take as they are.
 */
final class DynamodbStreamReader extends ValueReader {
    DynamodbStreamReader() {
        super(StreamRecord.class);
    }

    @Override
    public Object read(JSONReader reader, JsonParser parser) throws IOException {
        Map<String, Object> object = reader.readMap();
        if (object == null) {
            return null;
        }
        try {
            return streamRecord(object);
        } catch (IllegalArgumentException e) {
            throw new JSONObjectException("reading a DynamoDB stream record failed: " + e.getMessage(), e);
        }
    }

    private static StreamRecord streamRecord(Map<String, Object> object) {
        StreamRecord record = new StreamRecord();
        record.setApproximateCreationDateTime(seconds(object.get(CREATED)));
        record.setKeys(image(object, KEYS));
        record.setNewImage(image(object, NEW_IMAGE));
        record.setOldImage(image(object, OLD_IMAGE));
        record.setSequenceNumber(text(SEQUENCE_NUMBER, object.get(SEQUENCE_NUMBER)));
        Object size = object.get(SIZE_BYTES);
        record.setSizeBytes(size == null ? null : number(SIZE_BYTES, size).longValue());
        String viewType = text(STREAM_VIEW_TYPE, object.get(STREAM_VIEW_TYPE));
        if (viewType != null) {
            record.setStreamViewType(StreamViewType.fromValue(viewType));
        }
        return record;
    }

    private static Map<String, AttributeValue> image(Map<String, Object> object, String key) {
        return attributeMap(key, object.get(key));
    }

    private static Map<String, AttributeValue> attributeMap(String path, Object json) {
        Map<String, Object> image = map(path, json);
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : image.entrySet()) {
            values.put(entry.getKey(), attribute(path + "." + entry.getKey(), entry.getValue()));
        }
        return values;
    }

    private static AttributeValue attribute(String path, Object json) {
        Map<String, Object> typed = map(path, json);
        if (typed == null) {
            throw new IllegalArgumentException(path + " must be an attribute value object, got null");
        }
        AttributeValue value = new AttributeValue();
        for (Map.Entry<String, Object> entry : typed.entrySet()) {
            set(value, path, entry.getKey(), entry.getValue());
        }
        return value;
    }

    private static void set(AttributeValue value, String path, String type, Object json) {
        String at = path + "." + type;
        switch (type) {
            case S -> value.setS(text(at, json));
            case N -> value.setN(text(at, json));
            case B -> value.setB(binary(at, json));
            case SS -> value.setSS(texts(at, json));
            case NS -> value.setNS(texts(at, json));
            case BS -> value.setBS(binaries(at, json));
            case M -> value.setM(attributeMap(at, json));
            case L -> value.setL(attributes(at, json));
            case NULL -> value.setNULL(bool(at, json));
            case BOOL -> value.setBOOL(bool(at, json));
            default -> throw new IllegalArgumentException(at + " is not a DynamoDB attribute type");
        }
    }

    private static List<AttributeValue> attributes(String path, Object json) {
        List<AttributeValue> values = new ArrayList<>();
        for (Object element : list(path, json)) {
            values.add(attribute(path + "[]", element));
        }
        return values;
    }

    private static List<String> texts(String path, Object json) {
        List<String> texts = new ArrayList<>();
        for (Object element : list(path, json)) {
            texts.add(text(path + "[]", element));
        }
        return texts;
    }

    private static List<ByteBuffer> binaries(String path, Object json) {
        List<ByteBuffer> binaries = new ArrayList<>();
        for (Object element : list(path, json)) {
            binaries.add(binary(path + "[]", element));
        }
        return binaries;
    }

    private static ByteBuffer binary(String path, Object json) {
        String base64 = text(path, json);
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " '" + base64 + "' is not base64", e);
        }
    }

    private static Date seconds(Object json) {
        if (json == null) {
            return null;
        }
        return new Date(new BigDecimal(number(CREATED, json).toString())
                .movePointRight(3)
                .longValue());
    }

    private static Number number(String path, Object json) {
        if (json instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException(path + " must be a number, got " + describe(json));
    }

    private static Boolean bool(String path, Object json) {
        if (json instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalArgumentException(path + " must be true or false, got " + describe(json));
    }

    private static String text(String path, Object json) {
        if (json == null || json instanceof String) {
            return (String) json;
        }
        throw new IllegalArgumentException(path + " must be a string, got " + describe(json));
    }

    private static List<?> list(String path, Object json) {
        if (json instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(path + " must be an array, got " + describe(json));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String path, Object json) {
        if (json == null || json instanceof Map) {
            return (Map<String, Object>) json;
        }
        throw new IllegalArgumentException(path + " must be an object, got " + describe(json));
    }

    private static String describe(Object json) {
        return json == null ? "null" : json.getClass().getSimpleName() + " " + json;
    }
}
