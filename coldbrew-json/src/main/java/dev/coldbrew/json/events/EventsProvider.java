package dev.coldbrew.json.events;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.nio.ByteBuffer;

/**
 * Hand-written readers and writers for the event types jackson-jr cannot map as beans. Joda-Time is matched by
 * name, so it is only loaded when an event class uses it.
 */
final class EventsProvider extends ReaderWriterProvider {
    private static final String JODA_DATE_TIME = "org.joda.time.DateTime";

    @Override
    public ValueReader findValueReader(JSONReader context, Class<?> type) {
        if (type == ByteBuffer.class) {
            return new ByteBufferReader();
        }
        if (type.getName().equals(JODA_DATE_TIME)) {
            return new JodaDateTimeReader();
        }
        if (S3EventNotification.class.isAssignableFrom(type)) {
            return new S3EventReader(type);
        }
        if (type == KinesisEvent.Record.class) {
            return new KinesisRecordReader();
        }
        if (type == StreamRecord.class) {
            return new DynamodbStreamReader();
        }
        return null;
    }

    @Override
    public ValueWriter findValueWriter(JSONWriter context, Class<?> type) {
        if (ByteBuffer.class.isAssignableFrom(type)) {
            return new ByteBufferWriter();
        }
        if (type.getName().equals(JODA_DATE_TIME)) {
            return new JodaDateTimeWriter();
        }
        if (S3EventNotification.class.isAssignableFrom(type)) {
            return new S3EventWriter();
        }
        if (type == KinesisEvent.Record.class) {
            return new KinesisRecordWriter();
        }
        if (type == StreamRecord.class) {
            return new DynamodbStreamWriter();
        }
        return null;
    }
}
