package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.Config;
import dev.coldbrew.runtime.ConfigException;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.Invoker;
import dev.coldbrew.runtime.StreamHandler;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.invoke.ErrorRequests;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Init, then the loop: reads the configuration, creates the handler, runs the SnapStart phase ({@link SnapStart}) when
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, and runs {@link RuntimeLoop} ({@code AWS_LAMBDA_MAX_CONCURRENCY}
 * of them when set). An init failure
 * (malformed environment, {@link InitException}, or any exception from the handler's creation) is reported to
 * {@code POST /runtime/init/error} when the Runtime API address is known, written to stderr, and ends with
 * {@link ExitStatus#INIT_FAILED}. When {@code _LAMBDA_SERVER_PORT} is set, {@link TransportBootstrap} serves
 * the go1.x protocol instead of the Runtime API loop.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** Runs until a fatal failure and returns why it stopped. */
    public static ExitStatus run(Map<String, String> env, HandlerInit init, PrintStream err) {
        if (otherTransportSelected(env)) {
            return TransportBootstrap.run(env, init, err);
        }
        Config config;
        try {
            config = Config.from(env);
        } catch (ConfigException e) {
            return initFailed(address(env), RuntimeApi.FN_ERROR_INVALID_CONFIG, e, err);
        }
        Invoker invoker;
        try {
            invoker = init.create(config);
        } catch (InitException e) {
            return initFailed(config.runtimeApi(), e.errorType(), e, err);
        } catch (RuntimeException | LinkageError e) {
            return initFailed(config.runtimeApi(), RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, e, err);
        }
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
        return new RuntimeLoop(client, invoker, err).run();
    }

    /**
     * As {@link #run}, streaming each response as {@code handler} writes it, with {@code Content-Type:
     * contentType}. One loop: streaming is not combined with {@code AWS_LAMBDA_MAX_CONCURRENCY}, and not offered on
     * the go1.x protocol (an init failure when {@code _LAMBDA_SERVER_PORT} is set).
     */
    public static ExitStatus runStreaming(
            Map<String, String> env, StreamHandler handler, String contentType, PrintStream err) {
        if (otherTransportSelected(env)) {
            return initFailed(
                    null,
                    RuntimeApi.FN_ERROR_INVALID_CONFIG,
                    new ConfigException(RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is '"
                            + env.get(RuntimeApi.ENV_LAMBDA_SERVER_PORT) + "': Lambda's go1.x protocol returns one"
                            + " payload per invoke, response streaming needs the Runtime API"),
                    err);
        }
        Config config;
        try {
            config = Config.from(env);
        } catch (ConfigException e) {
            return initFailed(address(env), RuntimeApi.FN_ERROR_INVALID_CONFIG, e, err);
        }
        RuntimeApiClient client = new RuntimeApiClient(config.runtimeApi());
        ExitStatus snapStart = config.snapStart() ? SnapStart.checkpointAndRestore(client, handler, err) : null;
        if (snapStart != null) {
            return snapStart;
        }
        StreamingInvoker streaming = new StreamingInvoker(config.function(), handler, contentType);
        return new RuntimeLoop(client, streaming, err).run();
    }

    /**
     * True when {@code _LAMBDA_SERVER_PORT} is set (not blank): Lambda's go1.x protocol, which wins over
     * {@code AWS_LAMBDA_RUNTIME_API} as in aws-lambda-go ({@code lambda/rpc_function.go} prepends its start
     * function). Checked here so that the Runtime API path loads no transport class.
     */
    private static boolean otherTransportSelected(Map<String, String> env) {
        String port = env.get(RuntimeApi.ENV_LAMBDA_SERVER_PORT);
        return port != null && !port.isBlank();
    }

    private static RuntimeApiAddress address(Map<String, String> env) {
        try {
            return RuntimeApiAddress.parse(env.get(RuntimeApi.ENV_RUNTIME_API));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ExitStatus initFailed(RuntimeApiAddress address, String errorType, Throwable e, PrintStream err) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        err.println("coldbrew-runtime: init failed: " + errorType + ": " + message);
        if (address == null) {
            return ExitStatus.INIT_FAILED;
        }
        ErrorRequest error = e instanceof InitException || e instanceof ConfigException
                ? ErrorRequests.from(e, errorType)
                : ErrorRequests.from(e);
        try (RuntimeApiClient client = new RuntimeApiClient(address)) {
            client.postInitError(errorType, error);
        } catch (IOException report) {
            err.println("coldbrew-runtime: reporting the init failure failed: " + report.getMessage());
        }
        return ExitStatus.INIT_FAILED;
    }
}
