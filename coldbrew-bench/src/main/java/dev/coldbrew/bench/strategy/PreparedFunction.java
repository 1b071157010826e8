package dev.coldbrew.bench.strategy;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A function ready to register at any memory size: its code directory, how the local Lambda starts it, and the
 * JVM flags it runs with (recorded in results.json).
 *
 * @param artifact what preparing it produced, worth reporting (e.g. a package's zip size), or ""
 */
public record PreparedFunction(
        Path code,
        RuntimeKind runtime,
        String handler,
        List<String> jvmFlags,
        Map<String, String> environment,
        String artifact) {
    public PreparedFunction {
        jvmFlags = List.copyOf(jvmFlags);
        environment = Map.copyOf(environment);
        artifact = artifact == null ? "" : artifact;
    }

    /** A function whose preparation has nothing to report beyond its flags. */
    public PreparedFunction(
            Path code, RuntimeKind runtime, String handler, List<String> jvmFlags, Map<String, String> environment) {
        this(code, runtime, handler, jvmFlags, environment, "");
    }

    public FunctionConfig config(String name, int memoryMb, Duration timeout) {
        return new FunctionConfig(
                name, code, runtime, handler, memoryMb, timeout, FunctionConfig.UNRESERVED, environment);
    }
}
