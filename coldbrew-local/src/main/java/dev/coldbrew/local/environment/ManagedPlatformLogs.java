package dev.coldbrew.local.environment;

import dev.coldbrew.local.function.Report;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The platform log lines of an invocation on Lambda Managed Instances, where Lambda writes its system logs in JSON
 * only (docs monitoring-cloudwatchlogs-logformat): one object per event, {@code time}, {@code type} and
 * {@code record}, as Lambda's JSON system logs have them. {@code platform.start} carries the request id and version;
 * {@code platform.report} carries the status and, as its only metric, {@code durationMs} (with
 * {@code initDurationMs} on the invocation that waited for its environment's init). Lambda's documentation does not
 * list the metrics of a Managed Instances report; coldbrew leaves out billed duration (Managed Instances bill
 * instances, not invocation time) and max memory used (the environment's memory is shared by the invocations that
 * overlap, so no figure is one invocation's), as AWS's emulator does in its Managed Instances mode.
 */
final class ManagedPlatformLogs {
    private ManagedPlatformLogs() {}

    static String start(String requestId) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestId", requestId);
        record.put("version", EnvironmentVariables.VERSION_LATEST);
        return event("platform.start", record);
    }

    /** {@code status} as {@link Report}'s ({@code null}: success, {@code timeout}, {@code error}). */
    static String report(
            String requestId, double durationMs, OptionalDouble initDurationMs, String status, String errorType) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("durationMs", round(durationMs));
        initDurationMs.ifPresent(ms -> metrics.put("initDurationMs", round(ms)));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestId", requestId);
        record.put("metrics", metrics);
        record.put("status", status == null ? "success" : status);
        if (errorType != null) {
            record.put("errorType", errorType);
        }
        return event("platform.report", record);
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    private static String event(String type, Map<String, Object> record) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        event.put("type", type);
        event.put("record", record);
        return JsonWriter.write(event);
    }
}
