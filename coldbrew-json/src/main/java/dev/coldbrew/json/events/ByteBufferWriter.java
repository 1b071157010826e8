package dev.coldbrew.json.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A {@link ByteBuffer}'s remaining bytes written as a base64 string, leaving the buffer's position alone. */
final class ByteBufferWriter implements ValueWriter {
    @Override
    public void writeValue(JSONWriter context, JsonGenerator generator, Object value) throws IOException {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        generator.writeBinary(bytes);
    }

    @Override
    public Class<?> valueType() {
        return ByteBuffer.class;
    }
}
