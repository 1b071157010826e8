package dev.coldbrew.local.environment;

import dev.coldbrew.local.FunctionConfig;
import dev.coldbrew.local.LocalOptions;
import dev.coldbrew.local.cgroup.EnvironmentCgroup;
import dev.coldbrew.local.runtimeapi.Invocation;
import dev.coldbrew.local.runtimeapi.Outcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment: a runtime process tree in its own process group and cgroups, and its own
 * {@link FunctionProtocol} (a Runtime API server, or a go1.x connection to the function). Created cold by
 * {@link #start}, reused warm, frozen between invokes, killed on timeout, crash, OOM, idle expiry or close.
 */
public final class Environment {

    private static final System.Logger LOG = System.getLogger(Environment.class.getName());
    /** How long a kill waits for the process tree to exit before cgroups are removed. */
    static final long KILL_WAIT_MS = 2_000;

    private final String id;
    private final FunctionConfig function;
    private final FunctionProtocol protocol;
    private final EnvironmentCgroup cgroup;
    private final ChildProcess process;
    private final EnvironmentLog log;
    private final boolean freeze;
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile boolean killed;
    private long freezeGeneration;
    private boolean frozen;

    private Environment(
            String id,
            FunctionConfig function,
            FunctionProtocol protocol,
            EnvironmentCgroup cgroup,
            ChildProcess process,
            EnvironmentLog log,
            boolean freeze) {
        this.id = id;
        this.function = function;
        this.protocol = protocol;
        this.cgroup = cgroup;
        this.process = process;
        this.log = log;
        this.freeze = freeze;
    }

    /**
     * Starts a new environment: its protocol ({@link FunctionProtocol}: a Runtime API server, or a port for the
     * go1.x protocol), cgroups (when {@code cgroup} is not null), then the runtime process. On failure everything
     * created so far is removed again.
     */
    public static Environment start(
            String id, FunctionConfig function, Path taskRoot, LocalOptions options, EnvironmentCgroup cgroup)
            throws IOException {
        FunctionProtocol protocol = FunctionProtocol.open(function, options);
        try {
            var env = EnvironmentVariables.of(function, taskRoot, protocol.variables(), options);
            var command = LaunchCommand.of(function, taskRoot, options);
            ChildProcess process = ChildProcess.start(command, taskRoot, env, cgroup);
            EnvironmentLog log = new EnvironmentLog(options.logSink());
            log.follow(process.output(), id);
            process.exit().whenComplete((status, error) -> protocol.processExited());
            boolean freeze = options.freezeBetweenInvokes() && cgroup != null;
            return new Environment(id, function, protocol, cgroup, process, log, freeze);
        } catch (IOException | RuntimeException e) {
            protocol.close();
            if (cgroup != null) {
                cgroup.remove(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MS));
            }
            throw e;
        }
    }

    /** The outcome of the init phase. */
    public sealed interface Init {
        /** The runtime reached its first {@code /next} after {@code durationMs} (spawn → first /next). */
        record Ready(double durationMs) implements Init {}

        /** Init failed: {@code status} is {@code error} or {@code timeout}. */
        record Failed(double durationMs, String status, String errorType, byte[] errorBody) implements Init {}
    }

    /**
     * Waits for the end of init: the runtime is ready (first {@code /next}, or first go1.x ping), an
     * {@code /init/error}, an exit, or the limit.
     */
    public Init awaitInit(Duration limit) throws InterruptedException {
        return protocol.awaitInit(process, limit);
    }

    /** The exit of the runtime process, as Lambda words it ({@code exit status 1}, {@code signal: killed}). */
    public String exitDescription() {
        ChildProcess.ExitStatus status = process.exit().getNow(null);
        return status == null ? "Runtime exited without providing a reason" : status.describe();
    }

    /**
     * Hands {@code invocation} to the runtime and waits for its answer until {@code timeout}; returns
     * {@code null} on timeout. Thaws before and resets the peak memory; the caller freezes afterwards.
     */
    public Outcome invoke(Invocation invocation, Duration timeout) throws InterruptedException {
        lastUsedNanos = System.nanoTime();
        prepare();
        try {
            return protocol.invoke(invocation, timeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("invocation " + invocation.requestId() + " on " + id + " failed", e);
        } finally {
            lastUsedNanos = System.nanoTime();
        }
    }

    /** Thaws a frozen environment, cancels a pending freeze and resets the peak memory. */
    private synchronized void prepare() {
        freezeGeneration++;
        if (cgroup == null) {
            return;
        }
        try {
            if (frozen) {
                cgroup.thaw();
                frozen = false;
            }
            cgroup.resetPeak();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "environment " + id + ": cgroup thaw/reset failed", e);
        }
    }

    /**
     * Freezes the environment once it has been idle for {@code delay} (no CPU until the next invoke), when
     * freezing is enabled. A delay of zero freezes at once, as Lambda does; a short delay keeps back-to-back
     * invokes from paying a freeze and a thaw each.
     */
    public void freezeWhenIdle(ScheduledExecutorService scheduler, Duration delay) {
        if (!freeze) {
            return;
        }
        long generation;
        synchronized (this) {
            generation = ++freezeGeneration;
        }
        if (delay.isZero()) {
            freezeIfIdle(generation);
        } else {
            scheduler.schedule(() -> freezeIfIdle(generation), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void freezeIfIdle(long generation) {
        if (generation != freezeGeneration || killed || frozen) {
            return;
        }
        try {
            cgroup.freeze();
            frozen = true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "environment " + id + ": cgroup freeze failed", e);
        }
    }

    /** Peak memory of this invocation: the cgroup's peak, or the peak RSS of the tree without cgroups. */
    public long maxMemoryUsedMb() {
        if (cgroup != null) {
            try {
                return cgroup.peakMemoryMb();
            } catch (IOException | NumberFormatException e) {
                LOG.log(Level.WARNING, "environment " + id + ": reading peak memory failed", e);
            }
        }
        return ProcessMemory.peakRssMb(process.pid());
    }

    /** True when the kernel's OOM killer struck this environment. */
    public boolean oomKilled() {
        return cgroup != null && cgroup.oomKilled();
    }

    /**
     * Kills the whole process tree, closes the protocol (Runtime API server or go1.x connection) and removes the
     * cgroups. Idempotent.
     */
    public void kill() {
        synchronized (this) {
            if (killed) {
                return;
            }
            killed = true;
            freezeGeneration++;
        }
        process.killTree(cgroup, KILL_WAIT_MS);
        protocol.close();
        if (cgroup != null && !cgroup.remove(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MS))) {
            LOG.log(Level.WARNING, "environment " + id + ": cgroup " + cgroup.name() + " could not be removed");
        }
    }

    public boolean isAlive() {
        return !killed && !process.exit().isDone();
    }

    public String id() {
        return id;
    }

    public long pid() {
        return process.pid();
    }

    public FunctionConfig function() {
        return function;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** One platform or function log line, into this environment's log. */
    public void logLine(String line) {
        log.line(line);
    }

    /** This invocation's log so far, cleared for the next. */
    public String takeLog() {
        return log.take();
    }

    static double millisSince(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1_000_000.0;
    }
}
