package dev.coldbrew.bench.measure;

import java.util.List;

/**
 * How a strategy's function for one workload was prepared, or why it was not: shown instead of numbers.
 *
 * @param status {@code ok}, {@code unavailable} or {@code failed}
 * @param detail the reason when not ok; when ok, what preparing produced (e.g. a package's zip size) or ""
 * @param seconds time spent preparing (e.g. AOT training), wall clock
 */
public record Preparation(
        String workload, String strategy, String status, String detail, List<String> jvmFlags, double seconds) {
    public static final String OK = "ok";
    public static final String UNAVAILABLE = "unavailable";
    public static final String FAILED = "failed";

    public Preparation {
        jvmFlags = List.copyOf(jvmFlags);
    }

    public boolean ok() {
        return OK.equals(status);
    }
}
