package dev.coldbrew.local.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Typed access to one function's merged SAM properties, with errors that name the template, function and value. */
final class Properties {
    private final Path path;
    private final String logicalId;
    private final Map<String, Object> values;

    Properties(Path path, String logicalId, Map<String, Object> values) {
        this.path = path;
        this.logicalId = logicalId;
        this.values = values;
    }

    String text(String key, String otherwise) {
        Object value = values.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof CfnConstructor.Intrinsic intrinsic) {
            throw error(key, intrinsic, "intrinsic functions cannot be resolved locally; write the value");
        }
        if (value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
            throw error(key, value, "expected a plain value");
        }
        return value.toString();
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

    Map<String, String> variables() {
        Map<String, String> out = new LinkedHashMap<>();
        if (values.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
            for (Map.Entry<?, ?> e : vars.entrySet()) {
                Object value = e.getValue();
                if (value instanceof CfnConstructor.Intrinsic || value instanceof Map<?, ?>) {
                    throw error("Environment.Variables." + e.getKey(), value, "expected a plain value");
                }
                out.put(String.valueOf(e.getKey()), value == null ? "" : value.toString());
            }
        }
        return out;
    }

    IllegalArgumentException error(String key, Object value, String problem) {
        return new IllegalArgumentException(
                path + ": Resources." + logicalId + ".Properties." + key + " '" + value + "': " + problem);
    }
}
