package dev.coldbrew.json.events;

import static dev.coldbrew.json.events.S3EventKeys.ARN;
import static dev.coldbrew.json.events.S3EventKeys.AWS_REGION;
import static dev.coldbrew.json.events.S3EventKeys.BUCKET;
import static dev.coldbrew.json.events.S3EventKeys.CONFIGURATION_ID;
import static dev.coldbrew.json.events.S3EventKeys.EVENT_NAME;
import static dev.coldbrew.json.events.S3EventKeys.EVENT_SOURCE;
import static dev.coldbrew.json.events.S3EventKeys.EVENT_TIME;
import static dev.coldbrew.json.events.S3EventKeys.EVENT_VERSION;
import static dev.coldbrew.json.events.S3EventKeys.E_TAG;
import static dev.coldbrew.json.events.S3EventKeys.KEY;
import static dev.coldbrew.json.events.S3EventKeys.NAME;
import static dev.coldbrew.json.events.S3EventKeys.OBJECT;
import static dev.coldbrew.json.events.S3EventKeys.OWNER_IDENTITY;
import static dev.coldbrew.json.events.S3EventKeys.PRINCIPAL_ID;
import static dev.coldbrew.json.events.S3EventKeys.RECORDS;
import static dev.coldbrew.json.events.S3EventKeys.REQUEST_PARAMETERS;
import static dev.coldbrew.json.events.S3EventKeys.RESPONSE_ELEMENTS;
import static dev.coldbrew.json.events.S3EventKeys.S3;
import static dev.coldbrew.json.events.S3EventKeys.S3_SCHEMA_VERSION;
import static dev.coldbrew.json.events.S3EventKeys.SEQUENCER;
import static dev.coldbrew.json.events.S3EventKeys.SIZE;
import static dev.coldbrew.json.events.S3EventKeys.SOURCE_IP_ADDRESS;
import static dev.coldbrew.json.events.S3EventKeys.USER_IDENTITY;
import static dev.coldbrew.json.events.S3EventKeys.VERSION_ID;
import static dev.coldbrew.json.events.S3EventKeys.X_AMZ_ID_2;
import static dev.coldbrew.json.events.S3EventKeys.X_AMZ_REQUEST_ID;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an S3 event through its constructors (its classes have no default constructor and no setters): the JSON
 * is read as a map, then each entity is built explicitly, without reflection.
 */
final class S3EventReader extends ValueReader {
    S3EventReader(Class<?> type) {
        super(type);
    }

    @Override
    public Object read(JSONReader reader, JsonParser parser) throws IOException {
        Map<String, Object> event = reader.readMap();
        if (event == null) {
            return null;
        }
        try {
            List<S3EventNotificationRecord> records = records(event);
            return _valueType == S3EventNotification.class ? new S3EventNotification(records) : new S3Event(records);
        } catch (IllegalArgumentException e) {
            throw new JSONObjectException("reading " + _valueType.getName() + " failed: " + e.getMessage(), e);
        }
    }

    private static List<S3EventNotificationRecord> records(Map<String, Object> event) {
        Object records = event.get(RECORDS);
        if (records == null) {
            return null;
        }
        if (!(records instanceof List<?> list)) {
            throw new IllegalArgumentException(RECORDS + " must be an array, got " + describe(records));
        }
        List<S3EventNotificationRecord> result = new ArrayList<>();
        for (Object record : list) {
            result.add(record(object(RECORDS + "[]", record)));
        }
        return result;
    }

    private static S3EventNotificationRecord record(Map<String, Object> record) {
        Map<String, Object> parameters = object(record, REQUEST_PARAMETERS);
        Map<String, Object> elements = object(record, RESPONSE_ELEMENTS);
        return new S3EventNotificationRecord(
                text(record, AWS_REGION),
                text(record, EVENT_NAME),
                text(record, EVENT_SOURCE),
                text(record, EVENT_TIME),
                text(record, EVENT_VERSION),
                parameters == null ? null : new RequestParametersEntity(text(parameters, SOURCE_IP_ADDRESS)),
                elements == null
                        ? null
                        : new ResponseElementsEntity(text(elements, X_AMZ_ID_2), text(elements, X_AMZ_REQUEST_ID)),
                s3(object(record, S3)),
                identity(object(record, USER_IDENTITY)));
    }

    private static S3Entity s3(Map<String, Object> s3) {
        if (s3 == null) {
            return null;
        }
        return new S3Entity(
                text(s3, CONFIGURATION_ID),
                bucket(object(s3, BUCKET)),
                object(object(s3, OBJECT)),
                text(s3, S3_SCHEMA_VERSION));
    }

    private static S3BucketEntity bucket(Map<String, Object> bucket) {
        return bucket == null
                ? null
                : new S3BucketEntity(text(bucket, NAME), identity(object(bucket, OWNER_IDENTITY)), text(bucket, ARN));
    }

    private static S3ObjectEntity object(Map<String, Object> object) {
        if (object == null) {
            return null;
        }
        return new S3ObjectEntity(
                text(object, KEY),
                size(object.get(SIZE)),
                text(object, E_TAG),
                text(object, VERSION_ID),
                text(object, SEQUENCER));
    }

    private static UserIdentityEntity identity(Map<String, Object> identity) {
        return identity == null ? null : new UserIdentityEntity(text(identity, PRINCIPAL_ID));
    }

    private static Long size(Object size) {
        if (size == null) {
            return null;
        }
        if (size instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException(SIZE + " must be a number, got " + describe(size));
    }

    private static String text(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(key + " must be a string, got " + describe(value));
    }

    private static Map<String, Object> object(Map<String, Object> parent, String key) {
        return object(key, parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String key, Object value) {
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException(key + " must be an object, got " + describe(value));
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }
}
