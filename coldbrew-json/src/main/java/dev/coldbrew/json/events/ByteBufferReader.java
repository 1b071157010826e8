package dev.coldbrew.json.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/** A base64 string (SQS and Kinesis binary values) read into a {@link ByteBuffer}. */
final class ByteBufferReader extends ValueReader {
    ByteBufferReader() {
        super(ByteBuffer.class);
    }

    @Override
    public Object read(JSONReader reader, JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new JSONObjectException("reading a binary value failed: expected a base64 string, got "
                    + _tokenDesc(parser) + " at " + parser.currentLocation());
        }
        String text = parser.getText();
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new JSONObjectException(
                    "reading a binary value failed: '" + text + "' is not base64 (" + e.getMessage() + ")", e);
        }
    }
}
