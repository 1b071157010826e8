package dev.coldbrew.local.invokeapi;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.runtimeapi.ResponseStream;
import java.util.List;
import java.util.Optional;

/**
 * What the Invoke API serves: registered functions in one Region, invoked synchronously or as events. The local
 * Lambda implements it, so this package never reaches back into the local Lambda.
 */
public interface InvokeTarget {
    /** The Region of the functions' ARNs. */
    String region();

    /** The registered functions, by name. */
    List<FunctionConfig> functions();

    /** The registered function for a name, a {@code name:qualifier}, or a full or partial ARN. */
    Optional<FunctionConfig> function(String nameOrArn);

    /** A RequestResponse invoke, with the decoded client context or {@code null}. */
    default InvocationResult invoke(String functionName, byte[] payload, String clientContext) {
        return invoke(functionName, payload, clientContext, null);
    }

    /**
     * A RequestResponse invoke for a tenant ({@code X-Amz-Tenant-Id}; {@code null} for a function without tenant
     * isolation).
     */
    InvocationResult invoke(String functionName, byte[] payload, String clientContext, String tenantId);

    /**
     * A RequestResponse invoke whose streamed response goes to {@code stream} as the function writes it
     * ({@code InvokeWithResponseStream}); the result then holds no payload for a streamed response, only the
     * error, log and report.
     */
    default InvocationResult invokeStreaming(
            String functionName, byte[] payload, String clientContext, ResponseStream stream) {
        return invokeStreaming(functionName, payload, clientContext, null, stream);
    }

    /** As {@link #invokeStreaming(String, byte[], String, ResponseStream)} for a tenant (or {@code null}). */
    InvocationResult invokeStreaming(
            String functionName, byte[] payload, String clientContext, String tenantId, ResponseStream stream);

    /** An Event invoke: queued, run when an environment is free. */
    default void invokeAsync(String functionName, byte[] payload) {
        invokeAsync(functionName, payload, null);
    }

    /** An Event invoke for a tenant (or {@code null}). */
    void invokeAsync(String functionName, byte[] payload, String tenantId);
}
