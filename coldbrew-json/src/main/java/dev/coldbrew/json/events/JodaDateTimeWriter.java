package dev.coldbrew.json.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import org.joda.time.DateTime;

/** A Joda {@link DateTime} written as its ISO-8601 string, with milliseconds and offset. */
final class JodaDateTimeWriter implements ValueWriter {
    @Override
    public void writeValue(JSONWriter context, JsonGenerator generator, Object value) throws IOException {
        generator.writeString(value.toString());
    }

    @Override
    public Class<?> valueType() {
        return DateTime.class;
    }
}
