package dev.coldbrew.local.config;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.ManagedInstances;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.function.Tenancy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@code --function} flag: comma-separated {@code key=value} pairs, e.g.
 * {@code name=hello,code=build/hello,runtime=java21,handler=example.Hello::handleRequest,memory=512,timeout=10,
 * concurrency=2,env.GREETING=hi}. Unset keys take Lambda's defaults (128 MB, 3 s, unreserved, no tenant isolation);
 * {@code tenancy=per-tenant} sets tenant isolation mode {@code PER_TENANT}; {@code max-concurrency=N} runs the
 * function as on Lambda Managed Instances, up to N invocations at once per execution environment (1 to 1,600).
 */
public final class FunctionFlag {
    private FunctionFlag() {}

    private static final Set<String> KEYS = Set.of(
            "name", "code", "runtime", "handler", "memory", "timeout", "concurrency", "tenancy", "max-concurrency");

    /** Parses one flag value; relative code paths resolve against {@code baseDir}. */
    public static FunctionConfig parse(String spec, Path baseDir) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> env = new HashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--function " + spec + ": '" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (key.startsWith("env.")) {
                env.put(key.substring(4), value);
            } else if (KEYS.contains(key)) {
                values.put(key, value);
            } else {
                throw new IllegalArgumentException("--function " + spec + ": unknown key '" + key + "' (valid: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ", env.NAME)");
            }
        }
        return build(spec, values, env, baseDir);
    }

    private static FunctionConfig build(String spec, Map<String, String> v, Map<String, String> env, Path baseDir) {
        String name = required(spec, v, "name");
        Path code = baseDir.resolve(required(spec, v, "code"));
        String runtimeAsWritten = required(spec, v, "runtime");
        RuntimeKind runtime = RuntimeKind.parse(runtimeAsWritten);
        int memory = integer(name, v, "memory", FunctionConfig.DEFAULT_MEMORY_MB);
        int timeout = integer(name, v, "timeout", (int) FunctionConfig.DEFAULT_TIMEOUT.toSeconds());
        int concurrency = integer(name, v, "concurrency", FunctionConfig.UNRESERVED);
        ManagedInstances managedInstances = managedInstances(name, v);
        if (managedInstances != null) {
            ManagedInstances.requireSupported(name, runtimeAsWritten);
        }
        return new FunctionConfig(
                name,
                code,
                runtime,
                v.get("handler"),
                memory,
                Duration.ofSeconds(timeout),
                concurrency,
                env,
                perTenant(name, v.get("tenancy")),
                managedInstances);
    }

    /** {@code max-concurrency=N}: Lambda Managed Instances with N invocations at once per environment; unset: none. */
    private static ManagedInstances managedInstances(String name, Map<String, String> v) {
        if (!v.containsKey("max-concurrency")) {
            return null;
        }
        int n = integer(name, v, "max-concurrency", 0);
        try {
            return ManagedInstances.of(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "function " + name + ": max-concurrency " + n + " is outside "
                            + ManagedInstances.MIN_MAX_CONCURRENCY + ".." + ManagedInstances.MAX_MAX_CONCURRENCY,
                    e);
        }
    }

    /** {@code tenancy=per-tenant} (or Lambda's own spelling {@code PER_TENANT}); unset: no tenant isolation. */
    private static boolean perTenant(String name, String value) {
        if (value == null) {
            return false;
        }
        if (value.equals("per-tenant") || value.equals(Tenancy.PER_TENANT)) {
            return true;
        }
        throw new IllegalArgumentException(
                "function " + name + ": tenancy '" + value + "' is not a tenant isolation mode (use per-tenant)");
    }

    private static String required(String spec, Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("--function " + spec + ": '" + key + "' is required");
        }
        return value;
    }

    private static int integer(String name, Map<String, String> values, String key, int otherwise) {
        String value = values.get(key);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "function " + name + ": " + key + " '" + value + "' is not a whole number");
        }
    }
}
