package dev.coldbrew.runtime.testing;

import dev.coldbrew.runtime.api.RuntimeApi;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One reply the fake Runtime API gives to {@code GET /next}: normally an event with the headers Lambda sends,
 * but any status, header set and body can be built to test how a runtime copes with a broken Runtime API.
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param status the HTTP status (200 for an event)
 * @param headers the reply headers, in order
 * @param body the reply body
 */
public record Event(int status, Map<String, String> headers, byte[] body) {
    /** Deadline given to events by default: this long after they are created. */
    public static final long DEFAULT_TIMEOUT_MS = 30_000;
    /** The ARN events carry by default. */
    public static final String DEFAULT_FUNCTION_ARN =
            "arn:aws:lambda:us-east-1:123456789012:function:" + FakeRuntimeApi.FUNCTION_NAME;

    public Event {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** A 200 event with {@code body}, a fresh request id, a deadline 30 s ahead, the default ARN, JSON type. */
    public static Event of(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RuntimeApi.HEADER_REQUEST_ID, UUID.randomUUID().toString());
        headers.put(RuntimeApi.HEADER_DEADLINE_MS, Long.toString(System.currentTimeMillis() + DEFAULT_TIMEOUT_MS));
        headers.put(RuntimeApi.HEADER_FUNCTION_ARN, DEFAULT_FUNCTION_ARN);
        headers.put(RuntimeApi.HEADER_CONTENT_TYPE, RuntimeApi.CONTENT_TYPE_JSON);
        return new Event(RuntimeApi.HTTP_OK, headers, body);
    }

    /** As {@link #of(byte[])} with a UTF-8 body. */
    public static Event of(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A bare reply with {@code status} and {@code body} and no Lambda headers (e.g. a 500 from a broken API). */
    public static Event reply(int status, String body) {
        return new Event(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** This event with header {@code name} set to {@code value}. */
    public Event with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Event(status, copy, body);
    }

    /** This event without header {@code name}. */
    public Event without(String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        return new Event(status, copy, body);
    }

    /** The request id header, or null. */
    public String requestId() {
        return headers.get(RuntimeApi.HEADER_REQUEST_ID);
    }

    public Event withRequestId(String requestId) {
        return with(RuntimeApi.HEADER_REQUEST_ID, requestId);
    }

    public Event withDeadlineMs(long deadlineMs) {
        return with(RuntimeApi.HEADER_DEADLINE_MS, Long.toString(deadlineMs));
    }

    public Event withTraceId(String traceId) {
        return with(RuntimeApi.HEADER_TRACE_ID, traceId);
    }

    /** This event with a {@code Lambda-Runtime-Client-Context} header (JSON text). */
    public Event withClientContext(String json) {
        return with(RuntimeApi.HEADER_CLIENT_CONTEXT, json);
    }

    /** This event with a {@code Lambda-Runtime-Cognito-Identity} header (JSON text). */
    public Event withCognitoIdentity(String json) {
        return with(RuntimeApi.HEADER_COGNITO_IDENTITY, json);
    }

    /** This event with a {@code Lambda-Runtime-Aws-Tenant-Id} header. */
    public Event withTenantId(String tenantId) {
        return with(RuntimeApi.HEADER_TENANT_ID, tenantId);
    }
}
