package dev.coldbrew.local.invokeapi;

import dev.coldbrew.runtime.api.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * AWS's event-stream framing ({@code application/vnd.amazon.eventstream}, invoke-api-and-environment.md §2) for the
 * two events of {@code InvokeWithResponseStream}: {@code PayloadChunk} and {@code InvokeComplete}. A frame is the
 * prelude (total length, headers length, CRC-32 of those 8 bytes), the headers (name length, name, type 7 = string,
 * value length, value), the payload and the CRC-32 of everything before it; integers big-endian.
 */
public final class EventStreamFrames {
    private EventStreamFrames() {}

    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    public static final String PAYLOAD_CHUNK = "PayloadChunk";
    public static final String INVOKE_COMPLETE = "InvokeComplete";

    private static final byte STRING = 7;
    private static final int PRELUDE_BYTES = 12;
    private static final int CRC_BYTES = 4;

    /** A {@code PayloadChunk} event carrying {@code length} bytes of {@code bytes} from {@code offset}. */
    public static byte[] payloadChunk(byte[] bytes, int offset, int length) {
        return frame(PAYLOAD_CHUNK, "application/octet-stream", bytes, offset, length);
    }

    /**
     * The {@code InvokeComplete} event that ends every stream: {@code errorCode} and {@code errorDetails} when the
     * invocation failed, {@code logResult} (base64 log tail) when asked for; null members are left out.
     */
    public static byte[] invokeComplete(String errorCode, String errorDetails, String logResult) {
        JsonWriter json = JsonWriter.create().beginObject();
        if (errorCode != null) {
            json.field("ErrorCode", errorCode);
        }
        if (errorDetails != null) {
            json.field("ErrorDetails", errorDetails);
        }
        if (logResult != null) {
            json.field("LogResult", logResult);
        }
        byte[] payload = json.endObject().toString().getBytes(StandardCharsets.UTF_8);
        return frame(INVOKE_COMPLETE, "application/json", payload, 0, payload.length);
    }

    private static byte[] frame(String eventType, String contentType, byte[] payload, int offset, int length) {
        byte[] headers = headers(":event-type", eventType, ":content-type", contentType, ":message-type", "event");
        int total = PRELUDE_BYTES + headers.length + length + CRC_BYTES;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headers.length).putInt(crc(frame.array(), 0, 8));
        frame.put(headers).put(payload, offset, length);
        frame.putInt(crc(frame.array(), 0, total - CRC_BYTES));
        return frame.array();
    }

    /** String headers from name, value pairs. */
    private static byte[] headers(String... namesAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            byte[] name = namesAndValues[i].getBytes(StandardCharsets.UTF_8);
            byte[] value = namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8);
            out.write(name.length);
            out.writeBytes(name);
            out.write(STRING);
            out.write(value.length >>> 8);
            out.write(value.length & 0xff);
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
