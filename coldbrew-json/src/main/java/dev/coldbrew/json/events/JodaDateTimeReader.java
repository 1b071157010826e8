package dev.coldbrew.json.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * A Joda {@link DateTime} (SNS {@code Timestamp}, EventBridge {@code time}) from an ISO-8601 string, keeping its
 * offset, or from epoch milliseconds (UTC).
 */
final class JodaDateTimeReader extends ValueReader {
    JodaDateTimeReader() {
        super(DateTime.class);
    }

    @Override
    public Object read(JSONReader reader, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return new DateTime(parser.getLongValue(), DateTimeZone.UTC);
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new JSONObjectException("reading a date-time failed: expected an ISO-8601 string or epoch"
                    + " milliseconds, got " + _tokenDesc(parser) + " at " + parser.currentLocation());
        }
        String text = parser.getText();
        try {
            return DateTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new JSONObjectException(
                    "reading a date-time failed: '" + text + "' is not ISO-8601 (" + e.getMessage() + ")", e);
        }
    }
}
