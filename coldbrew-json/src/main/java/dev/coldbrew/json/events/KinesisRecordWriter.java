package dev.coldbrew.json.events;

import static dev.coldbrew.json.events.KinesisRecordReader.ARRIVAL;
import static dev.coldbrew.json.events.KinesisRecordReader.DATA;
import static dev.coldbrew.json.events.KinesisRecordReader.ENCRYPTION_TYPE;
import static dev.coldbrew.json.events.KinesisRecordReader.PARTITION_KEY;
import static dev.coldbrew.json.events.KinesisRecordReader.SCHEMA_VERSION;
import static dev.coldbrew.json.events.KinesisRecordReader.SEQUENCE_NUMBER;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;

/** The {@code kinesis} object written in Kinesis's own shape (seconds, base64); {@code null} fields left out. */
final class KinesisRecordWriter implements ValueWriter {
    @Override
    public void writeValue(JSONWriter context, JsonGenerator out, Object value) throws IOException {
        KinesisEvent.Record record = (KinesisEvent.Record) value;
        out.writeStartObject();
        text(out, SCHEMA_VERSION, record.getKinesisSchemaVersion());
        text(out, PARTITION_KEY, record.getPartitionKey());
        text(out, SEQUENCE_NUMBER, record.getSequenceNumber());
        if (record.getData() != null) {
            ByteBuffer data = record.getData().duplicate();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            out.writeFieldName(DATA);
            out.writeBinary(bytes);
        }
        if (record.getApproximateArrivalTimestamp() != null) {
            long millis = record.getApproximateArrivalTimestamp().getTime();
            out.writeNumberField(ARRIVAL, BigDecimal.valueOf(millis).movePointLeft(3));
        }
        text(out, ENCRYPTION_TYPE, record.getEncryptionType());
        out.writeEndObject();
    }

    @Override
    public Class<?> valueType() {
        return KinesisEvent.Record.class;
    }

    private static void text(JsonGenerator out, String key, String value) throws IOException {
        if (value != null) {
            out.writeStringField(key, value);
        }
    }
}
