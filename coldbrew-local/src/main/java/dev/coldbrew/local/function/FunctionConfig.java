package dev.coldbrew.local.function;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One function as the local Lambda runs it, validated once in the canonical constructor.
 *
 * @param name function name: 1 to 64 letters, digits, {@code -} or {@code _} (Lambda's rule)
 * @param code a directory or a {@code .zip} file holding the deployment package (or a {@code .jar} for the Java
 *     kinds)
 * @param runtime how to start the runtime process
 * @param handler {@code _HANDLER}; required for the Java kinds
 * @param memoryMb memory size, 128 to 10,240 MB (sets the cgroup memory limit and CPU share)
 * @param timeout 1 to 900 s
 * @param reservedConcurrency {@link #UNRESERVED} or 0 to 1,000 concurrent environments
 * @param environment the function's own environment variables (not the reserved ones), at most 4 KB
 * @param perTenant tenant isolation mode {@code PER_TENANT}: every invoke names a tenant ({@code X-Amz-Tenant-Id})
 *     and an execution environment serves one tenant for its whole life
 * @param managedInstances Lambda Managed Instances: up to {@link ManagedInstances#maxConcurrency()} invocations at
 *     once per execution environment; {@code null} for a function that runs one invocation at a time per environment
 */
public record FunctionConfig(
        String name,
        Path code,
        RuntimeKind runtime,
        String handler,
        int memoryMb,
        Duration timeout,
        int reservedConcurrency,
        Map<String, String> environment,
        boolean perTenant,
        ManagedInstances managedInstances) {

    public static final int MIN_MEMORY_MB = 128;
    public static final int MAX_MEMORY_MB = 10_240;
    public static final int DEFAULT_MEMORY_MB = 128;
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** No reserved concurrency: limited only by the account concurrency of the local Lambda ({@code LocalOptions.accountConcurrency()}). */
    public static final int UNRESERVED = -1;

    public static final int MAX_RESERVED_CONCURRENCY = 1_000;
    /** Lambda's limit on the total size of a function's environment variables. */
    public static final int MAX_ENVIRONMENT_BYTES = 4 * 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Keys Lambda reserves (docs configuration-envvars): a function may not set them. */
    private static final Set<String> RESERVED_KEYS = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    public FunctionConfig {
        name = requireName(name);
        if (runtime == null) {
            throw new IllegalArgumentException("function " + name + ": runtime is required");
        }
        code = requireCode(name, runtime, code);
        handler = requireHandler(name, runtime, handler);
        requireRange(name, "memory size (MB)", memoryMb, MIN_MEMORY_MB, MAX_MEMORY_MB);
        timeout = requireTimeout(name, timeout);
        if (reservedConcurrency != UNRESERVED) {
            requireRange(name, "reserved concurrency", reservedConcurrency, 0, MAX_RESERVED_CONCURRENCY);
        }
        environment = requireEnvironment(name, environment);
        if (managedInstances != null && !ManagedInstances.supports(runtime)) {
            throw ManagedInstances.unsupported(name, runtime.id());
        }
        if (managedInstances != null && perTenant) {
            throw new IllegalArgumentException("function " + name
                    + ": the local Lambda does not combine tenant isolation with Lambda Managed Instances");
        }
    }

    /** A function without Lambda Managed Instances. */
    public FunctionConfig(
            String name,
            Path code,
            RuntimeKind runtime,
            String handler,
            int memoryMb,
            Duration timeout,
            int reservedConcurrency,
            Map<String, String> environment,
            boolean perTenant) {
        this(name, code, runtime, handler, memoryMb, timeout, reservedConcurrency, environment, perTenant, null);
    }

    /** A function without tenant isolation. */
    public FunctionConfig(
            String name,
            Path code,
            RuntimeKind runtime,
            String handler,
            int memoryMb,
            Duration timeout,
            int reservedConcurrency,
            Map<String, String> environment) {
        this(name, code, runtime, handler, memoryMb, timeout, reservedConcurrency, environment, false);
    }

    /** A function with Lambda's defaults: 128 MB, 3 s, unreserved concurrency, no variables. */
    public static FunctionConfig of(String name, Path code, RuntimeKind runtime, String handler) {
        return new FunctionConfig(
                name, code, runtime, handler, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, UNRESERVED, Map.of());
    }

    public FunctionConfig withMemoryMb(int mb) {
        return new FunctionConfig(
                name,
                code,
                runtime,
                handler,
                mb,
                timeout,
                reservedConcurrency,
                environment,
                perTenant,
                managedInstances);
    }

    public FunctionConfig withTimeout(Duration value) {
        return new FunctionConfig(
                name,
                code,
                runtime,
                handler,
                memoryMb,
                value,
                reservedConcurrency,
                environment,
                perTenant,
                managedInstances);
    }

    public FunctionConfig withReservedConcurrency(int value) {
        return new FunctionConfig(
                name, code, runtime, handler, memoryMb, timeout, value, environment, perTenant, managedInstances);
    }

    public FunctionConfig withEnvironment(Map<String, String> value) {
        return new FunctionConfig(
                name,
                code,
                runtime,
                handler,
                memoryMb,
                timeout,
                reservedConcurrency,
                value,
                perTenant,
                managedInstances);
    }

    /** This function with tenant isolation mode {@code PER_TENANT} ({@code true}) or without it. */
    public FunctionConfig withPerTenant(boolean value) {
        return new FunctionConfig(
                name,
                code,
                runtime,
                handler,
                memoryMb,
                timeout,
                reservedConcurrency,
                environment,
                value,
                managedInstances);
    }

    /**
     * This function on Lambda Managed Instances ({@code null}: without): up to {@code value.maxConcurrency()}
     * invocations at once per execution environment.
     */
    public FunctionConfig withManagedInstances(ManagedInstances value) {
        return new FunctionConfig(
                name, code, runtime, handler, memoryMb, timeout, reservedConcurrency, environment, perTenant, value);
    }

    /** This function on Lambda Managed Instances with {@code n} invocations at once per execution environment. */
    public FunctionConfig withMaxConcurrency(int n) {
        return withManagedInstances(ManagedInstances.of(n));
    }

    /** True on Lambda Managed Instances. */
    public boolean managed() {
        return managedInstances != null;
    }

    /** How many invocations one execution environment runs at once: 1, or the Managed Instances' maximum. */
    public int environmentConcurrency() {
        return managedInstances == null ? 1 : managedInstances.maxConcurrency();
    }

    private static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "invalid function name '" + name + "': use 1 to 64 letters, digits, '-' or '_'");
        }
        return name;
    }

    /**
     * A directory, a {@code .zip}, or for the Java kinds a {@code .jar}: Lambda deploys a jar as it does a zip (its
     * entries are the code, classes at the root and jars in {@code lib/}).
     */
    private static Path requireCode(String name, RuntimeKind runtime, Path code) {
        if (code == null) {
            throw new IllegalArgumentException("function " + name + ": code path is required");
        }
        Path absolute = code.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("function " + name + ": code '" + code + "' does not exist");
        }
        if (Files.isDirectory(absolute) || isArchive(absolute, ".zip")) {
            return absolute;
        }
        if (isArchive(absolute, ".jar")) {
            if (runtime.isJava()) {
                return absolute;
            }
            throw new IllegalArgumentException("function " + name + ": code '" + code + "' is a .jar, which only"
                    + " the Java runtimes accept; runtime " + runtime.id() + " needs a directory or a .zip file");
        }
        throw new IllegalArgumentException("function " + name + ": code '" + code + "' is neither a directory nor a"
                + (runtime.isJava() ? " .zip or .jar" : " .zip") + " file");
    }

    private static boolean isArchive(Path file, String suffix) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(suffix);
    }

    private static String requireHandler(String name, RuntimeKind runtime, String handler) {
        if (handler != null && !handler.isBlank()) {
            return handler.trim();
        }
        if (runtime.isJava()) {
            throw new IllegalArgumentException(
                    "function " + name + ": runtime " + runtime.id() + " needs a handler (package.Class[::method])");
        }
        return "";
    }

    private static void requireRange(String name, String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "function " + name + ": " + what + " " + value + " is outside " + min + ".." + max);
        }
    }

    private static Duration requireTimeout(String name, Duration timeout) {
        if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("function " + name + ": timeout "
                    + (timeout == null ? "null" : timeout.toMillis() / 1000.0 + " s")
                    + " is outside 1..900 s");
        }
        return timeout;
    }

    private static Map<String, String> requireEnvironment(String name, Map<String, String> environment) {
        Map<String, String> copy = new TreeMap<>(environment == null ? Map.of() : environment);
        int bytes = 0;
        for (Map.Entry<String, String> e : copy.entrySet()) {
            String key = e.getKey();
            if (key == null || !ENV_KEY.matcher(key).matches() || e.getValue() == null) {
                throw new IllegalArgumentException("function " + name + ": invalid environment variable '" + key
                        + "' (a name starts with a letter, then letters, digits or '_', and has a value)");
            }
            if (RESERVED_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "function " + name + ": environment variable " + key + " is reserved by Lambda");
            }
            bytes += key.length() + e.getValue().length();
        }
        if (bytes > MAX_ENVIRONMENT_BYTES) {
            throw new IllegalArgumentException(
                    "function " + name + ": environment variables take " + bytes + " bytes, over Lambda's 4 KB limit");
        }
        return Map.copyOf(copy);
    }
}
