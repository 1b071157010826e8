package dev.coldbrew.pack.aot;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonException;
import dev.coldbrew.runtime.api.json.JsonReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One function running in coldbrew's local Lambda exactly as Lambda runs it: task root = the unpacked package or
 * code directory, started as its runtime starts it ({@code provided.al2023}: its {@code bootstrap}; {@code go1.x}:
 * the handler's executable) with Lambda's environment. Used for the AOT training run and for checking the finished
 * zip.
 *
 * @param functionName the function's name
 * @param runtime how the local Lambda starts it
 * @param handler {@code _HANDLER}
 * @param memoryMb memory size (cgroup limit where the local Lambda can enforce it)
 * @param timeout per invocation
 * @param environment the function's own variables
 */
public record LambdaRun(
        String functionName,
        RuntimeKind runtime,
        String handler,
        int memoryMb,
        Duration timeout,
        Map<String, String> environment) {

    /** Errors that mean the runtime itself failed, not the handler. */
    static final Set<String> RUNTIME_FAILURES = Set.of(
            RuntimeApi.FN_ERROR_EXIT,
            RuntimeApi.FN_ERROR_OUT_OF_MEMORY,
            RuntimeApi.FN_ERROR_TIMEOUT,
            RuntimeApi.FN_ERROR_INVALID_ENTRYPOINT);

    public LambdaRun {
        environment = Map.copyOf(environment);
    }

    /** A {@code provided.al2023} function, as every package is. */
    public LambdaRun(String functionName, String handler, int memoryMb, Duration timeout, Map<String, String> env) {
        this(functionName, RuntimeKind.PROVIDED, handler, memoryMb, timeout, env);
    }

    /**
     * Starts a local Lambda that does not freeze idle environments (a frozen JVM cannot be asked to exit) and runs
     * them as the current user: the training run writes its AOT configuration into the caller's work folder, and
     * the code is the user's own build output. Its log
     * reaches {@code log} without the JVM's notices about the flags the training and the check add
     * ({@link #isJvmNotice}), which would otherwise fill the user's build output.
     */
    static LocalLambda localLambda(Consumer<String> log) {
        return LocalLambda.create(LocalOptions.builder()
                .freezeBetweenInvokes(false)
                .sameUser(true)
                .idleExpiry(Duration.ofHours(1))
                .logSink(line -> {
                    if (!isJvmNotice(line)) {
                        log.accept(line);
                    }
                })
                .build());
    }

    /** The JVM's unified-logging prefix of an AOT/CDS warning or info line: {@code [0.497s][warning][aot] ...}. */
    private static final Pattern AOT_NOTICE =
            Pattern.compile("(\\[[^\\]]*])?\\[(warning|info) *]\\[(aot|cds)[^\\]]*].*");

    /**
     * True for what a JVM prints about our flags rather than about the function: {@code Picked up
     * JAVA_TOOL_OPTIONS: ...} (printed whenever the variable is set, and the flags travel in it), the record run's
     * {@code AOTConfiguration recorded: ...}, and AOT/CDS warnings (classes the cache cannot hold: the cache simply
     * leaves them out). AOT errors are kept.
     */
    static boolean isJvmNotice(String line) {
        return line.startsWith("Picked up JAVA_TOOL_OPTIONS: ")
                || line.strip().startsWith("AOTConfiguration recorded: ")
                || AOT_NOTICE.matcher(line).matches();
    }

    /**
     * {@code options} as one {@code JAVA_TOOL_OPTIONS} value: an option with white space in it (a path under a folder
     * with a space) is put in double quotes, which the JVM strips when it splits the variable.
     */
    static String toolOptions(List<String> options) {
        return options.stream()
                .map(option -> option.chars().anyMatch(Character::isWhitespace) ? '"' + option + '"' : option)
                .collect(Collectors.joining(" "));
    }

    /** Registers {@code code} (a folder or zip) as this function with {@code jvmOptions} in JAVA_TOOL_OPTIONS. */
    void register(LocalLambda lambda, Path code, String jvmOptions) throws PackageException {
        Map<String, String> env = new HashMap<>(environment);
        String userOptions = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
        env.put("JAVA_TOOL_OPTIONS", (userOptions + " " + jvmOptions).strip());
        try {
            lambda.register(new FunctionConfig(
                    functionName, code, runtime, handler, memoryMb, timeout, FunctionConfig.UNRESERVED, env));
        } catch (IllegalArgumentException e) {
            throw new PackageException("run " + code + " in the local Lambda failed: " + e.getMessage(), e);
        }
    }

    /**
     * Invokes once; a function error is returned, a runtime failure (crash, timeout, bad bootstrap) is thrown.
     *
     * @throws PackageException naming the event, the error and the function's log
     */
    static InvocationResult invoke(LocalLambda lambda, String name, String eventName, byte[] payload, String step)
            throws PackageException {
        InvocationResult result = lambda.invoke(name, payload);
        if (result.statusCode() != 200) {
            throw new PackageException(step + ": invoking with " + eventName + " failed: HTTP " + result.statusCode()
                    + " " + result.payloadText());
        }
        String errorType = errorType(result);
        if (initFailed(result)) {
            throw new PackageException(step + ": the function could not start (Init failed) on " + eventName
                    + " with " + (errorType.isEmpty() ? "an init error" : errorType) + ": " + result.payloadText()
                    + "\nFix the function's Init (its error above names the cause), then package again."
                    + "\nlog:\n" + result.log());
        }
        if (RUNTIME_FAILURES.contains(errorType)) {
            throw new PackageException(step + ": the function failed on " + eventName + " with " + errorType + ": "
                    + result.payloadText() + "\nlog:\n" + result.log());
        }
        return result;
    }

    /**
     * Whether the invocation never reached the handler because Init failed (the runtime posted
     * {@code /runtime/init/error}, exited or timed out before its first {@code /next}): the local Lambda then logs
     * an {@code INIT_REPORT} with a status, as Lambda does. Nothing can be trained or verified after that.
     */
    static boolean initFailed(InvocationResult result) {
        return result.isFunctionError()
                && result.report() != null
                && result.report().status() != null
                && result.log() != null
                && result.log().lines().anyMatch(line -> line.startsWith("INIT_REPORT") && line.contains("Status: "));
    }

    /** The {@code errorType} of a function error, or "" for a response. */
    static String errorType(InvocationResult result) {
        if (!result.isFunctionError()) {
            return "";
        }
        try {
            Object type = JsonReader.parseObject(result.payloadText()).get("errorType");
            return type == null ? "" : type.toString();
        } catch (JsonException e) {
            return "";
        }
    }

    /** The runtime processes of the function's environments. */
    static List<Long> pids(LocalLambda lambda, String name) {
        return lambda.environmentPids(name);
    }
}
