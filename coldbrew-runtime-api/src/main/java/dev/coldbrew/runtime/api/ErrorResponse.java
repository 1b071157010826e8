package dev.coldbrew.runtime.api;

import dev.coldbrew.runtime.api.json.JsonFields;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;

/**
 * The body of a Runtime API error reply (4xx/5xx, OpenAPI schema {@code ErrorResponse}):
 * {@code {"errorMessage": …, "errorType": …}}, e.g. {@code InvalidStateTransition} with 403.
 */
public record ErrorResponse(String errorMessage, String errorType) {

    /** The JSON form, UTF-8 encoded. */
    public byte[] toJson() {
        StringBuilder json = new StringBuilder(96);
        JsonWriter.object(json)
                .field(RuntimeApi.FIELD_ERROR_MESSAGE, errorMessage)
                .field(RuntimeApi.FIELD_ERROR_TYPE, errorType)
                .end();
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON form as text. */
    public String toJsonString() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }

    /** Reads the JSON form; missing members are null. */
    public static ErrorResponse fromJson(byte[] json) {
        JsonFields fields = JsonFields.parse(new String(json, StandardCharsets.UTF_8), "ErrorResponse");
        return new ErrorResponse(
                fields.string(RuntimeApi.FIELD_ERROR_MESSAGE), fields.string(RuntimeApi.FIELD_ERROR_TYPE));
    }
}
