package dev.coldbrew.local.config;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code AWS::Serverless::Function} resources of an AWS SAM {@code template.yaml}: {@code Runtime},
 * {@code Handler}, {@code CodeUri} (relative to the template), {@code MemorySize}, {@code Timeout},
 * {@code Environment.Variables}, {@code ReservedConcurrentExecutions}, {@code FunctionName}, with
 * {@code Globals.Function} as defaults. Intrinsic functions ({@code !Ref}, {@code !Sub}, ...) cannot be resolved
 * locally and are reported with the property that uses them.
 */
public final class SamTemplate {
    private SamTemplate() {}

    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    /** Reads every function of the template at {@code path}. */
    public static List<FunctionConfig> load(Path path) {
        Object document;
        try (Reader reader = Files.newBufferedReader(path)) {
            document = new Yaml(new CfnConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SAM template " + path + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("SAM template " + path + " is not valid YAML: " + e.getMessage(), e);
        }
        return functions(path, map(path, document, "the document"));
    }

    private static List<FunctionConfig> functions(Path path, Map<String, Object> template) {
        Map<String, Object> globals = map(path, nested(template, "Globals", "Function"), "Globals.Function");
        Map<String, Object> resources = map(path, template.get("Resources"), "Resources");
        List<FunctionConfig> functions = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            String where = "Resources." + resource.getKey();
            Map<String, Object> body = map(path, resource.getValue(), where);
            if (FUNCTION_TYPE.equals(body.get("Type"))) {
                Map<String, Object> props = map(path, body.get("Properties"), where + ".Properties");
                functions.add(function(path, resource.getKey(), merge(globals, props)));
            }
        }
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("SAM template " + path + " has no " + FUNCTION_TYPE + " resource");
        }
        return functions;
    }

    private static FunctionConfig function(Path path, String logicalId, Map<String, Object> p) {
        Properties props = new Properties(path, logicalId, p);
        if ("Image".equals(p.get("PackageType"))) {
            throw props.error("PackageType", "Image", "container images are not supported, use a Zip package");
        }
        String name = props.text("FunctionName", logicalId);
        Path code = path.toAbsolutePath().getParent().resolve(props.text("CodeUri", "."));
        RuntimeKind runtime;
        try {
            runtime = RuntimeKind.parse(props.text("Runtime", null));
        } catch (IllegalArgumentException e) {
            throw props.error("Runtime", p.get("Runtime"), e.getMessage());
        }
        try {
            return new FunctionConfig(
                    name,
                    code,
                    runtime,
                    props.text("Handler", null),
                    props.integer("MemorySize", FunctionConfig.DEFAULT_MEMORY_MB),
                    Duration.ofSeconds(props.integer("Timeout", (int) FunctionConfig.DEFAULT_TIMEOUT.toSeconds())),
                    props.integer("ReservedConcurrentExecutions", FunctionConfig.UNRESERVED),
                    props.variables());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": Resources." + logicalId + ": " + e.getMessage(), e);
        }
    }

    /** Globals first, then the function's own properties; {@code Environment.Variables} are merged. */
    private static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> props) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(props);
        Map<String, Object> variables = new LinkedHashMap<>();
        addVariables(variables, globals);
        addVariables(variables, props);
        if (!variables.isEmpty()) {
            merged.put("Environment", Map.of("Variables", variables));
        }
        return merged;
    }

    private static void addVariables(Map<String, Object> into, Map<String, Object> props) {
        if (nested(props, "Environment", "Variables") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> into.put(String.valueOf(k), v));
        }
    }

    private static Object nested(Map<String, Object> map, String first, String second) {
        return map.get(first) instanceof Map<?, ?> inner ? inner.get(second) : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Path path, Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(path + ": " + where + " must be a mapping, got '" + value + "'");
    }
}
