package dev.coldbrew.runtime.loop;

import dev.coldbrew.runtime.ConfigException;
import dev.coldbrew.runtime.FunctionConfig;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import dev.coldbrew.runtime.api.UnsignedDecimal;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.util.Map;

/**
 * Everything the runtime reads from the environment, read once at start-up and validated; it decides the
 * transport and the response mode, so init and serving never look at the environment again.
 *
 * @param protocol how invocations arrive: the Runtime API, or Lambda's go1.x protocol when
 *     {@code _LAMBDA_SERVER_PORT} is set (it wins over {@code AWS_LAMBDA_RUNTIME_API}, as in aws-lambda-go, whose
 *     {@code lambda/rpc_function.go} prepends its start function)
 * @param runtimeApi {@code AWS_LAMBDA_RUNTIME_API}; null on {@link Protocol#GO1X}
 * @param serverPort {@code _LAMBDA_SERVER_PORT}, 1 to {@value RuntimeApiAddress#MAX_PORT}; 0 on
 *     {@link Protocol#RUNTIME_API}
 * @param transportName {@code COLDBREW_TRANSPORT}, the go1.x transport asked for by name; null when not set
 * @param responseMode whether responses are sent when the handler returns or streamed as it writes them
 * @param handler {@code _HANDLER}, null when not set (only {@code Main} needs it)
 * @param function the function's identity and logging settings
 * @param maxConcurrency {@code AWS_LAMBDA_MAX_CONCURRENCY} (Lambda Managed Instances): how many invoke loops run
 *     at once, each on its own thread and connection; 1 when not set, on go1.x (one invocation context per call)
 *     and with streamed responses (one loop)
 */
public record Config(
        Protocol protocol,
        RuntimeApiAddress runtimeApi,
        int serverPort,
        String transportName,
        ResponseMode responseMode,
        String handler,
        FunctionConfig function,
        int maxConcurrency) {
    /**
     * Upper bound accepted for {@code AWS_LAMBDA_MAX_CONCURRENCY}, one loop thread each: Lambda's own maximum for
     * {@code PerExecutionEnvironmentMaxConcurrency} (API reference, LambdaManagedInstancesCapacityProviderConfig).
     */
    public static final int MAX_CONCURRENCY_LIMIT = 1600;

    /** How invocations reach the function. */
    public enum Protocol {
        /** {@code GET /next} and {@code POST /response} on {@code AWS_LAMBDA_RUNTIME_API}. */
        RUNTIME_API,
        /** Go {@code net/rpc} with gob on {@code 127.0.0.1:$_LAMBDA_SERVER_PORT}, served by a transport. */
        GO1X
    }

    /** How a response reaches the caller. */
    public enum ResponseMode {
        /** Sent in one request once the handler returns, up to {@link RuntimeApi#MAX_RESPONSE_BYTES}. */
        BUFFERED,
        /** Streamed as the handler writes it, up to {@link RuntimeApi#MAX_STREAMED_RESPONSE_BYTES}. */
        STREAMED
    }

    /** As {@link #from(Map, ResponseMode)} with {@link ResponseMode#BUFFERED} responses. */
    public static Config from(Map<String, String> env) {
        return from(env, ResponseMode.BUFFERED);
    }

    /**
     * Reads and validates {@code env} (normally {@code System.getenv()}) for a function whose responses are sent
     * as {@code responseMode} says.
     *
     * @throws ConfigException naming the variable and value when one is missing or malformed, or when streamed
     *     responses are asked for on the go1.x protocol
     */
    public static Config from(Map<String, String> env, ResponseMode responseMode) {
        String handler = nonEmpty(env.get(RuntimeApi.ENV_HANDLER));
        String port = env.get(RuntimeApi.ENV_LAMBDA_SERVER_PORT);
        if (go1xSelected(env)) {
            if (responseMode == ResponseMode.STREAMED) {
                throw new ConfigException(RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is '" + port + "': Lambda's go1.x"
                        + " protocol returns one payload per invoke, response streaming needs the Runtime API");
            }
            int serverPort = port(port);
            String transport = env.get(TransportProvider.ENV_TRANSPORT);
            return new Config(
                    Protocol.GO1X,
                    null,
                    serverPort,
                    transport == null || transport.isBlank() ? null : transport.trim(),
                    responseMode,
                    handler,
                    FunctionConfig.from(env),
                    1);
        }
        RuntimeApiAddress address = runtimeApi(env);
        FunctionConfig function = FunctionConfig.from(env);
        int concurrency = concurrency(env.get(RuntimeApi.ENV_MAX_CONCURRENCY));
        return new Config(
                Protocol.RUNTIME_API,
                address,
                0,
                null,
                responseMode,
                handler,
                function,
                responseMode == ResponseMode.STREAMED ? 1 : concurrency);
    }

    /**
     * Where an init failure is reported when {@code env} could not be read into a {@code Config}: the Runtime API
     * address if it is valid, else null (also on go1.x, which has no {@code /init/error}).
     */
    static RuntimeApiAddress initErrorTarget(Map<String, String> env) {
        if (go1xSelected(env)) {
            return null;
        }
        try {
            return runtimeApi(env);
        } catch (ConfigException e) {
            return null;
        }
    }

    /** True when Lambda initialises this environment for a SnapStart snapshot. */
    public boolean snapStart() {
        return RuntimeApi.INIT_TYPE_SNAP_START.equals(function.initializationType());
    }

    private static boolean go1xSelected(Map<String, String> env) {
        String port = env.get(RuntimeApi.ENV_LAMBDA_SERVER_PORT);
        return port != null && !port.isBlank();
    }

    private static RuntimeApiAddress runtimeApi(Map<String, String> env) {
        try {
            return RuntimeApiAddress.parse(env.get(RuntimeApi.ENV_RUNTIME_API));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** Parses {@code _LAMBDA_SERVER_PORT}: digits (blanks around them allowed), 1 to 65535. */
    static int port(String value) {
        long port = UnsignedDecimal.parse(value == null ? null : value.trim(), 1, RuntimeApiAddress.MAX_PORT);
        if (port == UnsignedDecimal.INVALID) {
            throw new ConfigException(RuntimeApi.ENV_LAMBDA_SERVER_PORT + " is '" + value
                    + "': expected a TCP port from 1 to " + RuntimeApiAddress.MAX_PORT);
        }
        return (int) port;
    }

    private static int concurrency(String value) {
        if (value == null || value.isEmpty()) {
            return 1;
        }
        long n = UnsignedDecimal.parse(value, 1, MAX_CONCURRENCY_LIMIT);
        if (n == UnsignedDecimal.INVALID) {
            throw new ConfigException(RuntimeApi.ENV_MAX_CONCURRENCY + " is '" + value
                    + "': expected a number of concurrent invocations from 1 to " + MAX_CONCURRENCY_LIMIT);
        }
        return (int) n;
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
