package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ConfigException;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.Priming;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.invoke.ErrorRequests;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.spi.Outcome;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Init, then serving: reads the {@link Config} (which decides the transport and the response mode), finds the
 * go1.x transport when {@code _LAMBDA_SERVER_PORT} asks for it ({@link TransportBootstrap}), creates the handler,
 * primes it when asked ({@link Priming}: from the code or the environment), and serves: on the Runtime API, the SnapStart phase ({@link SnapStart}) when
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, then {@link RuntimeLoop} ({@code AWS_LAMBDA_MAX_CONCURRENCY}
 * of them when set); on go1.x, the transport.
 *
 * <p>Failure classes: an init failure (malformed environment, no go1.x transport, {@link InitException}, or any
 * exception from the handler's creation) is written to stderr, reported to {@code POST /runtime/init/error} when
 * the Runtime API address is known (go1.x has no such endpoint; the caller sees the process exit), and ends with
 * {@link ExitStatus#INIT_FAILED}. A handler failure while priming is written to stderr and Init goes on, unless
 * the priming says {@link Priming#failOnError()} or the failure is fatal (out of memory): then it is an init
 * failure with the handler's error.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** As {@link #run(Map, Config.ResponseMode, HandlerInit, PrintStream)} with buffered responses. */
    public static ExitStatus run(Map<String, String> env, HandlerInit init, PrintStream err) {
        return run(env, Config.ResponseMode.BUFFERED, init, err);
    }

    /** As {@link #run(Map, Config.ResponseMode, HandlerInit, Priming, PrintStream)} without priming in the code. */
    public static ExitStatus run(Map<String, String> env, Config.ResponseMode mode, HandlerInit init, PrintStream err) {
        return run(env, mode, init, null, err);
    }

    /**
     * Runs until a fatal failure and returns why it stopped; primes the handler with {@code priming} (null: none)
     * unless the environment says otherwise.
     */
    public static ExitStatus run(
            Map<String, String> env, Config.ResponseMode mode, HandlerInit init, Priming priming, PrintStream err) {
        Config config;
        TransportProvider go1x;
        try {
            config = Config.from(env, mode);
            go1x = config.protocol() == Config.Protocol.GO1X ? TransportBootstrap.provider(config) : null;
            priming = primingAsked(env, priming) ? PrimingEnvironment.read(env, priming) : null;
        } catch (ConfigException e) {
            return initFailed(Config.initErrorTarget(env), RuntimeApi.FN_ERROR_INVALID_CONFIG, e, err);
        }
        HandlerInvoker invoker;
        try {
            invoker = init.create(config);
        } catch (InitException e) {
            return initFailed(config.runtimeApi(), e.errorType(), e, err);
        } catch (RuntimeException | LinkageError e) {
            return initFailed(config.runtimeApi(), RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, e, err);
        }
        if (priming != null) {
            ExitStatus primed = prime(config, priming, invoker, err);
            if (primed != null) {
                return primed;
            }
        }
        if (go1x != null) {
            return TransportBootstrap.serve(go1x, config.serverPort(), invoker, err);
        }
        return serve(config, invoker, err);
    }

    /** Whether the code or {@link Priming#ENV_EVENTS} asks for priming, checked without loading priming classes. */
    private static boolean primingAsked(Map<String, String> env, Priming coded) {
        String events = env.get(Priming.ENV_EVENTS);
        return coded != null || (events != null && !events.isEmpty());
    }

    /** Primes the handler; null when Init goes on, else the init failure's status. */
    private static ExitStatus prime(Config config, Priming priming, HandlerInvoker invoker, PrintStream err) {
        Primer.Result result = Primer.prime(priming, invoker);
        Primer.report(result, err);
        Outcome.Failure failure = result.failure();
        if (failure == null || !(failure.fatal() || priming.failsOnError())) {
            return null;
        }
        return initFailed(config.runtimeApi(), failure.errorType(), failure.error(), err);
    }

    /** The Runtime API: the SnapStart phase if asked for, then the loop (or the loops). */
    private static ExitStatus serve(Config config, HandlerInvoker invoker, PrintStream err) {
        RuntimeApiClient client = new RuntimeApiClient(config.runtimeApi());
        ExitStatus snapStart =
                config.snapStart() ? SnapStart.checkpointAndRestore(client, invoker.handler(), err) : null;
        if (snapStart != null) {
            return snapStart;
        }
        if (config.maxConcurrency() > 1) {
            client.close();
            return ConcurrentLoops.run(config, invoker, err);
        }
        return new RuntimeLoop(client, invoker, config.responseMode(), err).run();
    }

    /**
     * The one init failure path: stderr, then {@code /init/error} at {@code address} unless it is null;
     * {@link ExitStatus#INIT_FAILED}.
     */
    static ExitStatus initFailed(RuntimeApiAddress address, String errorType, Throwable e, PrintStream err) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        err.println("coldbrew-runtime: init failed: " + errorType + ": " + message);
        if (address == null) {
            return ExitStatus.INIT_FAILED;
        }
        ErrorRequest error = e instanceof InitException || e instanceof ConfigException
                ? ErrorRequests.from(e, errorType)
                : ErrorRequests.from(e);
        return reportInitError(address, errorType, error, err);
    }

    /** An init failure already described by {@code error} (a handler failure while priming). */
    private static ExitStatus initFailed(
            RuntimeApiAddress address, String errorType, ErrorRequest error, PrintStream err) {
        err.println("coldbrew-runtime: init failed while priming: " + errorType + ": " + error.errorType() + ": "
                + error.errorMessage());
        return address == null ? ExitStatus.INIT_FAILED : reportInitError(address, errorType, error, err);
    }

    private static ExitStatus reportInitError(
            RuntimeApiAddress address, String errorType, ErrorRequest error, PrintStream err) {
        try (RuntimeApiClient client = new RuntimeApiClient(address)) {
            client.postInitError(errorType, error);
        } catch (IOException report) {
            err.println("coldbrew-runtime: reporting the init failure failed: " + report.getMessage());
        }
        return ExitStatus.INIT_FAILED;
    }
}
