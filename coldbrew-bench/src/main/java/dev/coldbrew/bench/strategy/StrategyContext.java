package dev.coldbrew.bench.strategy;

import dev.coldbrew.local.LocalLambda;
import java.nio.file.Path;

/**
 * What strategies prepare with.
 *
 * @param home the repository root, where the examples' code directories are
 * @param workDirectory a directory this run owns; each strategy writes under {@code <work>/<strategy>/<workload>}
 * @param javaHome the JDK that runs inside the functions (the JDK 25 running the bench)
 * @param lambda the local Lambda, for strategies that train by invoking the function (AOT)
 * @param smallEvents use each workload's small event (pipeline checks), not the real one
 */
public record StrategyContext(Path home, Path workDirectory, Path javaHome, LocalLambda lambda, boolean smallEvents) {
    public Path directoryFor(Strategy strategy, String workload) {
        return workDirectory.resolve(strategy.name()).resolve(workload);
    }
}
