package dev.coldbrew.json.events;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * The {@code kinesis} object of a Kinesis stream event, read explicitly: its {@code approximateArrivalTimestamp} is
 * epoch <em>seconds</em> with a fraction ({@code 1545084650.987}), which a bean reader would take for milliseconds,
 * and {@code data} is base64. Source: the Kinesis event in the Lambda developer guide ("Using Lambda with Kinesis").
 */
final class KinesisRecordReader extends ValueReader {
    static final String SCHEMA_VERSION = "kinesisSchemaVersion";
    static final String PARTITION_KEY = "partitionKey";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String DATA = "data";
    static final String ARRIVAL = "approximateArrivalTimestamp";
    static final String ENCRYPTION_TYPE = "encryptionType";
    static final int MILLIS_PER_SECOND = 1000;

    KinesisRecordReader() {
        super(KinesisEvent.Record.class);
    }

    @Override
    public Object read(JSONReader reader, JsonParser parser) throws IOException {
        Map<String, Object> object = reader.readMap();
        if (object == null) {
            return null;
        }
        KinesisEvent.Record record = new KinesisEvent.Record();
        record.setKinesisSchemaVersion(text(object, SCHEMA_VERSION));
        record.setPartitionKey(text(object, PARTITION_KEY));
        record.setSequenceNumber(text(object, SEQUENCE_NUMBER));
        record.setEncryptionType(text(object, ENCRYPTION_TYPE));
        record.setData(data(text(object, DATA)));
        record.setApproximateArrivalTimestamp(arrival(object.get(ARRIVAL)));
        return record;
    }

    private static ByteBuffer data(String base64) throws JSONObjectException {
        if (base64 == null) {
            return null;
        }
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new JSONObjectException("reading Kinesis " + DATA + " failed: '" + base64 + "' is not base64", e);
        }
    }

    private static Date arrival(Object seconds) throws JSONObjectException {
        if (seconds == null) {
            return null;
        }
        if (!(seconds instanceof Number number)) {
            throw new JSONObjectException("reading Kinesis " + ARRIVAL + " failed: expected epoch seconds, got "
                    + seconds.getClass().getSimpleName() + " " + seconds);
        }
        BigDecimal millis = new BigDecimal(number.toString()).movePointRight(3);
        return new Date(millis.longValue());
    }

    private static String text(Map<String, Object> object, String key) throws JSONObjectException {
        Object value = object.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new JSONObjectException("reading Kinesis " + key + " failed: expected a string, got "
                + value.getClass().getSimpleName() + " " + value);
    }
}
