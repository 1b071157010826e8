package dev.coldbrew.local.function;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The figures of one invocation, as Lambda prints them in its {@code REPORT} line.
 *
 * @param durationMs time from handing the event to the runtime until its response (capped at the timeout)
 * @param billedDurationMs {@code ceil(duration + init duration)}: since 1 Aug 2025 the init phase of on-demand
 *     ZIP functions is billed too (AWS Compute Blog, "AWS Lambda standardizes billing for INIT Phase")
 * @param maxMemoryUsedMb the environment cgroup's peak memory during this invocation (reset before it), or
 *     {@link #MEMORY_NOT_MEASURED} on Lambda Managed Instances, where invocations that overlap share the
 *     environment's memory, so no figure is one invocation's
 * @param initDurationMs spawn → first {@code GET /next}; present on the first invoke of an environment only
 * @param status {@code null}, {@code "timeout"} or {@code "error"}
 * @param errorType with status {@code "error"}: e.g. {@code Runtime.OutOfMemory}, {@code Runtime.ExitError}
 */
public record Report(
        String requestId,
        double durationMs,
        long billedDurationMs,
        int memorySizeMb,
        long maxMemoryUsedMb,
        OptionalDouble initDurationMs,
        String status,
        String errorType) {

    public static final String STATUS_TIMEOUT = "timeout";
    public static final String STATUS_ERROR = "error";
    /** {@link #maxMemoryUsedMb()} of an invocation on Lambda Managed Instances: not measured. */
    public static final long MEMORY_NOT_MEASURED = -1;

    /** Lambda's billing: 1 ms granularity over the invoke plus, on a cold start, the init phase. */
    public static long billed(double durationMs, OptionalDouble initDurationMs) {
        return (long) Math.ceil(durationMs + initDurationMs.orElse(0));
    }

    /**
     * The exact {@code REPORT} line Lambda writes: every field followed by a TAB, Init Duration after Max
     * Memory Used, then the status (docs java-logging; invoke-api-and-environment.md §4.1).
     */
    public String toLogLine() {
        StringBuilder line = new StringBuilder(200)
                .append("REPORT RequestId: ")
                .append(requestId)
                .append('\t')
                .append(String.format(Locale.ROOT, "Duration: %.2f ms\t", durationMs))
                .append("Billed Duration: ")
                .append(billedDurationMs)
                .append(" ms\t")
                .append("Memory Size: ")
                .append(memorySizeMb)
                .append(" MB\t")
                .append("Max Memory Used: ")
                .append(maxMemoryUsedMb)
                .append(" MB\t");
        initDurationMs.ifPresent(d -> line.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", d)));
        if (status != null) {
            line.append("Status: ").append(status).append('\t');
            if (errorType != null) {
                line.append("Error Type: ").append(errorType).append('\t');
            }
        }
        return line.toString();
    }
}
