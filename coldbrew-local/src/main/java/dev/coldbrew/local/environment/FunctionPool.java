package dev.coldbrew.local.environment;

import dev.coldbrew.local.function.FunctionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The execution environments of one function: idle ones to reuse warm (most recently used first, as Lambda
 * routes to warm environments), a count of all environments against the concurrency limit, and throttling
 * beyond it.
 *
 * <p>An environment is free again when its runtime asks for the next event, not when it answers the last one (on
 * Lambda an event reaches a runtime only through {@code GET /next}): after its invocation it is <i>settling</i>
 * ({@link #settling}) until its runtime waits in {@code /next}, then idle ({@link #release}); one whose process
 * exits instead (as a runtime does after {@code Runtime.OutOfMemory}) is discarded and never handed out. A caller
 * that finds no idle environment while one is settling waits for it, at most {@link #SETTLE_WAIT} after it began
 * to settle, before it starts a new one, so back-to-back invokes stay warm.
 *
 * <p>With tenant isolation ({@code PER_TENANT}) every environment belongs to the tenant it was started for, for its
 * whole life: an invoke for a tenant is only handed an idle (or settling) environment of that tenant, else a cold
 * start. The function's concurrency limit counts the environments in use across all tenants.
 *
 * <p>On Lambda Managed Instances ({@link FunctionConfig#managed()}) an environment is <i>shared</i>: it runs up to
 * {@link FunctionConfig#environmentConcurrency()} invocations at once and is handed out while it has a free slot; it
 * is busy only when all its slots are, and is never idle, settling or frozen. The concurrency limit then counts
 * invocations, not environments (concurrency is the number of requests in flight). A caller that finds no free slot
 * while an environment is starting waits for that environment when it will have a slot left, so N callers at once
 * start one environment, not N.
 */
public final class FunctionPool {

    /** Lambda's {@code Reason} values for a throttled invoke (service model, TooManyRequestsException). */
    public static final String REASON_RESERVED = "ReservedFunctionConcurrentInvocationLimitExceeded";

    public static final String REASON_ACCOUNT = "ConcurrentInvocationLimitExceeded";

    /**
     * Lambda's cap on a tenant-isolated function's environments, active or idle: 2,500 for every 1,000 of its
     * concurrency (tenant isolation troubleshooting); beyond it a new tenant environment is refused with 429.
     */
    public static final int TENANT_ENVIRONMENTS_PER_1000_CONCURRENCY = 2_500;

    /**
     * How long a caller that finds no idle environment waits for one that is settling (its runtime between its
     * answer and its next {@code GET /next}, usually well under a millisecond) before it starts a new environment.
     */
    public static final Duration SETTLE_WAIT = Duration.ofSeconds(1);

    /** The outcome of asking for an environment. */
    public sealed interface Lease {
        /** An idle environment, already initialised. */
        record Warm(Environment environment) implements Lease {}

        /** A slot for a new environment; the caller starts it, then releases or discards it. */
        record Cold() implements Lease {}

        /** The concurrency limit is reached. */
        record Throttled(String reason, int limit) implements Lease {}

        /**
         * A new tenant environment would exceed Lambda's cap on tenant environments, active or idle
         * ({@link #TENANT_ENVIRONMENTS_PER_1000_CONCURRENCY}): {@code environments} exist for a concurrency of
         * {@code limit}.
         */
        record TenantCap(int environments, int limit) implements Lease {}
    }

    private final FunctionConfig function;
    private final Path taskRoot;
    private final int limit;
    private final boolean reserved;
    private final Deque<Environment> idle = new ArrayDeque<>();
    private final Set<Environment> busy = new HashSet<>();
    /** Environments between their answer and their runtime's next {@code /next}, with when they began to settle. */
    private final Map<Environment, Long> settling = new HashMap<>();

    private final Set<Environment> retired = new HashSet<>();
    /** The tenant of each environment started for one (tenant isolation); absent for environments without. */
    private final Map<Environment, String> tenants = new HashMap<>();

    /** Lambda Managed Instances: the invocations running on each live environment. */
    private final Map<Environment, Integer> shared = new LinkedHashMap<>();
    /** Lambda Managed Instances: callers waiting for a slot in an environment that is starting. */
    private int joining;
    /** Lambda Managed Instances: started environments whose init has not ended; their slots are not handed out. */
    private final Set<Environment> initializing = new HashSet<>();

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

    /**
     * A warm environment, a cold slot, or throttling. Without an idle environment it first waits for a settling
     * one (see {@link #SETTLE_WAIT}). Dead idle environments found on the way are killed.
     */
    public Lease acquire() throws InterruptedException {
        return acquire(null);
    }

    /**
     * As {@link #acquire()} for {@code tenantId}: only an environment started for that tenant is handed out warm
     * ({@code null}: one started without a tenant).
     */
    public Lease acquire(String tenantId) throws InterruptedException {
        List<Environment> dead = new ArrayList<>();
        try {
            return lease(tenantId, dead);
        } finally {
            dead.forEach(Environment::kill);
        }
    }

    private synchronized Lease lease(String tenantId, List<Environment> dead) throws InterruptedException {
        if (function.managed()) {
            return leaseSlot(dead);
        }
        while (true) {
            Environment env = takeIdle(tenantId, dead);
            if (env != null) {
                busy.add(env);
                return new Lease.Warm(env);
            }
            long waitNanos = settleWaitNanos(tenantId, false);
            if (waitNanos <= 0 && inUse() >= limit) {
                // at the limit, an environment of another tenant that is settling frees a slot once it is idle
                waitNanos = settleWaitNanos(tenantId, true);
            }
            if (waitNanos <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
        }
        if (inUse() >= limit) {
            return new Lease.Throttled(reserved ? REASON_RESERVED : REASON_ACCOUNT, limit);
        }
        int environments = idle.size() + inUse();
        if (tenantId != null && environments >= tenantEnvironmentCap()) {
            return new Lease.TenantCap(environments, limit);
        }
        starting++;
        return new Lease.Cold();
    }

    /**
     * Lambda Managed Instances: a slot in a live environment (the first started that has one), else, when an
     * environment that is starting will have a slot left, a wait for it; else a cold start or throttling.
     */
    private Lease leaseSlot(List<Environment> dead) throws InterruptedException {
        int perEnvironment = function.environmentConcurrency();
        while (true) {
            if (runningInvocations() + starting >= limit) {
                return new Lease.Throttled(reserved ? REASON_RESERVED : REASON_ACCOUNT, limit);
            }
            for (var it = shared.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Environment, Integer> e = it.next();
                Environment env = e.getKey();
                if (!env.isAlive()) {
                    if (e.getValue() == 0) {
                        it.remove();
                        dead.add(env);
                    }
                } else if (e.getValue() < perEnvironment && !retired.contains(env) && !initializing.contains(env)) {
                    e.setValue(e.getValue() + 1);
                    return new Lease.Warm(env);
                }
            }
            if (closed || joining >= (starting + initializing.size()) * (perEnvironment - 1)) {
                break;
            }
            // an environment is starting with a slot to spare: wait for it rather than start another
            joining++;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, SETTLE_WAIT.toNanos());
            } finally {
                joining--;
            }
        }
        starting++;
        return new Lease.Cold();
    }

    private int runningInvocations() {
        int n = 0;
        for (int running : shared.values()) {
            n += running;
        }
        return n;
    }

    /**
     * Lambda Managed Instances: an invocation on shared {@code env} is over and its slot is free again. Returns
     * false when the environment no longer runs anything and must go (pool closed or environment retired): the
     * caller kills it.
     */
    public synchronized boolean finished(Environment env) {
        Integer running = shared.get(env);
        if (running == null) {
            return false;
        }
        shared.put(env, running - 1);
        notifyAll();
        if (running == 1 && (closed || retired.contains(env))) {
            shared.remove(env);
            retired.remove(env);
            return false;
        }
        return true;
    }

    /** The most recently used live idle environment of {@code tenantId}; dead idle ones go to {@code dead}. */
    private Environment takeIdle(String tenantId, List<Environment> dead) {
        for (var it = idle.iterator(); it.hasNext(); ) {
            Environment env = it.next();
            if (!env.isAlive()) {
                it.remove();
                tenants.remove(env);
                dead.add(env);
            } else if (Objects.equals(tenants.get(env), tenantId)) {
                it.remove();
                return env;
            }
        }
        return null;
    }

    /** How many tenant environments may exist: 2.5 per unit of concurrency, rounded down, at least one. */
    private int tenantEnvironmentCap() {
        return (int) Math.max(1, (long) limit * TENANT_ENVIRONMENTS_PER_1000_CONCURRENCY / 1000);
    }

    /** Environments that count against the concurrency limit: busy, settling and starting ones. */
    private int inUse() {
        return busy.size() + settling.size() + starting;
    }

    /**
     * How long to wait for the most recently settling environment of {@code tenantId} (of any tenant when
     * {@code anyTenant}): 0 when none began less than SETTLE_WAIT ago.
     */
    private long settleWaitNanos(String tenantId, boolean anyTenant) {
        long now = System.nanoTime();
        long longest = 0;
        for (Map.Entry<Environment, Long> e : settling.entrySet()) {
            if (anyTenant || Objects.equals(tenants.get(e.getKey()), tenantId)) {
                longest = Math.max(longest, e.getValue() + SETTLE_WAIT.toNanos() - now);
            }
        }
        return longest;
    }

    /** The tenant {@code env} was started for, or {@code null}. */
    public synchronized String tenantOf(Environment env) {
        return tenants.get(env);
    }

    /**
     * A cold start produced {@code env}: it now counts as busy. Returns false when the pool is closed (the caller
     * kills the environment and gives the slot back with {@link #startFailed}).
     */
    public boolean started(Environment env) {
        return started(env, null);
    }

    /** As {@link #started(Environment)}, the environment serving only {@code tenantId} (null: no tenant). */
    public synchronized boolean started(Environment env, String tenantId) {
        if (closed) {
            return false; // the slot stays with the cold start, which gives it back with startFailed()
        }
        starting--;
        notifyAll();
        if (function.managed()) {
            shared.put(env, 1);
            initializing.add(env);
            return true;
        }
        busy.add(env);
        if (tenantId != null) {
            tenants.put(env, tenantId);
        }
        return true;
    }

    /**
     * The init of started {@code env} ended well: on Lambda Managed Instances its other slots are handed out from now
     * on (callers waiting for it get them). Nothing for other functions, whose environment is busy until released.
     */
    public synchronized void initialized(Environment env) {
        if (initializing.remove(env)) {
            notifyAll();
        }
    }

    /** The init of {@code env} failed and is retried: its slot goes back to the starting ones for the retry. */
    public synchronized void initFailed(Environment env) {
        busy.remove(env);
        shared.remove(env);
        initializing.remove(env);
        tenants.remove(env);
        starting++;
    }

    /** A cold start failed before an environment existed. */
    public synchronized void startFailed() {
        starting--;
        notifyAll();
    }

    /**
     * The invocation on {@code env} is over and its runtime has not yet asked for the next event: it still counts,
     * but is not handed out. Returns false when the pool is closed or the environment retired (the caller kills it).
     */
    public synchronized boolean settling(Environment env) {
        busy.remove(env);
        if (closed || retired.remove(env)) {
            return false;
        }
        settling.put(env, System.nanoTime());
        return true;
    }

    /**
     * The runtime of settling {@code env} waits for its next event. Returns true when the environment went back to
     * the idle ones, false when it is dead, retired, expired or the pool closed (the caller kills it).
     */
    public synchronized boolean release(Environment env) {
        boolean wasSettling = settling.remove(env) != null;
        notifyAll();
        if (wasSettling && !closed && env.isAlive() && !retired.remove(env)) {
            idle.addFirst(env);
            return true;
        }
        return false;
    }

    /** The environment is dead (timeout, crash, OOM, an exit after its answer): it no longer counts. */
    public synchronized void discard(Environment env) {
        busy.remove(env);
        shared.remove(env);
        initializing.remove(env);
        idle.remove(env);
        settling.remove(env);
        retired.remove(env);
        tenants.remove(env);
        notifyAll();
    }

    /**
     * Returns the idle and settling environments (to kill now: none has an invocation in flight) and retires the
     * busy ones (killed when released).
     */
    public synchronized List<Environment> retireAll() {
        retired.addAll(busy);
        List<Environment> all = new ArrayList<>(idle);
        for (var it = shared.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Environment, Integer> e = it.next();
            if (e.getValue() == 0) {
                all.add(e.getKey());
                it.remove();
            } else {
                retired.add(e.getKey());
            }
        }
        all.addAll(settling.keySet());
        idle.clear();
        settling.clear();
        all.forEach(tenants::remove);
        notifyAll();
        return all;
    }

    /**
     * Removes and returns idle environments unused since {@code olderThanNanos}, and settling ones whose runtime has
     * not asked for its next event since then.
     */
    public synchronized List<Environment> takeExpired(long olderThanNanos) {
        List<Environment> expired = new ArrayList<>();
        idle.removeIf(env -> {
            boolean old = env.lastUsedNanos() < olderThanNanos || !env.isAlive();
            if (old) {
                expired.add(env);
            }
            return old;
        });
        settling.keySet().removeIf(env -> {
            boolean old = env.lastUsedNanos() < olderThanNanos;
            if (old) {
                expired.add(env);
            }
            return old;
        });
        shared.entrySet().removeIf(e -> {
            boolean old = e.getValue() == 0
                    && (e.getKey().lastUsedNanos() < olderThanNanos
                            || !e.getKey().isAlive());
            if (old) {
                expired.add(e.getKey());
            }
            return old;
        });
        expired.forEach(tenants::remove);
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
        all.addAll(settling.keySet());
        all.addAll(shared.keySet());
        idle.clear();
        busy.clear();
        settling.clear();
        shared.clear();
        initializing.clear();
        tenants.clear();
        notifyAll();
        return all;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Environments that exist now (idle, busy, settling or starting). */
    public synchronized int size() {
        return idle.size() + busy.size() + settling.size() + shared.size() + starting;
    }

    /** The pids of the idle environments (frozen or about to be), most recently used first. */
    public synchronized List<Long> idlePids() {
        return idle.stream().map(Environment::pid).toList();
    }

    public synchronized List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        idle.forEach(e -> pids.add(e.pid()));
        busy.forEach(e -> pids.add(e.pid()));
        settling.keySet().forEach(e -> pids.add(e.pid()));
        shared.keySet().forEach(e -> pids.add(e.pid()));
        return pids;
    }
}
