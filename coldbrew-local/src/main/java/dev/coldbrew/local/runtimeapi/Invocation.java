package dev.coldbrew.local.runtimeapi;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.server.NextEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One event handed to a runtime through {@code GET /next}, and the future its outcome completes.
 *
 * @param deadlineEpochMs sent as {@code Lambda-Runtime-Deadline-Ms}
 * @param clientContext decoded client context JSON or {@code null}
 * @param traceId X-Ray trace header or {@code null}
 * @param stream where a streamed response goes as the function writes it ({@code InvokeWithResponseStream}), or
 *     {@code null} to buffer it
 * @param tenantId sent as {@code Lambda-Runtime-Aws-Tenant-Id} (tenant isolation), or {@code null}
 */
public record Invocation(
        String requestId,
        byte[] payload,
        long deadlineEpochMs,
        String functionArn,
        String traceId,
        String clientContext,
        String cognitoIdentity,
        ResponseStream stream,
        CompletableFuture<Outcome> result,
        String tenantId) {

    /** An invocation without a tenant. */
    public Invocation(
            String requestId,
            byte[] payload,
            long deadlineEpochMs,
            String functionArn,
            String traceId,
            String clientContext,
            String cognitoIdentity,
            ResponseStream stream,
            CompletableFuture<Outcome> result) {
        this(
                requestId,
                payload,
                deadlineEpochMs,
                functionArn,
                traceId,
                clientContext,
                cognitoIdentity,
                stream,
                result,
                null);
    }

    /** This invocation for {@code tenant} (or none when null). */
    public Invocation withTenantId(String tenant) {
        return new Invocation(
                requestId,
                payload,
                deadlineEpochMs,
                functionArn,
                traceId,
                clientContext,
                cognitoIdentity,
                stream,
                result,
                tenant);
    }

    public static Invocation of(
            String requestId, byte[] payload, long deadlineEpochMs, String functionArn, String clientContext) {
        return of(requestId, payload, deadlineEpochMs, functionArn, clientContext, null);
    }

    /** As {@link #of(String, byte[], long, String, String)}, a streamed response going to {@code stream}. */
    public static Invocation of(
            String requestId,
            byte[] payload,
            long deadlineEpochMs,
            String functionArn,
            String clientContext,
            ResponseStream stream) {
        String trace = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + requestId.replace("-", "").substring(0, 24) + ";Parent=" + requestId.substring(0, 8)
                + "00000000;Sampled=0";
        return new Invocation(
                requestId,
                payload,
                deadlineEpochMs,
                functionArn,
                trace,
                clientContext,
                null,
                stream,
                new CompletableFuture<>());
    }

    /** The reply to the {@code GET /next} that hands this invocation out. */
    public NextEvent toNextEvent() {
        NextEvent event =
                NextEvent.of(requestId, deadlineEpochMs, functionArn, traceId, clientContext, cognitoIdentity, payload);
        if (tenantId == null) {
            return event;
        }
        Map<String, String> headers = new LinkedHashMap<>(event.headers());
        headers.put(RuntimeApi.HEADER_TENANT_ID, tenantId);
        return new NextEvent(event.status(), headers, event.body());
    }
}
