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

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;

/**
 * Writes an S3 event in S3's own shape (the bean getters would add {@code urlDecodedKey}, {@code sizeAsLong} and a
 * Joda object for {@code eventTime}); {@code null} fields are left out.
 */
final class S3EventWriter implements ValueWriter {
    @Override
    public void writeValue(JSONWriter context, JsonGenerator out, Object value) throws IOException {
        S3EventNotification event = (S3EventNotification) value;
        out.writeStartObject();
        if (event.getRecords() != null) {
            out.writeArrayFieldStart(RECORDS);
            for (S3EventNotificationRecord record : event.getRecords()) {
                record(out, record);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    @Override
    public Class<?> valueType() {
        return S3EventNotification.class;
    }

    private static void record(JsonGenerator out, S3EventNotificationRecord record) throws IOException {
        out.writeStartObject();
        text(out, EVENT_VERSION, record.getEventVersion());
        text(out, EVENT_SOURCE, record.getEventSource());
        text(out, AWS_REGION, record.getAwsRegion());
        text(
                out,
                EVENT_TIME,
                record.getEventTime() == null ? null : record.getEventTime().toString());
        text(out, EVENT_NAME, record.getEventName());
        identity(out, USER_IDENTITY, record.getUserIdentity());
        if (record.getRequestParameters() != null) {
            out.writeObjectFieldStart(REQUEST_PARAMETERS);
            text(out, SOURCE_IP_ADDRESS, record.getRequestParameters().getSourceIPAddress());
            out.writeEndObject();
        }
        if (record.getResponseElements() != null) {
            out.writeObjectFieldStart(RESPONSE_ELEMENTS);
            text(out, X_AMZ_REQUEST_ID, record.getResponseElements().getxAmzRequestId());
            text(out, X_AMZ_ID_2, record.getResponseElements().getxAmzId2());
            out.writeEndObject();
        }
        s3(out, record.getS3());
        out.writeEndObject();
    }

    private static void s3(JsonGenerator out, S3Entity s3) throws IOException {
        if (s3 == null) {
            return;
        }
        out.writeObjectFieldStart(S3);
        text(out, S3_SCHEMA_VERSION, s3.getS3SchemaVersion());
        text(out, CONFIGURATION_ID, s3.getConfigurationId());
        bucket(out, s3.getBucket());
        object(out, s3.getObject());
        out.writeEndObject();
    }

    private static void bucket(JsonGenerator out, S3BucketEntity bucket) throws IOException {
        if (bucket == null) {
            return;
        }
        out.writeObjectFieldStart(BUCKET);
        text(out, NAME, bucket.getName());
        identity(out, OWNER_IDENTITY, bucket.getOwnerIdentity());
        text(out, ARN, bucket.getArn());
        out.writeEndObject();
    }

    private static void object(JsonGenerator out, S3ObjectEntity object) throws IOException {
        if (object == null) {
            return;
        }
        out.writeObjectFieldStart(OBJECT);
        text(out, KEY, object.getKey());
        if (object.getSizeAsLong() != null) {
            out.writeNumberField(SIZE, object.getSizeAsLong());
        }
        text(out, E_TAG, object.geteTag());
        text(out, VERSION_ID, object.getVersionId());
        text(out, SEQUENCER, object.getSequencer());
        out.writeEndObject();
    }

    private static void identity(JsonGenerator out, String key, UserIdentityEntity identity) throws IOException {
        if (identity != null) {
            out.writeObjectFieldStart(key);
            text(out, PRINCIPAL_ID, identity.getPrincipalId());
            out.writeEndObject();
        }
    }

    private static void text(JsonGenerator out, String key, String value) throws IOException {
        if (value != null) {
            out.writeStringField(key, value);
        }
    }
}
