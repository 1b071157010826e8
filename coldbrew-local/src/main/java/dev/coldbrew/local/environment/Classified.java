package dev.coldbrew.local.environment;

import static dev.coldbrew.local.environment.Invoker.errorBody;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_EXIT;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_OUT_OF_MEMORY;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_RESPONSE_TOO_LARGE;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_TIMEOUT;
import static dev.coldbrew.runtime.api.RuntimeApi.MAX_RESPONSE_BYTES;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.Report;
import dev.coldbrew.local.runtimeapi.Outcome;

/**
 * The caller's view of an invocation's outcome (timeouts, crashes and OOM kills as invoke-api-and-environment.md
 * §4.6 describes them), and whether the environment must be reset.
 */
record Classified(
        byte[] body,
        String functionError,
        String status,
        String errorType,
        boolean killEnvironment,
        String contentType) {
    Classified(byte[] body, String functionError, String status, String errorType, boolean killEnvironment) {
        this(body, functionError, status, errorType, killEnvironment, null);
    }

    static Classified of(Environment env, Outcome outcome, String id, FunctionConfig function) {
        if (outcome == null) {
            double seconds = function.timeout().toMillis() / 1000.0;
            // Managed Instances log in JSON only: there the platform.report's status "timeout" says it
            if (!function.managed()) {
                env.logLine(PlatformLines.timedOut(id, seconds));
            }
            byte[] body = errorBody(
                    FN_ERROR_TIMEOUT, "RequestId: " + id + " Error: " + PlatformLines.timeoutMessage(seconds));
            return new Classified(body, InvocationResult.UNHANDLED, Report.STATUS_TIMEOUT, null, true);
        }
        return switch (outcome.kind()) {
            // a streamed response read whole (a buffered Invoke) is held to the buffered limit, as Invoke's is
            case SUCCESS ->
                outcome.body().length > MAX_RESPONSE_BYTES
                        ? tooLarge()
                        : new Classified(outcome.body(), null, null, null, false, outcome.contentType());
            case FUNCTION_ERROR -> new Classified(outcome.body(), InvocationResult.UNHANDLED, null, null, false);
            case FUNCTION_ERROR_EXIT -> exitAfterError(env, outcome);
            case RESPONSE_TOO_LARGE -> tooLarge();
            case EXITED -> exited(env, id);
        };
    }

    private static Classified tooLarge() {
        return new Classified(
                errorBody(
                        FN_ERROR_RESPONSE_TOO_LARGE,
                        "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                                + " bytes)."),
                InvocationResult.UNHANDLED,
                null,
                null,
                false);
    }

    /** A go1.x error with {@code ShouldExit}: the caller sees the function's error; the environment is replaced. */
    private static Classified exitAfterError(Environment env, Outcome outcome) {
        env.logLine(FN_ERROR_EXIT);
        return new Classified(outcome.body(), InvocationResult.UNHANDLED, Report.STATUS_ERROR, FN_ERROR_EXIT, true);
    }

    private static Classified exited(Environment env, String id) {
        boolean oom = env.oomKilled();
        String message = PlatformLines.exited(id, env.exitDescription());
        env.logLine(message);
        env.logLine(FN_ERROR_EXIT);
        return new Classified(
                errorBody(FN_ERROR_EXIT, message),
                InvocationResult.UNHANDLED,
                Report.STATUS_ERROR,
                oom ? FN_ERROR_OUT_OF_MEMORY : FN_ERROR_EXIT,
                true);
    }
}
