package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.Config;
import dev.coldbrew.runtime.ConfigException;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.InitException;
import dev.coldbrew.runtime.Invoker;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.spi.Transport;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Init and serving when {@code _LAMBDA_SERVER_PORT} is set: Lambda's go1.x protocol instead of the Runtime API.
 * Validates the port, finds the {@link TransportProvider} for {@link TransportProvider#GO1X} with
 * {@link ServiceLoader} (coldbrew-gorpc provides it; {@code COLDBREW_TRANSPORT} picks another one by name, such as
 * the JNI bridge {@code jni-go}), creates the handler, and serves until a fatal failure.
 *
 * <p>Failure classes: a malformed port, a missing provider, a handler that cannot be created or a port that
 * cannot be bound is an init failure: written to stderr, {@link ExitStatus#INIT_FAILED} (there is no
 * {@code /init/error} in this protocol; the caller sees the process exit). A fatal handler failure is answered
 * with {@code ShouldExit} and ends with {@link ExitStatus#FATAL_HANDLER_ERROR}.
 */
final class TransportBootstrap {
    /** Highest TCP port number. */
    static final int MAX_PORT = 65_535;
    /** The Maven artifact that provides the go1.x transport, named in the error when none is found. */
    static final String GO1X_ARTIFACT = "dev.coldbrew:coldbrew-gorpc";

    private TransportBootstrap() {}

    static ExitStatus run(Map<String, String> env, HandlerInit init, PrintStream err) {
        String portValue = env.get(RuntimeApi.ENV_LAMBDA_SERVER_PORT);
        int port;
        Config config;
        TransportProvider provider;
        try {
            port = port(portValue);
            config = Config.withoutRuntimeApi(env);
            provider = provider(portValue, env.get(TransportProvider.ENV_TRANSPORT));
        } catch (ConfigException e) {
            return initFailed(RuntimeApi.FN_ERROR_INVALID_CONFIG, e, err);
        }
        Invoker invoker;
        try {
            invoker = init.create(config);
        } catch (InitException e) {
            return initFailed(e.errorType(), e, err);
        } catch (RuntimeException | LinkageError e) {
            return initFailed(RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, e, err);
        }
        return serve(provider, port, invoker, err);
    }

    private static ExitStatus serve(TransportProvider provider, int port, Invoker invoker, PrintStream err) {
        try (Transport transport = provider.start(port, invoker)) {
            return transport.awaitExit();
        } catch (IOException e) {
            return initFailed(RuntimeApi.FN_ERROR_INVALID_CONFIG, e, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("coldbrew-runtime: stopping: interrupted while serving " + provider.protocol());
            return ExitStatus.RUNTIME_API_FAILED;
        }
    }

    /**
     * Parses {@code _LAMBDA_SERVER_PORT}: digits only, 1 to {@value #MAX_PORT}.
     *
     * @throws ConfigException naming the variable and the value otherwise
     */
    static int port(String value) {
        String trimmed = value == null ? "" : value.trim();
        int port = 0;
        boolean valid = !trimmed.isEmpty() && trimmed.length() <= 5;
        for (int i = 0; i < trimmed.length() && valid; i++) {
            char c = trimmed.charAt(i);
            valid = c >= '0' && c <= '9';
            port = port * 10 + (c - '0');
        }
        if (!valid || port < 1 || port > MAX_PORT) {
            throw new ConfigException(RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is '" + value
                    + "': expected a TCP port from 1 to " + MAX_PORT);
        }
        return port;
    }

    /**
     * The go1.x provider named by {@code COLDBREW_TRANSPORT}, or without it the first default one.
     *
     * @throws ConfigException naming the variables, their values and the providers found
     */
    private static TransportProvider provider(String portValue, String wanted) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        boolean named = wanted != null && !wanted.isBlank();
        List<String> found = new ArrayList<>();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class, loader)) {
            if (TransportProvider.GO1X.equals(provider.protocol())) {
                if (named ? provider.name().equals(wanted.trim()) : provider.selectedByDefault()) {
                    return provider;
                }
                found.add(provider.name());
            }
        }
        if (named) {
            throw new ConfigException(TransportProvider.ENV_TRANSPORT + " is '" + wanted + "', but no "
                    + TransportProvider.GO1X + " transport of that name is on the class path (found: "
                    + (found.isEmpty() ? "none" : String.join(", ", found)) + ")");
        }
        if (!found.isEmpty()) {
            throw new ConfigException(RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is '" + portValue
                    + "', which asks for Lambda's " + TransportProvider.GO1X + " protocol; the transports on the"
                    + " class path (" + String.join(", ", found) + ") serve it only when named: set "
                    + TransportProvider.ENV_TRANSPORT + " to one of them, or add " + GO1X_ARTIFACT);
        }
        throw new ConfigException(RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is '" + portValue
                + "', which asks for Lambda's " + TransportProvider.GO1X + " protocol, but no "
                + TransportProvider.class.getName() + " for it is on the class path: add " + GO1X_ARTIFACT
                + " to the function, or unset " + RuntimeApi.ENV_LAMBDA_SERVER_PORT + " to use the Runtime API");
    }

    private static ExitStatus initFailed(String errorType, Throwable e, PrintStream err) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        err.println("coldbrew-runtime: init failed: " + errorType + ": " + message);
        return ExitStatus.INIT_FAILED;
    }
}
