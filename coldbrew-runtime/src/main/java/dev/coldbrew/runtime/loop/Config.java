package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import java.util.Map;

/**
 * Everything the Runtime API runtime reads from the environment, read once at start-up and validated.
 *
 * @param runtimeApi {@code AWS_LAMBDA_RUNTIME_API}; null only with another transport ({@link #withoutRuntimeApi})
 * @param handler {@code _HANDLER}, null when not set (only {@link Main} needs it)
 * @param function the function's identity and logging settings
 * @param maxConcurrency {@code AWS_LAMBDA_MAX_CONCURRENCY} (Lambda Managed Instances): how many invoke loops run
 *     at once, each on its own thread and connection; 1 when not set
 */
public record Config(RuntimeApiAddress runtimeApi, String handler, FunctionConfig function, int maxConcurrency) {
    /** Upper bound accepted for {@code AWS_LAMBDA_MAX_CONCURRENCY}: one loop thread each. */
    public static final int MAX_CONCURRENCY_LIMIT = 1024;

    /**
     * Reads and validates {@code env} (normally {@code System.getenv()}).
     *
     * @throws ConfigException naming the variable and value when one is missing or malformed
     */
    public static Config from(Map<String, String> env) {
        RuntimeApiAddress address;
        try {
            address = RuntimeApiAddress.parse(env.get(RuntimeApi.ENV_RUNTIME_API));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        String handler = env.get(RuntimeApi.ENV_HANDLER);
        return new Config(
                address,
                handler == null || handler.isEmpty() ? null : handler,
                FunctionConfig.from(env),
                concurrency(env.get(RuntimeApi.ENV_MAX_CONCURRENCY)));
    }

    /**
     * The configuration when a transport other than the Runtime API delivers invocations (the go1.x protocol,
     * selected by {@code _LAMBDA_SERVER_PORT}): {@code runtimeApi} is null, and one invocation context is served
     * per call, so {@code AWS_LAMBDA_MAX_CONCURRENCY} is not read.
     *
     * @throws ConfigException naming the variable and value when one is malformed
     */
    public static Config withoutRuntimeApi(Map<String, String> env) {
        String handler = env.get(RuntimeApi.ENV_HANDLER);
        return new Config(null, handler == null || handler.isEmpty() ? null : handler, FunctionConfig.from(env), 1);
    }

    /** True when Lambda initialises this environment for a SnapStart snapshot. */
    public boolean snapStart() {
        return RuntimeApi.INIT_TYPE_SNAP_START.equals(function.initializationType());
    }

    private static int concurrency(String value) {
        if (value == null || value.isEmpty()) {
            return 1;
        }
        int n = 0;
        boolean valid = value.length() <= 4;
        for (int i = 0; i < value.length() && valid; i++) {
            char c = value.charAt(i);
            valid = c >= '0' && c <= '9';
            n = n * 10 + (c - '0');
        }
        if (!valid || n < 1 || n > MAX_CONCURRENCY_LIMIT) {
            throw new ConfigException(RuntimeApi.ENV_MAX_CONCURRENCY + " is '" + value
                    + "': expected a number of concurrent invocations from 1 to " + MAX_CONCURRENCY_LIMIT);
        }
        return n;
    }
}
