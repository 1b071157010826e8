package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.Invocation;
import dev.coldbrew.runtime.Outcome;
import dev.coldbrew.runtime.StreamHandler;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.invoke.ErrorRequests;
import dev.coldbrew.runtime.invoke.InvocationContext;
import dev.coldbrew.runtime.invoke.ResponseTooLargeException;
import dev.coldbrew.runtime.invoke.TraceProperty;
import dev.coldbrew.runtime.invoke.XRayErrorCause;
import dev.coldbrew.runtime.logging.LogWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Runs a {@link StreamHandler} with its output streamed to the caller as it is written (Runtime API response
 * streaming). A handler that fails before its first byte is reported through {@code /error} like any handler; one
 * that fails after it ends the response with the error in the trailers
 * ({@code Lambda-Runtime-Function-Error-Type/-Body}), as the Runtime API's streaming contract asks.
 */
final class StreamingInvoker {
    /** What a streamed invocation leaves for the loop to do. */
    record Result(Outcome.Failure toReport, boolean fatal) {
        static final Result DONE = new Result(null, false);
    }

    private final FunctionConfig function;
    private final StreamHandler handler;
    private final String contentType;
    private final LogWriter log;

    StreamingInvoker(FunctionConfig function, StreamHandler handler, String contentType) {
        this.function = function;
        this.handler = handler;
        this.contentType = contentType;
        this.log = LogWriter.stdout(function);
    }

    /** Runs {@code invocation}; throws only when the Runtime API connection failed. */
    Result stream(Invocation invocation, RuntimeApiClient client) throws IOException {
        InvocationContext context = new InvocationContext(function, invocation, log);
        TraceProperty.set(invocation.traceId());
        LazyResponse out = new LazyResponse(client, invocation.requestId(), contentType);
        Throwable failure = null;
        try {
            handler.handle(new ByteArrayInputStream(invocation.payload()), out, context);
        } catch (Exception | Error e) {
            failure = e;
        }
        if (out.transportFailure() != null) {
            throw out.transportFailure();
        }
        if (failure == null) {
            out.finish(null, null);
            return Result.DONE;
        }
        String errorType = errorType(failure);
        ErrorRequest error = ErrorRequests.from(failure);
        boolean fatal = failure instanceof OutOfMemoryError;
        if (!out.started()) {
            String cause = XRayErrorCause.of(failure, System.getProperty("user.dir"));
            return new Result(new Outcome.Failure(error, errorType, fatal, cause), fatal);
        }
        out.finish(errorType, error);
        return new Result(null, fatal);
    }

    private static String errorType(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return RuntimeApi.FN_ERROR_OUT_OF_MEMORY;
        }
        return failure instanceof ResponseTooLargeException
                ? RuntimeApi.FN_ERROR_RESPONSE_TOO_LARGE
                : RuntimeApi.FN_ERROR_USER_EXCEPTION;
    }
}
