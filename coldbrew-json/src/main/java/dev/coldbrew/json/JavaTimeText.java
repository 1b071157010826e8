package dev.coldbrew.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * {@code java.time} values as their ISO-8601 text ({@code toString()} and {@code parse}), which jackson-jr would
 * otherwise treat as beans. A string that does not parse fails naming it.
 */
final class JavaTimeText extends JacksonJrExtension {
    private static final Set<Class<?>> TYPES = Set.of(
            Instant.class,
            LocalDate.class,
            LocalDateTime.class,
            LocalTime.class,
            OffsetDateTime.class,
            ZonedDateTime.class,
            Duration.class);

    /** {@code type.parse(text)}; written out rather than as method references, which cost start-up time. */
    private static Object parse(Class<?> type, String text) {
        if (type == Instant.class) {
            return Instant.parse(text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        }
        if (type == LocalTime.class) {
            return LocalTime.parse(text);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.parse(text);
        }
        return Duration.parse(text);
    }

    @Override
    protected void register(ExtensionContext context) {
        context.insertProvider(new ReaderWriterProvider() {
            @Override
            public ValueReader findValueReader(JSONReader reader, Class<?> type) {
                return TYPES.contains(type) ? new IsoReader(type) : null;
            }

            @Override
            public ValueWriter findValueWriter(JSONWriter writer, Class<?> type) {
                return TYPES.contains(type) ? new IsoWriter(type) : null;
            }
        });
    }

    private static final class IsoReader extends ValueReader {
        IsoReader(Class<?> type) {
            super(type);
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new JSONObjectException("expected ISO-8601 text for " + _valueType.getName() + ", got "
                        + _tokenDesc(parser) + " at " + parser.currentLocation().offsetDescription());
            }
            String text = parser.getText();
            try {
                return parse(_valueType, text);
            } catch (DateTimeParseException e) {
                throw new JSONObjectException(
                        "'" + text + "' is not ISO-8601 text for " + _valueType.getName() + " (" + e.getMessage() + ")",
                        e);
            }
        }
    }

    private record IsoWriter(Class<?> valueType) implements ValueWriter {
        @Override
        public void writeValue(JSONWriter context, JsonGenerator generator, Object value) throws IOException {
            generator.writeString(value.toString());
        }
    }
}
