package dev.coldbrew.runtime.api;

import dev.coldbrew.runtime.api.json.JsonFields;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;

/** The body of every 202 reply (OpenAPI schema {@code StatusResponse}): {@code {"status":"OK"}}. */
public record StatusResponse(String status) {
    /** {@code {"status":"OK"}}. */
    public static final StatusResponse OK = new StatusResponse(RuntimeApi.STATUS_OK);

    /** The JSON form, UTF-8 encoded. */
    public byte[] toJson() {
        StringBuilder json = new StringBuilder(24);
        JsonWriter.object(json).field(RuntimeApi.FIELD_STATUS, status).end();
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the JSON form; an empty body (which some emulators send) reads as a null status. */
    public static StatusResponse fromJson(byte[] json) {
        if (json.length == 0) {
            return new StatusResponse(null);
        }
        JsonFields fields = JsonFields.parse(new String(json, StandardCharsets.UTF_8), "StatusResponse");
        return new StatusResponse(fields.string(RuntimeApi.FIELD_STATUS));
    }
}
