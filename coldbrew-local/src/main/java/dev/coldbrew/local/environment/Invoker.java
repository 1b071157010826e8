package dev.coldbrew.local.environment;

import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_EXIT;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_INVALID_ENTRYPOINT;
import static dev.coldbrew.runtime.api.RuntimeApi.FN_ERROR_TIMEOUT;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.FunctionNames;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.Report;
import dev.coldbrew.local.http.ServiceErrors;
import dev.coldbrew.local.runtimeapi.Invocation;
import dev.coldbrew.local.runtimeapi.Outcome;
import dev.coldbrew.local.runtimeapi.ResponseStream;
import dev.coldbrew.runtime.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one synchronous invocation through a function's pool: a warm environment or a cold start (init limited
 * to 10 s, then retried inside the invoke with the function timeout, as Lambda does), the event, START/END/
 * REPORT lines, and the outcome's classification ({@link Classified}).
 */
public final class Invoker {

    /** The {@code Phase} of an INIT_REPORT line: the first init, or its retry inside the first invoke. */
    static final String PHASE_INIT = "init";

    static final String PHASE_INVOKE = "invoke";

    private final LocalOptions options;
    private final EnvironmentFactory factory;
    private final ScheduledExecutorService scheduler;

    /** Starts environments (with their cgroups) for a pool. */
    public interface EnvironmentFactory {
        Environment start(FunctionPool pool) throws java.io.IOException;
    }

    public Invoker(LocalOptions options, EnvironmentFactory factory, ScheduledExecutorService scheduler) {
        this.options = options;
        this.factory = factory;
        this.scheduler = scheduler;
    }

    /**
     * A request to invoke: the payload, the decoded client context (or {@code null}), where a streamed response
     * goes as it is written (or {@code null} to buffer it, as the Invoke API does) and the tenant id (or
     * {@code null}): with one, only an environment of that tenant runs it.
     */
    public record Request(
            String requestId, byte[] payload, String clientContext, ResponseStream stream, String tenantId) {
        public Request(String requestId, byte[] payload, String clientContext) {
            this(requestId, payload, clientContext, null, null);
        }
    }

    public InvocationResult invoke(FunctionPool pool, Request request) throws InterruptedException {
        FunctionPool.Lease lease = pool.acquire(request.tenantId());
        return switch (lease) {
            case FunctionPool.Lease.Throttled t -> ServiceErrors.throttled(request.requestId(), t.reason(), t.limit());
            case FunctionPool.Lease.TenantCap t ->
                ServiceErrors.tenantEnvironments(request.requestId(), t.environments(), t.limit());
            case FunctionPool.Lease.Warm w -> run(pool, w.environment(), request, OptionalDouble.empty(), 0);
            case FunctionPool.Lease.Cold c -> cold(pool, request);
        };
    }

    private InvocationResult cold(FunctionPool pool, Request request) throws InterruptedException {
        Started first = startAndInit(pool, request.tenantId(), options.initTimeout(), PHASE_INIT, false);
        if (first.ready()) {
            return run(pool, first.environment(), request, OptionalDouble.of(first.initMs()), 0);
        }
        if (pool.isClosed()) {
            pool.startFailed();
            return initFailed(first, "", request.requestId(), pool.function(), 0);
        }
        // Lambda retries a failed init inside the first invoke, limited by the function timeout.
        FunctionConfig function = pool.function();
        long retryStart = System.nanoTime();
        Started retry = startAndInit(pool, request.tenantId(), function.timeout(), PHASE_INVOKE, true);
        double spentMs = (System.nanoTime() - retryStart) / 1e6;
        if (retry.ready()) {
            InvocationResult result = run(pool, retry.environment(), request, OptionalDouble.empty(), spentMs);
            return new InvocationResult(
                    result.requestId(),
                    result.statusCode(),
                    result.payload(),
                    result.functionError(),
                    result.report(),
                    first.log() + result.log(),
                    result.contentType());
        }
        return initFailed(retry, first.log(), request.requestId(), function, spentMs);
    }

    /** A started environment and its init outcome; {@code environment} is null when it could not start. */
    private record Started(Environment environment, Environment.Init init, String log, long maxMemoryMb) {
        boolean ready() {
            return init instanceof Environment.Init.Ready;
        }

        double initMs() {
            return switch (init) {
                case Environment.Init.Ready r -> r.durationMs();
                case Environment.Init.Failed f -> f.durationMs();
            };
        }
    }

    /**
     * Starts an environment in the cold lease's slot (for {@code tenantId}, or null) and waits for its init. A failed
     * attempt that is not the {@code last} keeps the slot for the retry, so that the lease gives its slot back exactly
     * once.
     */
    private Started startAndInit(FunctionPool pool, String tenantId, Duration limit, String phase, boolean last)
            throws InterruptedException {
        Environment env;
        try {
            env = factory.start(pool);
        } catch (java.io.IOException | RuntimeException e) {
            if (last) {
                pool.startFailed();
            }
            String type = e instanceof InvalidEntrypointException ? FN_ERROR_INVALID_ENTRYPOINT : FN_ERROR_EXIT;
            options.logSink()
                    .accept("function " + pool.function().name() + ": start failed: " + type + ": " + e.getMessage());
            return new Started(null, new Environment.Init.Failed(0, "error", type, null), e.getMessage() + "\n", 0);
        }
        if (!pool.started(env, tenantId)) {
            env.kill();
            if (last) {
                pool.startFailed();
            }
            String closed = "function " + pool.function().name() + ": local Lambda closed during the cold start";
            return new Started(env, new Environment.Init.Failed(0, "error", FN_ERROR_EXIT, null), closed + "\n", 0);
        }
        boolean initEnded = false;
        try {
            Environment.Init init = env.awaitInit(limit);
            initEnded = true;
            if (init instanceof Environment.Init.Failed f) {
                return failedInit(pool, env, f, phase, last);
            }
            env.endInit();
            pool.initialized(env);
            return new Started(env, init, "", 0);
        } finally {
            if (!initEnded) {
                retire(pool, env);
            }
        }
    }

    private Started failedInit(
            FunctionPool pool, Environment env, Environment.Init.Failed f, String phase, boolean last) {
        env.logLine(PlatformLines.initReport(f.durationMs(), phase, f.status(), f.errorType()));
        String log = env.takeLog();
        long peak = env.maxMemoryUsedMb();
        env.kill();
        if (last) {
            pool.discard(env);
        } else {
            pool.initFailed(env);
        }
        return new Started(env, f, log, peak);
    }

    /** Kills {@code env}, then frees its slot in the pool. */
    private static void retire(FunctionPool pool, Environment env) {
        env.kill();
        pool.discard(env);
    }

    /**
     * Gives {@code env} back to the pool once its runtime asks for the next event: until then it settles (counted,
     * not handed out); then it is frozen when idle and reused, or, when its process exits first (as after
     * {@code Runtime.OutOfMemory}), killed and discarded. False when the pool is closed or the environment retired
     * (the caller kills it).
     */
    private boolean settle(FunctionPool pool, Environment env) {
        if (!pool.settling(env)) {
            return false;
        }
        // on a thread of its own: the future completes on the runtime's /next handler or the process watcher, and a
        // kill from either would close what it runs on
        env.readyForNext()
                .whenCompleteAsync(
                        (ready, error) -> {
                            if (!Boolean.TRUE.equals(ready) || !freezeAndRelease(pool, env)) {
                                retire(pool, env);
                            }
                        },
                        command -> Thread.ofVirtual().name("settle-" + env.id()).start(command));
        return true;
    }

    /**
     * Freezes {@code env} when idle and gives it back to the pool; false when the pool is closed or the
     * environment retired or dead (the caller kills it).
     */
    private boolean freezeAndRelease(FunctionPool pool, Environment env) {
        try {
            env.freezeWhenIdle(scheduler, options.freezeDelay());
        } catch (RejectedExecutionException e) {
            return false;
        }
        return pool.release(env);
    }

    private InvocationResult initFailed(
            Started failed, String firstLog, String requestId, FunctionConfig function, double spentMs) {
        var init = (Environment.Init.Failed) failed.init();
        boolean timeout = "timeout".equals(init.status());
        byte[] body;
        if (timeout) {
            body = errorBody(
                    FN_ERROR_TIMEOUT,
                    "RequestId: " + requestId + " Error: "
                            + PlatformLines.timeoutMessage(function.timeout().toMillis() / 1000.0));
        } else if (init.errorBody() != null && init.errorBody().length > 0) {
            body = init.errorBody();
        } else {
            String reason = failed.environment() == null
                    ? failed.log().trim()
                    : failed.environment().exitDescription();
            body = errorBody(init.errorType(), PlatformLines.exited(requestId, reason));
        }
        double durationMs = Math.min(spentMs, function.timeout().toMillis());
        Report report = report(
                requestId,
                function,
                durationMs,
                failed.maxMemoryMb(),
                OptionalDouble.empty(),
                timeout ? Report.STATUS_TIMEOUT : Report.STATUS_ERROR,
                timeout ? null : init.errorType());
        String end = PlatformLines.end(requestId);
        String log = firstLog + PlatformLines.start(requestId) + "\n" + failed.log() + end + "\n" + report.toLogLine()
                + "\n";
        options.logSink().accept(end);
        options.logSink().accept(report.toLogLine());
        return new InvocationResult(requestId, 200, body, InvocationResult.UNHANDLED, report, log);
    }

    private InvocationResult run(
            FunctionPool pool, Environment env, Request request, OptionalDouble initMs, double initRetryMs)
            throws InterruptedException {
        FunctionConfig function = pool.function();
        if (function.managed()) {
            return runShared(pool, env, request, initMs, initRetryMs);
        }
        String id = request.requestId();
        Duration remaining = function.timeout().minusNanos((long) (initRetryMs * 1e6));
        env.logLine(PlatformLines.start(id));
        long deadline = System.currentTimeMillis() + remaining.toMillis();
        Invocation invocation = Invocation.of(
                        id, request.payload(), deadline, arn(function), request.clientContext(), request.stream())
                .withTenantId(request.tenantId());
        long start = System.nanoTime();
        boolean released = false;
        try {
            Outcome outcome = env.invoke(invocation, remaining);
            double durationMs = initRetryMs + (System.nanoTime() - start) / 1e6;
            long maxMemory = env.maxMemoryUsedMb();
            Classified result = Classified.of(env, outcome, id, function);
            if (result.killEnvironment()) {
                retire(pool, env);
                durationMs = outcome == null ? function.timeout().toMillis() : durationMs;
            }
            env.logLine(PlatformLines.end(id));
            Report report = report(id, function, durationMs, maxMemory, initMs, result.status(), result.errorType());
            env.logLine(report.toLogLine());
            String log = env.takeLog();
            released = !result.killEnvironment() && settle(pool, env);
            return new InvocationResult(
                    id, 200, result.body(), result.functionError(), report, log, result.contentType());
        } finally {
            if (!released) {
                retire(pool, env);
            }
        }
    }

    /**
     * One invocation on a Lambda Managed Instances environment, which other invocations share: JSON platform lines
     * ({@link ManagedPlatformLogs}), no freeze, and the slot given back to the pool when the runtime has answered.
     * A timeout fails this invocation only, as Lambda does there (docs lambda-managed-instances-execution-environment:
     * the timeout is not enforced, the code keeps running, the other invocations and the environment go on): its
     * slot stays taken until the runtime answers it. A crash of the runtime process fails every invocation in
     * flight on the environment, which is replaced.
     */
    private InvocationResult runShared(
            FunctionPool pool, Environment env, Request request, OptionalDouble initMs, double initRetryMs)
            throws InterruptedException {
        FunctionConfig function = pool.function();
        String id = request.requestId();
        Duration remaining = function.timeout().minusNanos((long) (initRetryMs * 1e6));
        StringBuilder log = new StringBuilder();
        String startLine = ManagedPlatformLogs.start(id);
        env.logLine(startLine);
        log.append(startLine).append('\n');
        long deadline = System.currentTimeMillis() + remaining.toMillis();
        Invocation invocation = Invocation.of(
                id, request.payload(), deadline, arn(function), request.clientContext(), request.stream());
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = env.invoke(invocation, remaining);
        } catch (InterruptedException e) {
            // this caller stops waiting; the others sharing the environment go on, and the slot frees with the answer
            invocation.result().whenCompleteAsync((late, error) -> giveBack(pool, env), Invoker::onVirtualThread);
            throw e;
        } catch (RuntimeException e) {
            retire(pool, env);
            throw e;
        }
        double durationMs = initRetryMs + (System.nanoTime() - start) / 1e6;
        Classified result = Classified.of(env, outcome, id, function);
        if (outcome == null) {
            durationMs = function.timeout().toMillis();
            invocation.result().whenCompleteAsync((late, error) -> giveBack(pool, env), Invoker::onVirtualThread);
        } else if (result.killEnvironment()) {
            retire(pool, env);
        } else {
            giveBack(pool, env);
        }
        String reportLine = ManagedPlatformLogs.report(id, durationMs, initMs, result.status(), result.errorType());
        env.logLine(reportLine);
        log.append(reportLine).append('\n');
        Report report = report(
                id, function, durationMs, Report.MEMORY_NOT_MEASURED, initMs, result.status(), result.errorType());
        return new InvocationResult(
                id, 200, result.body(), result.functionError(), report, log.toString(), result.contentType());
    }

    /** Frees the slot of an invocation on shared {@code env}; kills it when it must go and runs nothing more. */
    private static void giveBack(FunctionPool pool, Environment env) {
        if (!pool.finished(env)) {
            retire(pool, env);
        }
    }

    private static void onVirtualThread(Runnable command) {
        Thread.ofVirtual().name("managed-slot").start(command);
    }

    private Report report(
            String id,
            FunctionConfig function,
            double durationMs,
            long maxMemoryMb,
            OptionalDouble initMs,
            String status,
            String errorType) {
        return new Report(
                id,
                durationMs,
                Report.billed(durationMs, initMs),
                function.memoryMb(),
                maxMemoryMb,
                initMs,
                status,
                errorType);
    }

    /** The function's ARN as the runtime sees it ({@code Lambda-Runtime-Invoked-Function-Arn}). */
    public String arn(FunctionConfig function) {
        return "arn:aws:lambda:" + options.region() + ":" + FunctionNames.ACCOUNT_ID + ":function:" + function.name();
    }

    static byte[] errorBody(String type, String message) {
        return JsonWriter.create()
                .beginObject()
                .field("errorType", type)
                .field("errorMessage", message)
                .endObject()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
