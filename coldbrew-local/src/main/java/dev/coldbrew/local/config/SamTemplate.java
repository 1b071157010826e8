package dev.coldbrew.local.config;

import dev.coldbrew.local.apigateway.ApiGatewayServer;
import dev.coldbrew.local.apigateway.ApiRoute;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.ManagedInstances;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code AWS::Serverless::Function} resources of an AWS SAM {@code template.yaml}: {@code Runtime},
 * {@code Handler}, {@code CodeUri} (relative to the template: a directory, a {@code .zip}, or a {@code .jar} for the
 * Java runtimes), {@code MemorySize}, {@code Timeout}, {@code Environment.Variables},
 * {@code ReservedConcurrentExecutions}, {@code FunctionName}, {@code TenancyConfig}, {@code CapacityProviderConfig}
 * (Lambda Managed Instances), with {@code Globals.Function} as defaults. {@code Ref}
 * and {@code Sub} of the template's {@code Parameters} and of pseudo parameters are resolved
 * ({@link TemplateParameters}); other intrinsic functions ({@code !GetAtt}, ...) cannot be resolved locally and are
 * reported with the property that uses them. A function's {@code Api} and {@code HttpApi} events become
 * {@link Template#apiRoutes()}, served as API Gateway's proxy integration would ({@link ApiGatewayServer}); other
 * events are not delivered locally: they are listed in {@link Template#ignoredEvents()} so that the user is told.
 */
public final class SamTemplate {
    private SamTemplate() {}

    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    /**
     * The functions of a template, the routes of its {@code Api} and {@code HttpApi} events, and the other events
     * it declares, which are not delivered locally.
     *
     * @param ignoredEvents one line per event, e.g. {@code Nightly.Events.Tick (Schedule)}
     */
    public record Template(List<FunctionConfig> functions, List<ApiRoute> apiRoutes, List<String> ignoredEvents) {
        public Template {
            functions = List.copyOf(functions);
            apiRoutes = List.copyOf(apiRoutes);
            ignoredEvents = List.copyOf(ignoredEvents);
        }
    }

    /** Reads every function of the template at {@code path}, with parameters' defaults, in the default region. */
    public static List<FunctionConfig> load(Path path) {
        return read(path, Map.of(), LocalOptions.DEFAULT_REGION).functions();
    }

    /**
     * Reads every function of the template at {@code path}.
     *
     * @param overrides values of the template's {@code Parameters}, by name (as {@code sam --parameter-overrides})
     * @param region the local Lambda's region, the value of {@code AWS::Region}
     * @throws IllegalArgumentException naming the template, the property and the value that is wrong
     */
    public static Template read(Path path, Map<String, String> overrides, String region) {
        Map<String, Object> template = map(path, parse(path), "the document");
        Map<String, Object> globals = map(path, nested(template, "Globals", "Function"), "Globals.Function");
        Map<String, Object> resources = map(path, template.get("Resources"), "Resources");
        TemplateParameters parameters;
        try {
            parameters = TemplateParameters.of(
                    map(path, template.get("Parameters"), "Parameters"), overrides, region, resources.keySet());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        List<FunctionConfig> functions = new ArrayList<>();
        List<ApiRoute> routes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            String where = "Resources." + resource.getKey();
            Map<String, Object> body = map(path, resource.getValue(), where);
            if (FUNCTION_TYPE.equals(body.get("Type"))) {
                Map<String, Object> own = map(path, body.get("Properties"), where + ".Properties");
                Properties props = new Properties(path, resource.getKey(), globals, own, parameters);
                FunctionConfig function = function(path, resource.getKey(), props);
                functions.add(function);
                events(path, resource.getKey(), function.name(), own, routes, ignored);
            }
        }
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("SAM template " + path + " has no " + FUNCTION_TYPE + " resource");
        }
        return new Template(functions, routes, ignored);
    }

    /** The names the template's {@code Parameters} declares, in order. */
    public static List<String> parameterNames(Path path) {
        Map<String, Object> template = map(path, parse(path), "the document");
        return List.copyOf(map(path, template.get("Parameters"), "Parameters").keySet());
    }

    private static Object parse(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            return new Yaml(new CfnConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SAM template " + path + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("SAM template " + path + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static FunctionConfig function(Path path, String logicalId, Properties props) {
        if ("Image".equals(props.text("PackageType", null))) {
            throw props.error("PackageType", "Image", "container images are not supported, use a Zip package");
        }
        String name = props.text("FunctionName", logicalId);
        Path code = path.toAbsolutePath().getParent().resolve(props.text("CodeUri", "."));
        String runtimeAsWritten = props.text("Runtime", null);
        RuntimeKind runtime;
        try {
            runtime = RuntimeKind.parse(runtimeAsWritten);
        } catch (IllegalArgumentException e) {
            throw props.error("Runtime", props.raw("Runtime"), e.getMessage());
        }
        try {
            int memoryMb = props.integer("MemorySize", FunctionConfig.DEFAULT_MEMORY_MB);
            ManagedInstances managedInstances = props.managedInstances(memoryMb);
            if (managedInstances != null) {
                ManagedInstances.requireSupported(name, runtimeAsWritten);
            }
            return new FunctionConfig(
                    name,
                    code,
                    runtime,
                    props.text("Handler", null),
                    memoryMb,
                    Duration.ofSeconds(props.integer("Timeout", (int) FunctionConfig.DEFAULT_TIMEOUT.toSeconds())),
                    props.integer("ReservedConcurrentExecutions", FunctionConfig.UNRESERVED),
                    props.variables(),
                    props.perTenant(),
                    managedInstances);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": Resources." + logicalId + ": " + e.getMessage(), e);
        }
    }

    /** Routes for the function's {@code Api} and {@code HttpApi} events; one line per other event. */
    private static void events(
            Path path,
            String logicalId,
            String functionName,
            Map<String, Object> props,
            List<ApiRoute> routes,
            List<String> ignored) {
        String where = "Resources." + logicalId + ".Properties.Events";
        for (Map.Entry<String, Object> event :
                map(path, props.get("Events"), where).entrySet()) {
            String at = where + "." + event.getKey();
            Map<String, Object> body = map(path, event.getValue(), at);
            Map<String, Object> eventProps = map(path, body.get("Properties"), at + ".Properties");
            String source = logicalId + ".Events." + event.getKey();
            Object type = body.get("Type");
            if ("Api".equals(type) || "HttpApi".equals(type)) {
                routes.add(route(path, at + ".Properties", functionName, "Api".equals(type), eventProps, source));
            } else {
                ignored.add(source + " (" + type + ")");
            }
        }
    }

    /**
     * An {@code Api} event's route (its {@code Path} is required; payload format 1.0), or an {@code HttpApi}
     * event's ({@code $default} without a {@code Path}; {@code PayloadFormatVersion} 2.0 unless it says 1.0).
     */
    private static ApiRoute route(
            Path path, String where, String functionName, boolean restApi, Map<String, Object> props, String source) {
        try {
            Object routePath = props.get("Path");
            if (restApi && routePath == null) {
                throw new IllegalArgumentException("Path is required for an Api event");
            }
            Object method = props.get("Method");
            ApiRoute.PayloadFormat format = restApi
                    ? ApiRoute.PayloadFormat.V1
                    : ApiRoute.PayloadFormat.parse(String.valueOf(props.getOrDefault("PayloadFormatVersion", "2.0")));
            return new ApiRoute(
                    functionName,
                    method == null ? null : method.toString(),
                    routePath == null ? ApiRoute.DEFAULT_ROUTE : routePath.toString(),
                    format,
                    source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + where + ": " + e.getMessage(), e);
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
