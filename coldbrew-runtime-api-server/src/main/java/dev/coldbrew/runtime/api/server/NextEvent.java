package dev.coldbrew.runtime.api.server;

import dev.coldbrew.runtime.api.RuntimeApi;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply to one {@code GET /next}: normally 200 with an event and Lambda's headers (runtime-api.md §3), but a
 * fake may send any status, headers and body to test how a runtime copes with a broken Runtime API.
 *
 * @param headers reply headers in order; the request id, when there is one, becomes answerable once sent
 */
public record NextEvent(int status, Map<String, String> headers, byte[] body) {
    public NextEvent {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The request id a runtime may answer after this reply: the id header of a 200, else null. */
    public String requestId() {
        return status == RuntimeApi.HTTP_OK ? headers.get(RuntimeApi.HEADER_REQUEST_ID) : null;
    }

    /**
     * A 200 event with Lambda's headers, each set only when it has a value as the emulator does; content type
     * {@code application/json}.
     */
    public static NextEvent of(
            String requestId,
            long deadlineEpochMs,
            String functionArn,
            String traceId,
            String clientContext,
            String cognitoIdentity,
            byte[] payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RuntimeApi.HEADER_REQUEST_ID, requestId);
        headers.put(RuntimeApi.HEADER_DEADLINE_MS, Long.toString(deadlineEpochMs));
        putIfPresent(headers, RuntimeApi.HEADER_FUNCTION_ARN, functionArn);
        putIfPresent(headers, RuntimeApi.HEADER_TRACE_ID, traceId);
        putIfPresent(headers, RuntimeApi.HEADER_CLIENT_CONTEXT, clientContext);
        putIfPresent(headers, RuntimeApi.HEADER_COGNITO_IDENTITY, cognitoIdentity);
        headers.put(RuntimeApi.HEADER_CONTENT_TYPE, RuntimeApi.CONTENT_TYPE_JSON);
        return new NextEvent(RuntimeApi.HTTP_OK, headers, payload);
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
