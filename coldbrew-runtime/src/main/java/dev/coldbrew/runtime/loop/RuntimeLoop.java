package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.api.RuntimeApiException;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Outcome;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The invoke loop over the Runtime API: {@code next → invoke → response | error}, until the Runtime API fails.
 * Responses are sent when the handler returns, or streamed as it writes them, as the {@link Config.ResponseMode}
 * says.
 *
 * <p>Failure classes: a handler exception is reported to {@code /error} and the loop continues (see
 * {@link HandlerInvoker}); one thrown after a streamed response's first byte ends the response with the error in
 * its trailers instead; a {@code /next} reply with an unusable deadline is reported to {@code /error} for its
 * request id as {@code Runtime.InvalidInvocation} and the loop continues; a 4xx reply to a {@code /response} or
 * {@code /error} POST concerns that invocation only and is written to stderr; a transport failure, a malformed
 * reply, a {@code /next} without request id or any HTTP 500 ends the loop with
 * {@link ExitStatus#RUNTIME_API_FAILED}, after a message on stderr.
 */
public final class RuntimeLoop {
    private final RuntimeApiClient client;
    private final HandlerInvoker invoker;
    private final boolean streamed;
    private final PrintStream err;

    /** A loop that sends each handler's response when it returns. */
    public RuntimeLoop(RuntimeApiClient client, HandlerInvoker invoker, PrintStream err) {
        this(client, invoker, Config.ResponseMode.BUFFERED, err);
    }

    /** A loop that sends responses as {@code mode} says. */
    public RuntimeLoop(RuntimeApiClient client, HandlerInvoker invoker, Config.ResponseMode mode, PrintStream err) {
        this.client = client;
        this.invoker = invoker;
        this.streamed = mode == Config.ResponseMode.STREAMED;
        this.err = err;
    }

    /** Runs until a fatal failure and returns why it stopped; never returns otherwise. */
    public ExitStatus run() {
        try {
            while (true) {
                Invocation invocation = next();
                if (invocation != null && !serve(invocation)) {
                    return ExitStatus.FATAL_HANDLER_ERROR;
                }
            }
        } catch (IOException e) {
            err.println("coldbrew-runtime: stopping: " + e.getMessage());
            return ExitStatus.RUNTIME_API_FAILED;
        } catch (RuntimeException e) {
            err.println("coldbrew-runtime: stopping: unexpected failure in the invoke loop: " + e);
            return ExitStatus.RUNTIME_API_FAILED;
        }
    }

    private Invocation next() throws IOException {
        try {
            return Invocation.from(client.next());
        } catch (RuntimeApiException e) {
            if (!e.isInvalidInvocation()) {
                throw e;
            }
            report(e.requestId(), Outcome.Failure.invalidInvocation(e.getMessage()));
            return null;
        }
    }

    /** Runs one invocation and sends its outcome; false when the process must exit after it. */
    private boolean serve(Invocation invocation) throws IOException {
        if (!streamed) {
            return report(invocation.requestId(), invoker.invoke(invocation));
        }
        LazyResponse out = new LazyResponse(client, invocation.requestId(), invoker.contentType());
        try {
            return finish(invocation.requestId(), out, out.handle(invoker, invocation));
        } catch (RuntimeApiException e) {
            return tolerated(e);
        }
    }

    /**
     * Ends a streamed response: a failure before its first byte is reported to {@code /error} as any other, one
     * after it goes into the response's trailers.
     */
    private boolean finish(String requestId, LazyResponse out, Outcome outcome) throws IOException {
        if (out.transportFailure() != null) {
            throw out.transportFailure();
        }
        if (!(outcome instanceof Outcome.Failure failure)) {
            out.finish(null, null);
            return true;
        }
        if (!out.started()) {
            return report(requestId, failure);
        }
        out.finish(failure.errorType(), failure.error());
        return !stopsAfter(requestId, failure);
    }

    /** Posts {@code outcome}; false when the process must exit after it. */
    private boolean report(String requestId, Outcome outcome) throws IOException {
        try {
            if (outcome instanceof Outcome.Success success) {
                client.postResponse(requestId, success.contentType(), success.payload());
            } else if (outcome instanceof Outcome.Failure failure) {
                client.postError(requestId, failure.errorType(), failure.error(), failure.xrayCause());
            }
        } catch (RuntimeApiException e) {
            tolerated(e);
        }
        return !(outcome instanceof Outcome.Failure failure && stopsAfter(requestId, failure));
    }

    /** True, after saying so on stderr, when {@code failure} is fatal. */
    private boolean stopsAfter(String requestId, Outcome.Failure failure) {
        if (failure.fatal()) {
            err.println("coldbrew-runtime: stopping after request " + requestId + ": " + failure.errorType() + ": "
                    + failure.error().errorMessage());
        }
        return failure.fatal();
    }

    /** A 4xx reply concerns one invocation only: written to stderr, the loop goes on. Anything else is fatal. */
    private boolean tolerated(RuntimeApiException e) throws RuntimeApiException {
        if (e.status() < RuntimeApi.HTTP_BAD_REQUEST || e.status() >= RuntimeApi.HTTP_INTERNAL_ERROR) {
            throw e;
        }
        err.println("coldbrew-runtime: " + e.getMessage() + "; continuing with the next invocation");
        return true;
    }
}
