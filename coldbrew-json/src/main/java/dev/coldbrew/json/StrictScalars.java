package dev.coldbrew.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Strings, numbers and booleans read strictly: jackson-jr on its own turns {@code "x"} into the integer 0 and an
 * object into a {@code null} string. Here a string takes any JSON scalar, a number takes a number or a numeric
 * string (whole numbers only, in range, for integer types), a boolean takes {@code true}/{@code false} or those
 * strings; anything else fails naming the value. JSON {@code null} gives {@code null}, or 0/false for primitives.
 */
final class StrictScalars extends JacksonJrExtension {
    private enum Kind {
        TEXT,
        BOOLEAN,
        INTEGER,
        DECIMAL
    }

    private static final Map<Class<?>, Kind> KINDS = Map.ofEntries(
            Map.entry(String.class, Kind.TEXT),
            Map.entry(Boolean.class, Kind.BOOLEAN),
            Map.entry(boolean.class, Kind.BOOLEAN),
            Map.entry(Integer.class, Kind.INTEGER),
            Map.entry(int.class, Kind.INTEGER),
            Map.entry(Long.class, Kind.INTEGER),
            Map.entry(long.class, Kind.INTEGER),
            Map.entry(Short.class, Kind.INTEGER),
            Map.entry(short.class, Kind.INTEGER),
            Map.entry(Byte.class, Kind.INTEGER),
            Map.entry(byte.class, Kind.INTEGER),
            Map.entry(BigInteger.class, Kind.INTEGER),
            Map.entry(Double.class, Kind.DECIMAL),
            Map.entry(double.class, Kind.DECIMAL),
            Map.entry(Float.class, Kind.DECIMAL),
            Map.entry(float.class, Kind.DECIMAL),
            Map.entry(BigDecimal.class, Kind.DECIMAL));

    @Override
    protected void register(ExtensionContext context) {
        context.insertProvider(new ReaderWriterProvider() {
            @Override
            public ValueReader findValueReader(JSONReader reader, Class<?> type) {
                Kind kind = KINDS.get(type);
                return kind == null ? null : new ScalarReader(type, kind);
            }
        });
    }

    private static final class ScalarReader extends ValueReader {
        private final Kind kind;

        ScalarReader(Class<?> type, Kind kind) {
            super(type);
            this.kind = kind;
        }

        @Override
        public Object read(JSONReader reader, JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return _valueType.isPrimitive() ? primitiveDefault() : null;
            }
            if (token == null || !token.isScalarValue()) {
                throw mismatch(parser, null);
            }
            return switch (kind) {
                case TEXT -> parser.getText();
                case BOOLEAN -> bool(parser, token);
                case INTEGER -> integer(parser, decimal(parser, token));
                case DECIMAL -> fraction(decimal(parser, token));
            };
        }

        private Object bool(JsonParser parser, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            String text = parser.getText();
            if (token == JsonToken.VALUE_STRING && (text.equals("true") || text.equals("false"))) {
                return Boolean.valueOf(text);
            }
            throw mismatch(parser, null);
        }

        private BigDecimal decimal(JsonParser parser, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getDecimalValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                try {
                    return new BigDecimal(parser.getText().trim());
                } catch (NumberFormatException e) {
                    throw mismatch(parser, e);
                }
            }
            throw mismatch(parser, null);
        }

        private Object integer(JsonParser parser, BigDecimal value) throws IOException {
            try {
                BigInteger whole = value.toBigIntegerExact();
                Class<?> type = _valueType;
                if (type == Integer.class || type == int.class) {
                    return whole.intValueExact();
                }
                if (type == Long.class || type == long.class) {
                    return whole.longValueExact();
                }
                if (type == Short.class || type == short.class) {
                    return whole.shortValueExact();
                }
                if (type == Byte.class || type == byte.class) {
                    return whole.byteValueExact();
                }
                return whole;
            } catch (ArithmeticException e) {
                throw mismatch(parser, e);
            }
        }

        private Object fraction(BigDecimal value) {
            Class<?> type = _valueType;
            if (type == Double.class || type == double.class) {
                return value.doubleValue();
            }
            if (type == Float.class || type == float.class) {
                return value.floatValue();
            }
            return value;
        }

        private Object primitiveDefault() {
            return switch (kind) {
                case BOOLEAN -> false;
                case INTEGER -> integerZero();
                case DECIMAL -> _valueType == float.class ? (Object) 0f : (Object) 0d;
                case TEXT -> null;
            };
        }

        private Object integerZero() {
            Class<?> type = _valueType;
            if (type == long.class) {
                return 0L;
            }
            if (type == short.class) {
                return (short) 0;
            }
            return type == byte.class ? (Object) (byte) 0 : (Object) 0;
        }

        private JSONObjectException mismatch(JsonParser parser, Exception cause) throws IOException {
            String seen =
                    parser.currentToken() == null || !parser.currentToken().isScalarValue()
                            ? _tokenDesc(parser)
                            : _tokenDesc(parser) + " '" + parser.getText() + "'";
            JSONObjectException failure =
                    new JSONObjectException("expected " + expected() + " for " + _valueType.getName() + ", got " + seen
                            + " at " + parser.currentLocation().offsetDescription());
            if (cause != null) {
                failure.initCause(cause);
            }
            return failure;
        }

        private String expected() {
            return switch (kind) {
                case TEXT -> "a string or other scalar";
                case BOOLEAN -> "true or false";
                case INTEGER -> "a whole number in range";
                case DECIMAL -> "a number";
            };
        }
    }
}
