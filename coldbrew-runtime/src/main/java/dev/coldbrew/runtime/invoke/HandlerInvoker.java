package dev.coldbrew.runtime.invoke;

import dev.coldbrew.runtime.BytesHandler;
import dev.coldbrew.runtime.Context;
import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.LogFormat;
import dev.coldbrew.runtime.LogLevel;
import dev.coldbrew.runtime.ResponseTooLargeException;
import dev.coldbrew.runtime.SnapStartHooks;
import dev.coldbrew.runtime.StreamHandler;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.logging.LogWriter;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Invoker;
import dev.coldbrew.runtime.spi.Outcome;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;

/**
 * Runs one invocation through a handler, independent of any transport: builds the {@link Context}, sets the
 * X-Ray trace property, calls the handler and turns its result into an {@link Outcome}, the response sent when the
 * handler returns ({@link #invoke}) or streamed as it writes it ({@link #stream}). The one classification of
 * failures: a handler exception becomes a {@link Outcome.Failure} with {@code Runtime.UserException}; a response
 * over the limit becomes {@code Function.ResponseSizeTooLarge}; an {@link OutOfMemoryError} becomes a fatal
 * {@code Runtime.OutOfMemory}. Neither method throws. A handler error is also logged, as AWS's runtime does: one
 * line {@code type: message}, at ERROR in JSON format.
 *
 * <p>The Runtime API loop and other transports (through {@link Invoker}) drive handlers through this class.
 * Thread-safe: it holds no per-invocation state; the trace property is process-wide, as for AWS's runtime, and left
 * alone by {@link #forConcurrentUse()}.
 */
public final class HandlerInvoker implements Invoker {
    private static final byte[] EMPTY = new byte[0];
    /** The process's working directory, reported in the X-Ray error cause. */
    private static final String USER_DIR = "user.dir";

    private final FunctionConfig function;
    private final BytesHandler handler;
    /** The handler {@link #stream} runs: null for a bytes handler, which is only ever buffered. */
    private final StreamHandler streamed;

    private final String contentType;
    private final Outcome.Success streamedSuccess;
    private final LogWriter log;
    private final boolean setsTraceProperty;
    private final Object hooksOwner;

    /** An invoker whose responses carry {@code contentType} (e.g. {@code application/json}). */
    public HandlerInvoker(FunctionConfig function, BytesHandler handler, String contentType) {
        this(function, handler, null, contentType, true, handler);
    }

    /** An invoker for a bytes handler, whose responses are sent as {@code application/json} as AWS's runtime does. */
    public HandlerInvoker(FunctionConfig function, BytesHandler handler) {
        this(function, handler, RuntimeApi.CONTENT_TYPE_JSON);
    }

    /**
     * An invoker for a stream handler, whose responses carry {@code contentType}: buffered by {@link #invoke},
     * written through by {@link #stream}.
     */
    public HandlerInvoker(FunctionConfig function, StreamHandler handler, String contentType) {
        this(function, BytesHandler.of(handler), handler, contentType, true, handler);
    }

    private HandlerInvoker(
            FunctionConfig function,
            BytesHandler handler,
            StreamHandler streamed,
            String contentType,
            boolean setsTraceProperty,
            Object owner) {
        this.hooksOwner = owner;
        this.function = function;
        this.handler = handler;
        this.streamed = streamed;
        this.contentType = contentType;
        this.streamedSuccess = new Outcome.Success(EMPTY, contentType);
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

    /** The content type of responses. */
    public String contentType() {
        return contentType;
    }

    /** This invoker with {@code owner} as the object checked for {@link SnapStartHooks}. */
    public HandlerInvoker withHooksOf(Object owner) {
        return new HandlerInvoker(function, handler, streamed, contentType, setsTraceProperty, owner);
    }

    /**
     * This invoker for concurrent invocations (Lambda Managed Instances): it leaves the process-wide X-Ray system
     * property alone, since concurrent invocations would overwrite each other's; handlers read
     * {@link Context#traceId()} instead.
     */
    public HandlerInvoker forConcurrentUse() {
        return new HandlerInvoker(function, handler, streamed, contentType, false, hooksOwner);
    }

    /** Runs {@code invocation}, its response returned in the {@link Outcome.Success}; never throws. */
    @Override
    public Outcome invoke(Invocation invocation) {
        return invoke(invocation, false);
    }

    /**
     * Runs {@code invocation} as a priming event during Init: as {@link #invoke}, with a {@link Context} whose
     * {@link Context#priming()} is true.
     */
    public Outcome prime(Invocation invocation) {
        return invoke(invocation, true);
    }

    private Outcome invoke(Invocation invocation, boolean priming) {
        InvocationContext context = start(invocation, priming);
        byte[] payload;
        try {
            payload = handler.handle(invocation.payload(), context);
        } catch (Exception | Error e) {
            return failed(context, e);
        }
        if (payload == null) {
            payload = EMPTY;
        }
        if (payload.length > RuntimeApi.MAX_RESPONSE_BYTES) {
            return tooLarge(payload.length, RuntimeApi.MAX_RESPONSE_BYTES, false);
        }
        return new Outcome.Success(payload, contentType);
    }

    /**
     * Runs {@code invocation} with the stream handler writing its response to {@code out}; never throws for what
     * the handler does. A success carries no payload (it has been written); a failure may have happened before or
     * after the first byte. Only for an invoker made from a {@link StreamHandler}.
     */
    public Outcome stream(Invocation invocation, OutputStream out) {
        if (streamed == null) {
            throw new IllegalStateException("stream " + invocation.requestId()
                    + " failed: this invoker runs a bytes handler, whose responses are buffered");
        }
        InvocationContext context = start(invocation, false);
        try {
            streamed.handle(new ByteArrayInputStream(invocation.payload()), out, context);
        } catch (Exception | Error e) {
            return failed(context, e);
        }
        return streamedSuccess;
    }

    private InvocationContext start(Invocation invocation, boolean priming) {
        InvocationContext context = new InvocationContext(function, invocation, log, priming);
        if (setsTraceProperty) {
            TraceProperty.set(invocation.traceId());
        }
        return context;
    }

    /** The one classification of what a handler threw. */
    private Outcome.Failure failed(InvocationContext context, Throwable e) {
        if (e instanceof ResponseTooLargeException tooLarge) {
            return tooLarge(tooLarge.bytes(), tooLarge.limit(), true);
        }
        if (e instanceof OutOfMemoryError) {
            return new Outcome.Failure(ErrorRequests.from(e), RuntimeApi.FN_ERROR_OUT_OF_MEMORY, true);
        }
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

    private static Outcome.Failure tooLarge(long bytes, long limit, boolean atLeast) {
        String message = "Response payload size (" + (atLeast ? "at least " : "") + bytes
                + " bytes) exceeded maximum allowed payload size (" + limit + " bytes).";
        return new Outcome.Failure(
                new ErrorRequest(message, RuntimeApi.FN_ERROR_RESPONSE_TOO_LARGE),
                RuntimeApi.FN_ERROR_RESPONSE_TOO_LARGE,
                false);
    }
}
