package dev.coldbrew.bench.strategy;

import dev.coldbrew.bench.workload.Workload;

/**
 * One way to run the same function: a runtime, a JVM or none, and what is prepared ahead of time. A strategy turns
 * a workload's code directory into a function the local Lambda can run; the bench measures every strategy the same
 * way. New strategies (go1.x RPC, the JNI bridge, a packaged zip) implement this and join {@link Strategies}.
 */
public interface Strategy {
    /** Short, stable id used on the command line, in tables, charts and results.json, e.g. {@code coldbrew-aot}. */
    String name();

    /** One sentence for the report: what runs, with which flags. */
    String description();

    /** Whether this machine can run the strategy; if not, the reason is shown instead of numbers. */
    Availability availability();

    /**
     * Builds what the strategy needs for {@code workload} under {@link StrategyContext#workDirectory()} (a code
     * directory, a bootstrap, an AOT cache, a native executable).
     *
     * @throws PreparationException naming the workload, the step and its output when preparation fails
     */
    PreparedFunction prepare(Workload workload, StrategyContext context) throws PreparationException;
}
