package dev.coldbrew.local.config;

import dev.coldbrew.local.function.ManagedInstances;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one function's SAM properties over {@code Globals.Function}, with {@code Ref}s to parameters
 * resolved, and errors that name the template, where the value was written ({@code Resources.Fn.Properties.X} or
 * {@code Globals.Function.X}) and the value.
 */
final class Properties {
    private final Path path;
    private final String logicalId;
    private final Map<String, Object> globals;
    private final Map<String, Object> own;
    private final TemplateParameters parameters;

    Properties(
            Path path,
            String logicalId,
            Map<String, Object> globals,
            Map<String, Object> own,
            TemplateParameters parameters) {
        this.path = path;
        this.logicalId = logicalId;
        this.globals = globals;
        this.own = own;
        this.parameters = parameters;
    }

    /** The raw value: the function's own, else the global one. */
    Object raw(String key) {
        return own.containsKey(key) ? own.get(key) : globals.get(key);
    }

    String text(String key, String otherwise) {
        String value = plain(key, raw(key));
        return value == null ? otherwise : value;
    }

    int integer(String key, int otherwise) {
        String value = text(key, null);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw error(key, value, "expected a whole number");
        }
    }

    /**
     * True for {@code TenancyConfig: {TenantIsolationMode: PER_TENANT}} (the function's own, else the global one);
     * false when absent. Any other mode, or a {@code TenancyConfig} without one, is an error naming the value.
     */
    boolean perTenant() {
        Object config = raw("TenancyConfig");
        if (config == null || TemplateParameters.isNoValue(config)) {
            return false;
        }
        if (!(config instanceof Map<?, ?> map)) {
            throw error("TenancyConfig", config, "expected a mapping with TenantIsolationMode");
        }
        String mode = plain("TenancyConfig.TenantIsolationMode", map.get("TenantIsolationMode"));
        if (!"PER_TENANT".equals(mode)) {
            throw error("TenancyConfig.TenantIsolationMode", mode, "the only tenant isolation mode is PER_TENANT");
        }
        return true;
    }

    /**
     * Lambda Managed Instances from {@code CapacityProviderConfig} (the function's own, else the global one): SAM's
     * form ({@code Arn}, {@code PerExecutionEnvironmentMaxConcurrency}, {@code ExecutionEnvironmentMemoryGiBPerVCpu})
     * or CloudFormation's ({@code LambdaManagedInstancesCapacityProviderConfig} with {@code CapacityProviderArn} and
     * the same two). The ARN is required; written as an intrinsic function that cannot be resolved locally
     * ({@code !GetAtt MyProvider.Arn}) it is kept as written, since it means nothing locally. Without a
     * {@code PerExecutionEnvironmentMaxConcurrency}, Lambda's default for {@code memoryMb}
     * ({@link ManagedInstances#defaultMaxConcurrency}). Null when the property is absent.
     */
    ManagedInstances managedInstances(int memoryMb) {
        Object config = raw("CapacityProviderConfig");
        if (config == null || TemplateParameters.isNoValue(config)) {
            return null;
        }
        if (!(config instanceof Map<?, ?> outer)) {
            throw error("CapacityProviderConfig", config, "expected a mapping with Arn");
        }
        String prefix = "CapacityProviderConfig.";
        Map<?, ?> map = outer;
        String arnKey = "Arn";
        if (outer.get("LambdaManagedInstancesCapacityProviderConfig") instanceof Map<?, ?> inner) {
            prefix += "LambdaManagedInstancesCapacityProviderConfig.";
            map = inner;
            arnKey = "CapacityProviderArn";
        }
        String arn = arn(prefix + arnKey, map.get(arnKey));
        String ratioText =
                plain(prefix + "ExecutionEnvironmentMemoryGiBPerVCpu", map.get("ExecutionEnvironmentMemoryGiBPerVCpu"));
        double ratio = ManagedInstances.DEFAULT_GIB_PER_VCPU;
        if (ratioText != null) {
            try {
                ratio = Double.parseDouble(ratioText.trim());
            } catch (NumberFormatException e) {
                throw error(prefix + "ExecutionEnvironmentMemoryGiBPerVCpu", ratioText, "expected a number");
            }
        }
        String concurrencyKey = prefix + "PerExecutionEnvironmentMaxConcurrency";
        String concurrencyText = plain(concurrencyKey, map.get("PerExecutionEnvironmentMaxConcurrency"));
        int concurrency;
        if (concurrencyText == null) {
            concurrency = ManagedInstances.defaultMaxConcurrency(memoryMb, Math.max(ratio, 1));
        } else {
            try {
                concurrency = Integer.parseInt(concurrencyText.trim());
            } catch (NumberFormatException e) {
                throw error(concurrencyKey, concurrencyText, "expected a whole number");
            }
        }
        try {
            return new ManagedInstances(arn, concurrency, ratio);
        } catch (IllegalArgumentException e) {
            throw error("CapacityProviderConfig", config, e.getMessage());
        }
    }

    /** A capacity provider ARN: checked when it is text, kept as written when it is an unresolvable intrinsic. */
    private String arn(String key, Object value) {
        if (value == null || TemplateParameters.isNoValue(value)) {
            throw error(key, value, "a capacity provider ARN is required for Lambda Managed Instances");
        }
        Object resolved = resolve(key, value);
        if (resolved instanceof CfnConstructor.Intrinsic) {
            return resolved.toString();
        }
        try {
            return ManagedInstances.requireArn(String.valueOf(resolved));
        } catch (IllegalArgumentException e) {
            throw error(key, value, e.getMessage());
        }
    }

    /** {@code Environment.Variables} of the globals, then the function's own. */
    Map<String, String> variables() {
        Map<String, Object> raw = new LinkedHashMap<>(variables(globals));
        raw.putAll(variables(own));
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String value = plain("Environment.Variables." + e.getKey(), e.getValue());
            if (value != null || !TemplateParameters.isNoValue(e.getValue())) {
                out.put(e.getKey(), value == null ? "" : value);
            }
        }
        return out;
    }

    private static Map<String, Object> variables(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (props.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    /** The text of a scalar, with intrinsics resolved; null if absent or {@code !Ref AWS::NoValue}. */
    private String plain(String key, Object value) {
        if (value == null || TemplateParameters.isNoValue(value)) {
            return null;
        }
        Object resolved = resolve(key, value);
        if (resolved instanceof CfnConstructor.Intrinsic) {
            throw error(key, value, "this intrinsic function cannot be resolved locally; write the value");
        }
        if (resolved instanceof Map<?, ?> || resolved instanceof List<?>) {
            throw error(key, value, "expected a plain value");
        }
        return resolved.toString();
    }

    /** {@code value} with the template's parameters and pseudo parameters resolved; an error names {@code key}. */
    private Object resolve(String key, Object value) {
        try {
            return parameters.resolve(value);
        } catch (IllegalArgumentException e) {
            throw error(key, value, e.getMessage());
        }
    }

    IllegalArgumentException error(String key, Object value, String problem) {
        return new IllegalArgumentException(path + ": " + where(key) + " '" + value + "': " + problem);
    }

    /** Where {@code key} (e.g. {@code MemorySize}, {@code Environment.Variables.STAGE}) was written. */
    private String where(String key) {
        String variablePrefix = "Environment.Variables.";
        boolean ownValue = key.startsWith(variablePrefix)
                ? variables(own).containsKey(key.substring(variablePrefix.length()))
                : own.containsKey(key.split("\\.", 2)[0]) || !globals.containsKey(key.split("\\.", 2)[0]);
        return (ownValue ? "Resources." + logicalId + ".Properties." : "Globals.Function.") + key;
    }
}
