package dev.coldbrew.runtime.api;

import dev.coldbrew.runtime.api.json.JsonFields;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of {@code POST …/{id}/error}, {@code POST /runtime/init/error} and {@code POST /runtime/restore/error}
 * (OpenAPI schema {@code ErrorRequest}): {@code {"errorMessage": …, "errorType": …, "stackTrace": [strings]}}.
 */
public record ErrorRequest(String errorMessage, String errorType, List<String> stackTrace) {
    public ErrorRequest {
        stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
    }

    /** An error without a stack trace. */
    public ErrorRequest(String errorMessage, String errorType) {
        this(errorMessage, errorType, List.of());
    }

    /** The JSON form, UTF-8 encoded. */
    public byte[] toJson() {
        StringBuilder json = new StringBuilder(128 + 64 * stackTrace.size());
        JsonWriter.object(json)
                .field(RuntimeApi.FIELD_ERROR_MESSAGE, errorMessage)
                .field(RuntimeApi.FIELD_ERROR_TYPE, errorType)
                .field(RuntimeApi.FIELD_STACK_TRACE, stackTrace)
                .end();
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the JSON form leniently, as Lambda does: missing members are null, {@code stackTrace} may be an
     * array, a single string, or (as the Node runtime sends it) a member named {@code trace}.
     *
     * @throws dev.coldbrew.runtime.api.json.JsonException when the body is not a JSON object
     */
    public static ErrorRequest fromJson(byte[] json) {
        JsonFields fields = JsonFields.parse(new String(json, StandardCharsets.UTF_8), "ErrorRequest");
        String traceField = fields.has(RuntimeApi.FIELD_STACK_TRACE)
                ? RuntimeApi.FIELD_STACK_TRACE
                : RuntimeApi.FIELD_STACK_TRACE_NODE;
        return new ErrorRequest(
                fields.string(RuntimeApi.FIELD_ERROR_MESSAGE),
                fields.string(RuntimeApi.FIELD_ERROR_TYPE),
                fields.strings(traceField));
    }
}
