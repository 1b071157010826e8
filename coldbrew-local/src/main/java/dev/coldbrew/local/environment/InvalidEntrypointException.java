package dev.coldbrew.local.environment;

import dev.coldbrew.runtime.api.RuntimeApi;

/**
 * The runtime's entry point cannot be run (provided: no executable {@code bootstrap}; go1.x: the handler names no
 * executable): the invocation fails with {@link RuntimeApi#FN_ERROR_INVALID_ENTRYPOINT}.
 */
public final class InvalidEntrypointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidEntrypointException(String message) {
        super(message);
    }

    /** The error type the caller sees, {@code Runtime.InvalidEntrypoint}. */
    public String errorType() {
        return RuntimeApi.FN_ERROR_INVALID_ENTRYPOINT;
    }
}
