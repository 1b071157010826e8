package dev.coldbrew.local.environment;

import static dev.coldbrew.runtime.api.RuntimeApi.ENV_DEFAULT_REGION;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_EXECUTION_ENV;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_FUNCTION_MEMORY_SIZE;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_FUNCTION_NAME;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_FUNCTION_VERSION;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_HANDLER;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_INITIALIZATION_TYPE;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_LOG_FORMAT;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_LOG_GROUP_NAME;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_LOG_STREAM_NAME;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_MAX_CONCURRENCY;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_REGION;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_RUNTIME_DIR;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_TASK_ROOT;
import static dev.coldbrew.runtime.api.RuntimeApi.LOG_FORMAT_JSON;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The environment of a runtime process, as Lambda sets it (runtime-api.md §10): the function's own variables
 * first, then the reserved ones, which a function cannot override. The local process keeps {@code PATH},
 * {@code HOME} and {@code TMPDIR} from the local Lambda's own environment so that tools still resolve, unless the
 * environment runs as a user of its own, whose home and temporary folder replace them.
 */
final class EnvironmentVariables {
    private EnvironmentVariables() {}

    /** Where Lambda's managed runtimes write framed log records (a descriptor number). */
    static final String TELEMETRY_LOG_FD = "_LAMBDA_TELEMETRY_LOG_FD";

    /** {@code AWS_LAMBDA_INITIALIZATION_TYPE} of a Lambda Managed Instances function. */
    static final String INITIALIZATION_MANAGED = "lambda-managed-instances";

    /** Lambda's version label for unpublished code. */
    static final String VERSION_LATEST = "$LATEST";

    /**
     * The variables for a runtime of {@code function}; {@code protocol} says where Lambda is reached
     * ({@code AWS_LAMBDA_RUNTIME_API}, or {@code _LAMBDA_SERVER_PORT} for go1.x).
     */
    static Map<String, String> of(
            FunctionConfig function, Path taskRoot, Map<String, String> protocol, LocalOptions options) {
        return of(function, taskRoot, protocol, options, Map.of());
    }

    /** As {@link #of(FunctionConfig, Path, Map, LocalOptions)} with {@code user}'s {@code HOME} and {@code TMPDIR}. */
    static Map<String, String> of(
            FunctionConfig function,
            Path taskRoot,
            Map<String, String> protocol,
            LocalOptions options,
            Map<String, String> user) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        copyIfSet(env, "HOME");
        copyIfSet(env, "TMPDIR");
        env.putAll(user);
        env.putAll(function.environment());
        env.putAll(protocol);
        env.put(ENV_HANDLER, function.handler());
        env.put(ENV_REGION, options.region());
        env.put(ENV_DEFAULT_REGION, options.region());
        executionEnv(function.runtime()).ifPresent(value -> env.put(ENV_EXECUTION_ENV, value));
        env.put(ENV_FUNCTION_NAME, function.name());
        env.put(ENV_FUNCTION_VERSION, VERSION_LATEST);
        env.put(ENV_FUNCTION_MEMORY_SIZE, Integer.toString(function.memoryMb()));
        env.put(ENV_INITIALIZATION_TYPE, function.managed() ? INITIALIZATION_MANAGED : "on-demand");
        if (function.managed()) {
            // runtime-api.md §9: the runtime runs this many /next loops, and logs in JSON only (Lambda sets the
            // format to JSON for a Managed Instances function and it cannot be changed)
            env.put(ENV_MAX_CONCURRENCY, Integer.toString(function.environmentConcurrency()));
            env.put(ENV_LOG_FORMAT, LOG_FORMAT_JSON);
        }
        env.put(ENV_LOG_GROUP_NAME, "/aws/lambda/" + function.name());
        env.put(ENV_LOG_STREAM_NAME, logStreamName());
        env.put(ENV_TASK_ROOT, taskRoot.toString());
        env.put(ENV_RUNTIME_DIR, taskRoot.toString());
        if (function.runtime().hasTelemetryLog()) {
            env.put(TELEMETRY_LOG_FD, Integer.toString(ChildProcess.TELEMETRY_FD));
        }
        return env;
    }

    /** {@code AWS_Lambda_java21}, {@code AWS_Lambda_go1.x}; not set for OS-only runtimes. */
    private static java.util.Optional<String> executionEnv(RuntimeKind kind) {
        return switch (kind) {
            case JAVA17, JAVA21, JAVA25, GO1X -> java.util.Optional.of("AWS_Lambda_" + kind.id());
            case COLDBREW, PROVIDED -> java.util.Optional.empty();
        };
    }

    /** Lambda's stream name shape: {@code 2026/11/27/[$LATEST]<32 hex>}. */
    private static String logStreamName() {
        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        return date + "/[" + VERSION_LATEST + "]" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void copyIfSet(Map<String, String> env, String name) {
        String value = System.getenv(name);
        if (value != null) {
            env.put(name, value);
        }
    }
}
