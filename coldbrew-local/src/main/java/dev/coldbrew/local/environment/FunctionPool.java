package dev.coldbrew.local.environment;

import dev.coldbrew.local.function.FunctionConfig;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The execution environments of one function: idle ones to reuse warm (most recently used first, as Lambda
 * routes to warm environments), a count of all environments against the concurrency limit, and throttling
 * beyond it.
 */
public final class FunctionPool {

    /** Lambda's {@code Reason} values for a throttled invoke (service model, TooManyRequestsException). */
    public static final String REASON_RESERVED = "ReservedFunctionConcurrentInvocationLimitExceeded";

    public static final String REASON_ACCOUNT = "ConcurrentInvocationLimitExceeded";

    /** The outcome of asking for an environment. */
    public sealed interface Lease {
        /** An idle environment, already initialised. */
        record Warm(Environment environment) implements Lease {}

        /** A slot for a new environment; the caller starts it, then releases or discards it. */
        record Cold() implements Lease {}

        /** The concurrency limit is reached. */
        record Throttled(String reason, int limit) implements Lease {}
    }

    private final FunctionConfig function;
    private final Path taskRoot;
    private final int limit;
    private final boolean reserved;
    private final Deque<Environment> idle = new ArrayDeque<>();
    private final Set<Environment> busy = new HashSet<>();
    private final Set<Environment> retired = new HashSet<>();
    private int starting;
    private int sequence;
    private boolean closed;

    public FunctionPool(FunctionConfig function, Path taskRoot, int accountConcurrency) {
        this.function = function;
        this.taskRoot = taskRoot;
        this.reserved = function.reservedConcurrency() != FunctionConfig.UNRESERVED;
        this.limit = reserved ? function.reservedConcurrency() : accountConcurrency;
    }

    public FunctionConfig function() {
        return function;
    }

    public Path taskRoot() {
        return taskRoot;
    }

    /** The next environment id of this function, e.g. {@code hello-3}. */
    public synchronized String nextEnvironmentId() {
        return function.name() + "-" + (++sequence);
    }

    /** A warm environment, a cold slot, or throttling. Dead idle environments found on the way are killed. */
    public Lease acquire() {
        List<Environment> dead = new ArrayList<>();
        try {
            return lease(dead);
        } finally {
            dead.forEach(Environment::kill);
        }
    }

    private synchronized Lease lease(List<Environment> dead) {
        while (!idle.isEmpty()) {
            Environment env = idle.pollFirst();
            if (env.isAlive()) {
                busy.add(env);
                return new Lease.Warm(env);
            }
            dead.add(env);
        }
        if (busy.size() + starting >= limit) {
            return new Lease.Throttled(reserved ? REASON_RESERVED : REASON_ACCOUNT, limit);
        }
        starting++;
        return new Lease.Cold();
    }

    /**
     * A cold start produced {@code env}: it now counts as busy. Returns false when the pool is closed (the caller
     * kills the environment and gives the slot back with {@link #startFailed}).
     */
    public synchronized boolean started(Environment env) {
        if (closed) {
            return false; // the slot stays with the cold start, which gives it back with startFailed()
        }
        starting--;
        busy.add(env);
        return true;
    }

    /** The init of {@code env} failed and is retried: its slot goes back to the starting ones for the retry. */
    public synchronized void initFailed(Environment env) {
        busy.remove(env);
        starting++;
    }

    /** A cold start failed before an environment existed. */
    public synchronized void startFailed() {
        starting--;
    }

    /**
     * The invocation on {@code env} is over. Returns true when the environment went back to the idle ones, false
     * when it is dead or retired (the caller kills it).
     */
    public synchronized boolean release(Environment env) {
        busy.remove(env);
        if (!closed && env.isAlive() && !retired.remove(env)) {
            idle.addFirst(env);
            return true;
        }
        return false;
    }

    /** The environment is dead (timeout, crash, OOM): it no longer counts. */
    public synchronized void discard(Environment env) {
        busy.remove(env);
        idle.remove(env);
        retired.remove(env);
    }

    /** Returns the idle environments (to kill now) and retires the busy ones (killed when released). */
    public synchronized List<Environment> retireAll() {
        retired.addAll(busy);
        List<Environment> all = new ArrayList<>(idle);
        idle.clear();
        return all;
    }

    /** Removes and returns idle environments unused since {@code olderThanNanos}. */
    public synchronized List<Environment> takeExpired(long olderThanNanos) {
        List<Environment> expired = new ArrayList<>();
        idle.removeIf(env -> {
            boolean old = env.lastUsedNanos() < olderThanNanos || !env.isAlive();
            if (old) {
                expired.add(env);
            }
            return old;
        });
        return expired;
    }

    /**
     * Closes the pool and returns every idle and busy environment for the caller to kill. From now on
     * {@link #started} and {@link #release} return false, so environments still starting or running are killed by
     * their invocation.
     */
    public synchronized List<Environment> close() {
        closed = true;
        List<Environment> all = new ArrayList<>(idle);
        all.addAll(busy);
        idle.clear();
        busy.clear();
        return all;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Environments that exist now (idle, busy or starting). */
    public synchronized int size() {
        return idle.size() + busy.size() + starting;
    }

    public synchronized List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        idle.forEach(e -> pids.add(e.pid()));
        busy.forEach(e -> pids.add(e.pid()));
        return pids;
    }
}
