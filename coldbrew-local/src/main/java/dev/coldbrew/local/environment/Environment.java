package dev.coldbrew.local.environment;

import dev.coldbrew.local.cgroup.EnvironmentCgroup;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.isolation.EnvironmentPeers;
import dev.coldbrew.local.isolation.EnvironmentUser;
import dev.coldbrew.local.meter.MemoryMeter;
import dev.coldbrew.local.runtimeapi.Invocation;
import dev.coldbrew.local.runtimeapi.Outcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * One execution environment: a runtime process tree in its own process group and cgroups, and its own
 * {@link FunctionProtocol} (a Runtime API server, or a go1.x connection to the function). Created cold by
 * {@link #start}, reused warm, frozen between invokes, killed on timeout, crash, OOM, idle expiry or close.
 *
 * <p>Its CPU follows Lambda's: the Init phase runs with the share {@link LocalOptions#initCpu()} gives it (all of
 * Lambda's vCPUs by default), and {@link #endInit()} sets the invoke's share, memory / 1,769 MB of a vCPU, before
 * the first event is handed over. Its memory is metered by a {@link MemoryMeter}.
 */
public final class Environment {

    private static final System.Logger LOG = System.getLogger(Environment.class.getName());
    /** How long a kill waits for the process tree to exit before cgroups are removed. */
    static final long KILL_WAIT_MS = 2_000;

    /** In the environment's log folder: the runtime's standard output and error. */
    static final String OUTPUT_FILE = "output.log";

    /** In the environment's log folder: Lambda's telemetry log, for runtimes that write one. */
    static final String TELEMETRY_FILE = "telemetry.log";

    private static final Path PROC = Path.of("/proc");

    private final String id;
    private final FunctionConfig function;
    private final FunctionProtocol protocol;
    private final EnvironmentCgroup cgroup;
    private final EnvironmentUser user;
    private final ChildProcess process;
    private final EnvironmentLog log;
    private final boolean freeze;
    private final MemoryMeter meter = new MemoryMeter(PROC);
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile boolean killed;
    private final CountDownLatch killDone = new CountDownLatch(1);
    private long freezeGeneration;
    private boolean frozen;

    private Environment(
            String id,
            FunctionConfig function,
            FunctionProtocol protocol,
            EnvironmentCgroup cgroup,
            EnvironmentUser user,
            ChildProcess process,
            EnvironmentLog log,
            boolean freeze) {
        this.id = id;
        this.function = function;
        this.protocol = protocol;
        this.cgroup = cgroup;
        this.user = user;
        this.process = process;
        this.log = log;
        this.freeze = freeze;
    }

    /**
     * Starts a new environment: its protocol ({@link FunctionProtocol}: a Runtime API server, or a port for the
     * go1.x protocol), cgroups (when {@code cgroup} is not null), then the runtime process, as {@code user} when it
     * is not null (the process joins its cgroups as root first). On any failure, the protocol's among them (a
     * Runtime API that cannot bind), everything created so far is removed again: the process, the protocol, the
     * log folder, the cgroups and the user's home.
     */
    public static Environment start(
            String id,
            FunctionConfig function,
            Path taskRoot,
            LocalOptions options,
            EnvironmentCgroup cgroup,
            EnvironmentUser user)
            throws IOException {
        FunctionProtocol protocol = null;
        Path logDir = null;
        ChildProcess process = null;
        try {
            EnvironmentPeers peers = EnvironmentPeers.ofThisMachine(id);
            protocol = FunctionProtocol.open(function, options, peers);
            var env = EnvironmentVariables.of(
                    function, taskRoot, protocol.variables(), options, user == null ? Map.of() : user.variables());
            List<String> localFlags = user != null && function.runtime().isManagedJava()
                    ? AwsJniLibrary.flags(options.awsRuntimeClasspath(), user.home())
                    : List.of();
            var command = LaunchCommand.of(function, taskRoot, options, localFlags);
            if (user != null) {
                command = user.command(command);
            }
            logDir = Files.createTempDirectory("coldbrew-env-" + id + "-");
            Path output = Files.createFile(logDir.resolve(OUTPUT_FILE));
            Path telemetry =
                    function.runtime().hasTelemetryLog() ? Files.createFile(logDir.resolve(TELEMETRY_FILE)) : null;
            EnvironmentLog log = new EnvironmentLog(options.logSink());
            log.readLines(output);
            if (telemetry != null) {
                log.readFrames(telemetry);
            }
            process = ChildProcess.start(command, taskRoot, env, cgroup, output, telemetry);
            log.platformLine(PlatformLines.initStart(function, options.initCpu(), cgroup != null));
            Path dir = logDir;
            log.follow(process.exit(), id, () -> deleteLogDir(dir));
            FunctionProtocol opened = protocol;
            process.exit().whenComplete((status, error) -> opened.processExited());
            // Lambda Managed Instances: the environment runs continuously, never frozen between invokes
            boolean freeze = options.freezeBetweenInvokes() && cgroup != null && !function.managed();
            Environment environment = new Environment(id, function, protocol, cgroup, user, process, log, freeze);
            peers.bind(environment::pids);
            return environment;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.killTree(cgroup, KILL_WAIT_MS);
            }
            if (protocol != null) {
                protocol.close();
            }
            if (logDir != null) {
                deleteLogDir(logDir);
            }
            if (cgroup != null) {
                cgroup.remove(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MS));
            }
            removeHome(id, user);
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

    /**
     * Ends the Init phase of a runtime that is ready: the invoke's CPU share replaces Init's, and the file pages
     * Init brought in are metered. Called before the first event is handed over.
     */
    public void endInit() {
        if (cgroup != null) {
            try {
                cgroup.limitCpu(EnvironmentCgroup.invokeVcpus(function.memoryMb()));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "environment " + id + ": setting the invoke's CPU quota failed", e);
            }
        }
        meter.sample(pids());
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

    /**
     * Completes with true once the runtime can take its next event (over the Runtime API: it waits in
     * {@code GET /next}), false when its process exits first. An environment goes back to the pool only then.
     */
    public CompletableFuture<Boolean> readyForNext() {
        return protocol.readyForNext();
    }

    /**
     * Thaws a frozen environment, cancels a pending freeze and resets the peak memory; nothing on Lambda Managed
     * Instances, where the environment is never frozen and invocations overlap (no peak is one invocation's).
     */
    private synchronized void prepare() {
        if (function.managed()) {
            return;
        }
        freezeGeneration++;
        if (cgroup == null) {
            meter.resetProcessPeaks(pids());
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

    /**
     * Max Memory Used of this invocation as Lambda's meter reads it ({@link MemoryMeter}): the peak anonymous
     * memory (the cgroup's peak less its page cache, or the processes' peaks without cgroups), the file pages the
     * environment has brought in, and the platform's share.
     */
    public long maxMemoryUsedMb() {
        List<Long> pids = pids();
        return meter.maxMemoryUsedMb(anonymousPeakBytes(pids), pids, function.memoryMb());
    }

    private long anonymousPeakBytes(List<Long> pids) {
        if (cgroup != null) {
            try {
                return cgroup.peakMemoryBytes() - cgroup.chargedFileBytes();
            } catch (IOException | NumberFormatException e) {
                LOG.log(Level.WARNING, "environment " + id + ": reading peak memory failed", e);
            }
        }
        return meter.processAnonymousPeakBytes(pids);
    }

    /** The processes of this environment: its cgroup's, or the runtime process and its descendants. */
    private List<Long> pids() {
        if (cgroup != null) {
            return cgroup.pids();
        }
        return ProcessHandle.of(process.pid())
                .map(p -> LongStream.concat(
                                LongStream.of(p.pid()), p.descendants().mapToLong(ProcessHandle::pid))
                        .boxed()
                        .toList())
                .orElse(List.of());
    }

    /** True when the kernel's OOM killer struck this environment. */
    public boolean oomKilled() {
        return cgroup != null && cgroup.oomKilled();
    }

    /**
     * Kills the whole process tree, closes the protocol (Runtime API server or go1.x connection) and removes the
     * cgroups and the home of the environment's own user. Idempotent: a caller that finds the kill under way on another thread waits for it to end, so that no
     * caller returns while the process may still run (closing the local Lambda right after an invoke races with
     * the invoke's own clean-up).
     */
    public void kill() {
        boolean first;
        synchronized (this) {
            first = !killed;
            killed = true;
            freezeGeneration++;
        }
        if (!first) {
            awaitKill();
            return;
        }
        try {
            process.killTree(cgroup, KILL_WAIT_MS);
            protocol.close();
            if (cgroup != null && !cgroup.remove(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MS))) {
                LOG.log(Level.WARNING, "environment " + id + ": cgroup " + cgroup.name() + " could not be removed");
            }
            removeHome(id, user);
        } finally {
            killDone.countDown();
        }
    }

    /** Waits for the kill another thread does; bounded by that kill's own waits (process exit, cgroup removal). */
    private void awaitKill() {
        try {
            if (!killDone.await(3 * KILL_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "environment " + id + ": the kill under way on another thread did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** One platform log line, into this environment's log after every line its runtime wrote so far. */
    public void logLine(String line) {
        log.platformLine(line);
    }

    /** The home of the environment's own user, once its processes are gone. */
    private static void removeHome(String id, EnvironmentUser user) {
        if (user == null) {
            return;
        }
        try {
            user.remove();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "environment " + id + ": " + e.getMessage());
        }
    }

    /** The files the runtime's output went to, once it is read to the end. */
    private static void deleteLogDir(Path dir) {
        if (!Folders.deleteTree(dir)) {
            LOG.log(Level.WARNING, "removing " + dir + " failed");
        }
    }

    /** This invocation's log so far, cleared for the next. */
    public String takeLog() {
        return log.take();
    }

    static double millisSince(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1_000_000.0;
    }
}
