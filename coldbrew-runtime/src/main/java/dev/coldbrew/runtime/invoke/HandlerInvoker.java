package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.invoke.ErrorRequests;
import dev.coldbrew.runtime.invoke.InvocationContext;
import dev.coldbrew.runtime.invoke.ResponseTooLargeException;
import dev.coldbrew.runtime.invoke.TraceProperty;
import dev.coldbrew.runtime.invoke.XRayErrorCause;
import dev.coldbrew.runtime.logging.LogWriter;

/**
 * Runs one invocation through a handler, independent of any transport: builds the {@link Context}, sets the
 * X-Ray trace property, calls the handler and turns its result into an {@link Outcome}. A handler exception
 * becomes a {@link Outcome.Failure} with {@code Runtime.UserException}; a response over
 * {@link RuntimeApi#MAX_RESPONSE_BYTES} becomes {@code Function.ResponseSizeTooLarge}; an
 * {@link OutOfMemoryError} becomes a fatal {@code Runtime.OutOfMemory}. {@link #invoke} never throws. A handler
 * error is also logged, as AWS's runtime does: one line {@code type: message}, at ERROR in JSON format.
 *
 * <p>The Runtime API loop ({@link LambdaRuntime}) and other transports (coldbrew-gorpc) drive handlers through
 * this class. Thread-safe: it holds no per-invocation state; the trace property is process-wide, as for AWS's runtime,
 * and left alone by {@link #forConcurrentUse()}.
 */
public final class Invoker {
    private static final byte[] EMPTY = new byte[0];
    /** The process's working directory, reported in the X-Ray error cause. */
    private static final String USER_DIR = "user.dir";

    private final FunctionConfig function;
    private final BytesHandler handler;
    private final String contentType;
    private final LogWriter log;
    private final boolean setsTraceProperty;
    private final Object hooksOwner;

    /** An invoker whose responses carry {@code contentType} (e.g. {@code application/json}). */
    public Invoker(FunctionConfig function, BytesHandler handler, String contentType) {
        this(function, handler, contentType, true, handler);
    }

    private Invoker(
            FunctionConfig function,
            BytesHandler handler,
            String contentType,
            boolean setsTraceProperty,
            Object owner) {
        this.hooksOwner = owner;
        this.function = function;
        this.handler = handler;
        this.contentType = contentType;
        this.log = LogWriter.stdout(function);
        this.setsTraceProperty = setsTraceProperty;
    }

    /**
     * The handler object whose {@link SnapStartHooks} the runtime calls, if it implements them: the handler as
     * registered, before any adapter wrapped it.
     */
    public Object handler() {
        return hooksOwner;
    }

    /** This invoker with {@code owner} as the object checked for {@link SnapStartHooks}. */
    public Invoker withHooksOf(Object owner) {
        return new Invoker(function, handler, contentType, setsTraceProperty, owner);
    }

    /**
     * This invoker for concurrent invocations (Lambda Managed Instances): it leaves the process-wide X-Ray system
     * property alone, since concurrent invocations would overwrite each other's; handlers read
     * {@link Context#traceId()} instead.
     */
    public Invoker forConcurrentUse() {
        return new Invoker(function, handler, contentType, false, hooksOwner);
    }

    /** An invoker for a bytes handler, whose responses are sent as {@code application/json} as AWS's runtime does. */
    public Invoker(FunctionConfig function, BytesHandler handler) {
        this(function, handler, RuntimeApi.CONTENT_TYPE_JSON);
    }

    /** Runs {@code invocation}; never throws. */
    public Outcome invoke(Invocation invocation) {
        InvocationContext context = new InvocationContext(function, invocation, log);
        if (setsTraceProperty) {
            TraceProperty.set(invocation.traceId());
        }
        byte[] payload;
        try {
            payload = handler.handle(invocation.payload(), context);
        } catch (ResponseTooLargeException e) {
            return tooLarge(e.bytes(), true);
        } catch (OutOfMemoryError e) {
            return new Outcome.Failure(ErrorRequests.from(e), RuntimeApi.FN_ERROR_OUT_OF_MEMORY, true);
        } catch (Exception | Error e) {
            return userError(context, e);
        }
        if (payload == null) {
            payload = EMPTY;
        }
        if (payload.length > RuntimeApi.MAX_RESPONSE_BYTES) {
            return tooLarge(payload.length, false);
        }
        return new Outcome.Success(payload, contentType);
    }

    private Outcome userError(InvocationContext context, Throwable e) {
        ErrorRequest error = ErrorRequests.from(e);
        String line = error.errorType() + ": " + error.errorMessage();
        if (function.logFormat() == LogFormat.JSON) {
            context.logger().log(LogLevel.ERROR, line);
        } else {
            context.logger().log(line);
        }
        return new Outcome.Failure(
                error, RuntimeApi.FN_ERROR_USER_EXCEPTION, false, XRayErrorCause.of(e, System.getProperty(USER_DIR)));
    }

    private static Outcome tooLarge(long bytes, boolean atLeast) {
        String message = "Response payload size (" + (atLeast ? "at least " : "") + bytes
                + " bytes) exceeded maximum allowed payload size (" + RuntimeApi.MAX_RESPONSE_BYTES + " bytes).";
        return new Outcome.Failure(
                new ErrorRequest(message, RuntimeApi.FN_ERROR_RESPONSE_TOO_LARGE),
                RuntimeApi.FN_ERROR_RESPONSE_TOO_LARGE,
                false);
    }
}
