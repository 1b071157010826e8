package dev.coldbrew.startup.spawn;

/**
 * One cold start: spawn → first {@code GET /next} (init), event sent → response received (first invoke), and the
 * process's peak resident set ({@code VmHWM}) read after the first response, in MiB ({@code NaN} where
 * {@code /proc} is missing).
 */
public record Measurement(double initMs, double firstInvokeMs, double peakRssMib) {}
