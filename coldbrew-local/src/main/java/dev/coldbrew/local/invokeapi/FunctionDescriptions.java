package dev.coldbrew.local.invokeapi;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.FunctionNames;
import dev.coldbrew.local.function.ManagedInstances;
import dev.coldbrew.local.function.Tenancy;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code FunctionConfiguration}, {@code GetFunction} and {@code ListFunctions} documents (service model shapes,
 * invoke-api-and-environment.md §3), enough for SDK and CLI listing.
 */
public final class FunctionDescriptions {
    private FunctionDescriptions() {}

    public static String list(InvokeTarget target) {
        List<Object> functions = target.functions().stream()
                .map(f -> (Object) configurationMap(f, target.region()))
                .toList();
        return JsonWriter.write(Map.of("Functions", functions));
    }

    public static String get(FunctionConfig function, String region) {
        Map<String, Object> code = Map.of(
                "RepositoryType", "S3", "Location", function.code().toUri().toString());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Configuration", configurationMap(function, region));
        doc.put("Code", code);
        if (function.reservedConcurrency() != FunctionConfig.UNRESERVED) {
            doc.put("Concurrency", Map.of("ReservedConcurrentExecutions", function.reservedConcurrency()));
        }
        return JsonWriter.write(doc);
    }

    public static String configuration(FunctionConfig function, String region) {
        return JsonWriter.write(configurationMap(function, region));
    }

    private static Map<String, Object> configurationMap(FunctionConfig f, String region) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("FunctionName", f.name());
        c.put("FunctionArn", FunctionNames.arn(region, f.name()));
        c.put("Runtime", f.runtime().id());
        c.put("Role", "arn:aws:iam::" + FunctionNames.ACCOUNT_ID + ":role/coldbrew-local");
        c.put("Handler", f.handler());
        c.put("Timeout", f.timeout().toSeconds());
        c.put("MemorySize", f.memoryMb());
        c.put("Version", InvokeWire.LATEST);
        c.put("Environment", Map.of("Variables", f.environment()));
        c.put("State", "Active");
        c.put("LastUpdateStatus", "Successful");
        c.put("PackageType", "Zip");
        c.put("Architectures", List.of(System.getProperty("os.arch").contains("aarch64") ? "arm64" : "x86_64"));
        if (f.perTenant()) {
            c.put("TenancyConfig", Map.of("TenantIsolationMode", Tenancy.PER_TENANT));
        }
        if (f.managed()) {
            // FunctionConfiguration.CapacityProviderConfig (Lambda API reference), and the JSON log format Lambda
            // sets for a Managed Instances function
            ManagedInstances m = f.managedInstances();
            Map<String, Object> lmi = new LinkedHashMap<>();
            lmi.put("CapacityProviderArn", m.capacityProviderArn());
            lmi.put("PerExecutionEnvironmentMaxConcurrency", m.maxConcurrency());
            lmi.put("ExecutionEnvironmentMemoryGiBPerVCpu", m.memoryGiBPerVcpu());
            c.put("CapacityProviderConfig", Map.of("LambdaManagedInstancesCapacityProviderConfig", lmi));
            c.put("LoggingConfig", Map.of("LogFormat", "JSON", "LogGroup", "/aws/lambda/" + f.name()));
        }
        return c;
    }
}
