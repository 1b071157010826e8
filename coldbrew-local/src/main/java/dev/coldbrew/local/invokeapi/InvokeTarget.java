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

    /** A RequestResponse invoke, with the base64 client context or {@code null}. */
    InvocationResult invoke(String functionName, byte[] payload, String clientContext);

    /**
     * A RequestResponse invoke whose streamed response goes to {@code stream} as the function writes it
     * ({@code InvokeWithResponseStream}); the result then holds no payload for a streamed response, only the
     * error, log and report.
     */
    InvocationResult invokeStreaming(String functionName, byte[] payload, String clientContext, ResponseStream stream);

    /** An Event invoke: queued, run when an environment is free. */
    void invokeAsync(String functionName, byte[] payload);
}
