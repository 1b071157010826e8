package dev.coldbrew.bench.measure;

import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.Report;
import java.nio.charset.StandardCharsets;

/**
 * One invoke as the local Lambda reported it (its REPORT line), plus whether the function failed.
 *
 * @param initDurationMs Init Duration of a cold start, or {@code NaN} for a warm invoke
 * @param functionError {@code null} when the invoke succeeded, else the error type and message
 */
public record Sample(
        String workload,
        String strategy,
        int memoryMb,
        Phase phase,
        int index,
        String requestId,
        double initDurationMs,
        double durationMs,
        long billedDurationMs,
        long maxMemoryUsedMb,
        String functionError) {

    public static Sample of(
            String workload, String strategy, int memoryMb, Phase phase, int index, InvocationResult r) {
        Report report = r.report();
        return new Sample(
                workload,
                strategy,
                memoryMb,
                phase,
                index,
                r.requestId(),
                report.initDurationMs().orElse(Double.NaN),
                report.durationMs(),
                report.billedDurationMs(),
                report.maxMemoryUsedMb(),
                error(r));
    }

    public boolean failed() {
        return functionError != null;
    }

    /** Init Duration + Duration: what a caller waits on a cold start. */
    public double coldTotalMs() {
        return (Double.isNaN(initDurationMs) ? 0 : initDurationMs) + durationMs;
    }

    private static String error(InvocationResult r) {
        if (r.functionError() == null && r.statusCode() / 100 == 2) {
            return null;
        }
        String body = new String(r.payload(), StandardCharsets.UTF_8);
        return "HTTP " + r.statusCode() + " " + r.functionError() + ": " + body;
    }
}
