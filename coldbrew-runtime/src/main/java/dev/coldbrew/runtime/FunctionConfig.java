package dev.coldbrew.runtime;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.UnsignedDecimal;
import java.util.Map;

/**
 * The function's identity and logging settings, read once from the environment Lambda sets for every runtime,
 * whatever protocol drives it (Runtime API or go1.x RPC). Immutable and validated.
 *
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}, null when not set
 * @param functionVersion {@code AWS_LAMBDA_FUNCTION_VERSION}, null when not set
 * @param memoryMb {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, {@link #MEMORY_UNKNOWN_MB} when not set
 * @param logGroupName {@code AWS_LAMBDA_LOG_GROUP_NAME}, null when not set (SnapStart)
 * @param logStreamName {@code AWS_LAMBDA_LOG_STREAM_NAME}, null when not set (SnapStart)
 * @param logFormat {@code AWS_LAMBDA_LOG_FORMAT}, default {@link LogFormat#TEXT}
 * @param logLevel {@code AWS_LAMBDA_LOG_LEVEL}; when not set: nothing is filtered in TEXT format, and INFO is the
 *     minimum in JSON format (as Lambda's advanced logging controls default)
 * @param initializationType {@code AWS_LAMBDA_INITIALIZATION_TYPE}, e.g. {@code on-demand}; null when not set
 */
public record FunctionConfig(
        String functionName,
        String functionVersion,
        int memoryMb,
        String logGroupName,
        String logStreamName,
        LogFormat logFormat,
        LogLevel logLevel,
        String initializationType) {

    /** Memory size reported when {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} is not set. */
    public static final int MEMORY_UNKNOWN_MB = 0;
    /** Largest memory size Lambda offers, in MB. */
    public static final int MEMORY_MAX_MB = 10_240;
    /** Minimum level in JSON format when {@code AWS_LAMBDA_LOG_LEVEL} is not set. */
    public static final LogLevel DEFAULT_JSON_LOG_LEVEL = LogLevel.INFO;

    /**
     * Reads and validates the function settings from {@code env}.
     *
     * @throws ConfigException naming the variable and value when one is malformed
     */
    public static FunctionConfig from(Map<String, String> env) {
        LogFormat format = logFormat(env.get(RuntimeApi.ENV_LOG_FORMAT));
        LogLevel level = logLevel(env.get(RuntimeApi.ENV_LOG_LEVEL));
        return new FunctionConfig(
                nonEmpty(env.get(RuntimeApi.ENV_FUNCTION_NAME)),
                nonEmpty(env.get(RuntimeApi.ENV_FUNCTION_VERSION)),
                memory(env.get(RuntimeApi.ENV_FUNCTION_MEMORY_SIZE)),
                nonEmpty(env.get(RuntimeApi.ENV_LOG_GROUP_NAME)),
                nonEmpty(env.get(RuntimeApi.ENV_LOG_STREAM_NAME)),
                format,
                level == null && format == LogFormat.JSON ? DEFAULT_JSON_LOG_LEVEL : level,
                nonEmpty(env.get(RuntimeApi.ENV_INITIALIZATION_TYPE)));
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static int memory(String value) {
        if (value == null || value.isEmpty()) {
            return MEMORY_UNKNOWN_MB;
        }
        long mb = UnsignedDecimal.parse(value, 1, MEMORY_MAX_MB);
        if (mb == UnsignedDecimal.INVALID) {
            throw new ConfigException(RuntimeApi.ENV_FUNCTION_MEMORY_SIZE + " is '" + value
                    + "': expected a memory size in MB from 1 to " + MEMORY_MAX_MB);
        }
        return (int) mb;
    }

    private static LogFormat logFormat(String value) {
        if (value == null || value.isEmpty() || value.equalsIgnoreCase(RuntimeApi.LOG_FORMAT_TEXT)) {
            return LogFormat.TEXT;
        }
        if (value.equalsIgnoreCase(RuntimeApi.LOG_FORMAT_JSON)) {
            return LogFormat.JSON;
        }
        throw new ConfigException(RuntimeApi.ENV_LOG_FORMAT + " is '" + value + "': expected TEXT or JSON");
    }

    private static LogLevel logLevel(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (LogLevel level : LogLevel.values()) {
            if (level.name().equalsIgnoreCase(value)) {
                return level;
            }
        }
        throw new ConfigException(RuntimeApi.ENV_LOG_LEVEL + " is '" + value
                + "': expected one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL");
    }
}
