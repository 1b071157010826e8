package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ConfigException;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.spi.Invoker;
import dev.coldbrew.runtime.spi.Transport;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The go1.x half of {@link Bootstrap}, loaded only when {@code _LAMBDA_SERVER_PORT} is set: finds the
 * {@link TransportProvider} for {@link TransportProvider#GO1X} with {@link ServiceLoader} (coldbrew-gorpc-runtime
 * provides it; {@code COLDBREW_TRANSPORT} picks another one by name, such as the JNI bridge {@code jni-go}), and
 * serves the handler through it until a fatal failure.
 *
 * <p>Failure classes: a missing provider or a port that cannot be bound is an init failure (see
 * {@link Bootstrap}). A fatal handler failure is answered with {@code ShouldExit} and ends with
 * {@link ExitStatus#FATAL_HANDLER_ERROR}.
 */
final class TransportBootstrap {
    /** The Maven artifact that provides the go1.x transport, named in the error when none is found. */
    static final String GO1X_ARTIFACT = "dev.coldbrew:coldbrew-gorpc-runtime";

    private TransportBootstrap() {}

    static ExitStatus serve(TransportProvider provider, int port, Invoker invoker, PrintStream err) {
        try (Transport transport = provider.start(port, invoker)) {
            return transport.awaitExit();
        } catch (IOException e) {
            return Bootstrap.initFailed(null, RuntimeApi.FN_ERROR_INVALID_CONFIG, e, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("coldbrew-runtime: stopping: interrupted while serving " + provider.protocol());
            return ExitStatus.RUNTIME_API_FAILED;
        }
    }

    /**
     * The go1.x provider named by {@code COLDBREW_TRANSPORT}, or without it the first default one.
     *
     * @throws ConfigException naming the variables, their values and the providers found
     */
    static TransportProvider provider(Config config) {
        String portValue = String.valueOf(config.serverPort());
        String wanted = config.transportName();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        boolean named = wanted != null;
        List<String> found = new ArrayList<>();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class, loader)) {
            if (TransportProvider.GO1X.equals(provider.protocol())) {
                if (named ? provider.name().equals(wanted) : provider.selectedByDefault()) {
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
}
