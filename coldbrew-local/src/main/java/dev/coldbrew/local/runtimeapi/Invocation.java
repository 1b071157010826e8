package dev.coldbrew.local.runtimeapi;

import dev.coldbrew.runtime.api.server.NextEvent;
import java.util.concurrent.CompletableFuture;

/**
 * One event handed to a runtime through {@code GET /next}, and the future its outcome completes.
 *
 * @param deadlineEpochMs sent as {@code Lambda-Runtime-Deadline-Ms}
 * @param clientContext decoded client context JSON or {@code null}
 * @param traceId X-Ray trace header or {@code null}
 */
public record Invocation(
        String requestId,
        byte[] payload,
        long deadlineEpochMs,
        String functionArn,
        String traceId,
        String clientContext,
        String cognitoIdentity,
        CompletableFuture<Outcome> result) {

    public static Invocation of(
            String requestId, byte[] payload, long deadlineEpochMs, String functionArn, String clientContext) {
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
                new CompletableFuture<>());
    }

    /** The reply to the {@code GET /next} that hands this invocation out. */
    public NextEvent toNextEvent() {
        return NextEvent.of(requestId, deadlineEpochMs, functionArn, traceId, clientContext, cognitoIdentity, payload);
    }
}
