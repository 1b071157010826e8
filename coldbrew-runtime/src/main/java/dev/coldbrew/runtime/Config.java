package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import java.util.Map;

/**
 * Everything the Runtime API runtime reads from the environment, read once at start-up and validated.
 *
 * @param runtimeApi {@code AWS_LAMBDA_RUNTIME_API}, required
 * @param handler {@code _HANDLER}, null when not set (only {@link Main} needs it)
 * @param function the function's identity and logging settings
 */
public record Config(RuntimeApiAddress runtimeApi, String handler, FunctionConfig function) {

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
        return new Config(address, handler == null || handler.isEmpty() ? null : handler, FunctionConfig.from(env));
    }
}
