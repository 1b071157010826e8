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
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** The {@code dynamodb} object written in DynamoDB's own shape; {@code null} fields are left out. */
final class DynamodbStreamWriter implements ValueWriter {
    @Override
    public void writeValue(JSONWriter context, JsonGenerator out, Object value) throws IOException {
        StreamRecord record = (StreamRecord) value;
        out.writeStartObject();
        if (record.getApproximateCreationDateTime() != null) {
            long millis = record.getApproximateCreationDateTime().getTime();
            out.writeNumberField(CREATED, BigDecimal.valueOf(millis).movePointLeft(3));
        }
        image(out, KEYS, record.getKeys());
        image(out, NEW_IMAGE, record.getNewImage());
        image(out, OLD_IMAGE, record.getOldImage());
        if (record.getSequenceNumber() != null) {
            out.writeStringField(SEQUENCE_NUMBER, record.getSequenceNumber());
        }
        if (record.getSizeBytes() != null) {
            out.writeNumberField(SIZE_BYTES, record.getSizeBytes());
        }
        if (record.getStreamViewType() != null) {
            out.writeStringField(STREAM_VIEW_TYPE, record.getStreamViewType());
        }
        out.writeEndObject();
    }

    @Override
    public Class<?> valueType() {
        return StreamRecord.class;
    }

    private static void image(JsonGenerator out, String key, Map<String, AttributeValue> image) throws IOException {
        if (image != null) {
            out.writeFieldName(key);
            attributes(out, image);
        }
    }

    private static void attributes(JsonGenerator out, Map<String, AttributeValue> values) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            out.writeFieldName(entry.getKey());
            attribute(out, entry.getValue());
        }
        out.writeEndObject();
    }

    private static void attribute(JsonGenerator out, AttributeValue value) throws IOException {
        out.writeStartObject();
        text(out, S, value.getS());
        text(out, N, value.getN());
        if (value.getB() != null) {
            out.writeFieldName(B);
            binary(out, value.getB());
        }
        texts(out, SS, value.getSS());
        texts(out, NS, value.getNS());
        if (value.getBS() != null) {
            out.writeArrayFieldStart(BS);
            for (ByteBuffer binary : value.getBS()) {
                binary(out, binary);
            }
            out.writeEndArray();
        }
        if (value.getM() != null) {
            out.writeFieldName(M);
            attributes(out, value.getM());
        }
        if (value.getL() != null) {
            out.writeArrayFieldStart(L);
            for (AttributeValue element : value.getL()) {
                attribute(out, element);
            }
            out.writeEndArray();
        }
        bool(out, NULL, value.getNULL());
        bool(out, BOOL, value.getBOOL());
        out.writeEndObject();
    }

    private static void binary(JsonGenerator out, ByteBuffer buffer) throws IOException {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        out.writeBinary(bytes);
    }

    private static void texts(JsonGenerator out, String key, List<String> texts) throws IOException {
        if (texts != null) {
            out.writeArrayFieldStart(key);
            for (String text : texts) {
                out.writeString(text);
            }
            out.writeEndArray();
        }
    }

    private static void text(JsonGenerator out, String key, String text) throws IOException {
        if (text != null) {
            out.writeStringField(key, text);
        }
    }

    private static void bool(JsonGenerator out, String key, Boolean bool) throws IOException {
        if (bool != null) {
            out.writeBooleanField(key, bool);
        }
    }
}
