package dev.coldbrew.local;

import dev.coldbrew.local.cgroup.Cgroups;
import dev.coldbrew.local.cgroup.EnvironmentCgroup;
import dev.coldbrew.local.environment.CodePackage;
import dev.coldbrew.local.environment.Environment;
import dev.coldbrew.local.environment.FunctionPool;
import dev.coldbrew.local.environment.Invoker;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.FunctionNames;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.Tenancy;
import dev.coldbrew.local.http.ServiceErrors;
import dev.coldbrew.local.invokeapi.InvokeTarget;
import dev.coldbrew.local.isolation.EnvironmentUser;
import dev.coldbrew.local.isolation.EnvironmentUsers;
import dev.coldbrew.local.runtimeapi.ResponseStream;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local Lambda: registered functions, their execution environments and the Invoke API. Every invocation,
 * from Java or over HTTP, goes through {@link #invoke}. {@link #close} kills every environment's process tree
 * and removes every cgroup.
 */
public final class LocalLambda implements InvokeTarget, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalLambda.class.getName());

    private final LocalOptions options;
    private final Optional<Cgroups> cgroups;
    private final EnvironmentUsers users;
    /** The functions whose environments run as users of their own. */
    private final Set<String> ownUsers = ConcurrentHashMap.newKeySet();

    private final Invoker invoker;
    private final Map<String, FunctionPool> pools = new ConcurrentHashMap<>();
    private final Map<String, CodePackage> packages = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final List<HttpInvokeServer> servers = new ArrayList<>();
    private final String instanceId =
            ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean closed;

    private LocalLambda(LocalOptions options, Optional<Cgroups> cgroups, EnvironmentUsers users) {
        this.options = options;
        this.cgroups = cgroups;
        this.users = users;
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coldbrew-idle");
            t.setDaemon(true);
            return t;
        });
        this.invoker = new Invoker(options, this::startEnvironment, reaper);
        long periodMs = Math.max(10, Math.min(1_000, options.idleExpiry().toMillis() / 2));
        reaper.scheduleWithFixedDelay(this::expireIdle, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /**
     * A local Lambda with cgroup limits where they are writable, and environments as users of their own when it runs
     * as root; says once when either does not hold.
     */
    public static LocalLambda create(LocalOptions options) {
        Optional<Cgroups> cgroups = Optional.empty();
        if (options.enforceLimits()) {
            Cgroups.Result detected = Cgroups.detect(options.cgroupRoot(), options.cgroupParent());
            cgroups = detected.cgroups();
            cgroups.ifPresent(c -> LOG.log(Level.DEBUG, "coldbrew local: limits through " + c.describe()));
            if (cgroups.isEmpty()) {
                options.logSink()
                        .accept("coldbrew local: memory, CPU and pids limits are NOT enforced ("
                                + detected.unavailableReason() + ")");
            }
        } else {
            options.logSink().accept("coldbrew local: limits are NOT enforced (disabled by configuration)");
        }
        EnvironmentUsers users = EnvironmentUsers.detect(options.sameUser());
        if (!users.available() && !options.sameUser()) {
            options.logSink()
                    .accept("coldbrew local: environments run as the current user (" + users.unavailableReason()
                            + "): their Runtime API connections and go1.x ports are checked, but a function can read"
                            + " another's /proc/<pid>/environ, files and /tmp");
        }
        return new LocalLambda(options, cgroups, users);
    }

    /** True when {@code functionName}'s environments run as users of their own. */
    public boolean runsAsOwnUsers(String functionName) {
        return ownUsers.contains(FunctionNames.baseName(functionName));
    }

    /** True when environments run inside cgroups with Lambda's limits. */
    public boolean limitsEnforced() {
        return cgroups.isPresent();
    }

    public LocalOptions options() {
        return options;
    }

    @Override
    public String region() {
        return options.region();
    }

    /**
     * Adds a function. A zip is extracted once.
     *
     * @throws IllegalArgumentException if a function of that name exists or the runtime cannot be started here
     * @throws UncheckedIOException if the code cannot be read
     */
    public void register(FunctionConfig function) {
        if (function.runtime().isManagedJava() && options.awsRuntimeClasspath().isEmpty()) {
            throw new IllegalArgumentException("function " + function.name() + ": runtime "
                    + function.runtime().id()
                    + " needs the jars of AWS's runtime interface client (LocalOptions.awsRuntimeClasspath)");
        }
        if (pools.containsKey(function.name())) {
            throw new IllegalArgumentException("function " + function.name() + " is already registered");
        }
        try {
            CodePackage code = CodePackage.open(function.code());
            packages.put(function.name(), code);
            if (users.available()) {
                chooseUser(function, code.taskRoot());
            }
            pools.put(function.name(), new FunctionPool(function, code.taskRoot(), options.accountConcurrency()));
        } catch (IOException e) {
            throw new UncheckedIOException("register function " + function.name() + " failed", e);
        }
    }

    /**
     * A function runs as users of its own when any user can read its code and its runtime's files; otherwise as the
     * current user, said once.
     */
    private void chooseUser(FunctionConfig function, Path taskRoot) throws IOException {
        Optional<String> blocked = EnvironmentUsers.unreadableByOthers(taskRoot, runtimeFiles(function));
        if (blocked.isEmpty()) {
            ownUsers.add(function.name());
            return;
        }
        options.logSink()
                .accept("coldbrew local: function " + function.name() + " runs as the current user, not as users of"
                        + " its own: " + blocked.get() + "; its environments can read each other's and other"
                        + " functions' /proc/<pid>/environ");
    }

    /** The files outside the task root a function's runtime reads: the JVM, AWS's runtime client. */
    private List<Path> runtimeFiles(FunctionConfig function) {
        Path java = options.javaHome().resolve("bin").resolve("java");
        return switch (function.runtime()) {
            case JAVA17, JAVA21, JAVA25 -> {
                List<Path> files = new ArrayList<>(options.awsRuntimeClasspath());
                files.add(java);
                yield files;
            }
            case COLDBREW -> List.of(java);
            case PROVIDED, GO1X -> List.of();
        };
    }

    /** The registered functions, by name. */
    @Override
    public List<FunctionConfig> functions() {
        return pools.values().stream()
                .map(FunctionPool::function)
                .sorted(java.util.Comparator.comparing(FunctionConfig::name))
                .toList();
    }

    /** The registered function for a name, a {@code name:qualifier}, or a full or partial ARN. */
    @Override
    public Optional<FunctionConfig> function(String nameOrArn) {
        return Optional.ofNullable(pools.get(FunctionNames.baseName(nameOrArn))).map(FunctionPool::function);
    }

    /**
     * Invokes synchronously (RequestResponse), exactly as the Invoke API does: 200 with the response or a
     * function error ({@code functionError} = {@code Unhandled}); 404 for an unknown function, 413 for a payload
     * over 6 MB, 429 at the concurrency limit (service errors carry no report).
     */
    public InvocationResult invoke(String functionName, byte[] payload) {
        return invoke(functionName, payload, null);
    }

    /** As {@link #invoke(String, byte[])} with the decoded client context JSON delivered to the runtime. */
    @Override
    public InvocationResult invoke(String functionName, byte[] payload, String clientContext) {
        return invokeStreaming(functionName, payload, clientContext, null, null);
    }

    /**
     * As {@link #invoke(String, byte[], String)} for a tenant ({@code X-Amz-Tenant-Id}): a function with tenant
     * isolation {@code PER_TENANT} runs it in an environment that serves only that tenant; 400 when the tenant id is
     * missing on such a function, present on any other, or not of Lambda's form.
     */
    @Override
    public InvocationResult invoke(String functionName, byte[] payload, String clientContext, String tenantId) {
        return invokeStreaming(functionName, payload, clientContext, tenantId, null);
    }

    /**
     * As {@link #invoke(String, byte[], String)}; a response the function streams goes to {@code stream} as it is
     * written (null: buffered as {@code Invoke} does, up to 6 MB).
     */
    @Override
    public InvocationResult invokeStreaming(
            String functionName, byte[] payload, String clientContext, ResponseStream stream) {
        return invokeStreaming(functionName, payload, clientContext, null, stream);
    }

    /** As {@link #invokeStreaming(String, byte[], String, ResponseStream)} for a tenant (or {@code null}). */
    @Override
    public InvocationResult invokeStreaming(
            String functionName, byte[] payload, String clientContext, String tenantId, ResponseStream stream) {
        String requestId = UUID.randomUUID().toString();
        FunctionPool pool = pools.get(FunctionNames.baseName(functionName));
        if (pool == null || closed) {
            return ServiceErrors.notFound(requestId, FunctionNames.arn(options.region(), functionName));
        }
        String refusal = Tenancy.invalidTenantId(tenantId);
        if (refusal == null) {
            refusal = Tenancy.refusal(pool.function(), tenantId).orElse(null);
        }
        if (refusal != null) {
            return ServiceErrors.invalidParameter(requestId, refusal);
        }
        if (payload.length > RuntimeApi.MAX_REQUEST_BYTES) {
            return ServiceErrors.tooLarge(requestId, payload.length, RuntimeApi.MAX_REQUEST_BYTES);
        }
        try {
            return invoker.invoke(pool, new Invoker.Request(requestId, payload, clientContext, stream, tenantId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("invoke " + functionName + " interrupted", e);
        }
    }

    /**
     * An Event invocation: runs in the background and its result goes to the log only. As on Lambda, an event
     * that is throttled stays queued and is retried every {@link #EVENT_RETRY_INTERVAL} while the local Lambda
     * runs; other service errors drop it with a log line. (Lambda's retries of events that failed in the function
     * are not reproduced.)
     */
    @Override
    public void invokeAsync(String functionName, byte[] payload) {
        invokeAsync(functionName, payload, null);
    }

    /** As {@link #invokeAsync(String, byte[])} for a tenant (or {@code null}). */
    @Override
    public void invokeAsync(String functionName, byte[] payload, String tenantId) {
        background.execute(() -> {
            try {
                InvocationResult result = invoke(functionName, payload, null, tenantId);
                while (result.statusCode() == 429 && !closed) {
                    Thread.sleep(EVENT_RETRY_INTERVAL);
                    result = invoke(functionName, payload, null, tenantId);
                }
                if (result.statusCode() != 200 && !closed) {
                    options.logSink()
                            .accept("coldbrew local: Event invocation " + result.requestId() + " of " + functionName
                                    + " dropped: HTTP " + result.statusCode() + " " + result.payloadText());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                LOG.log(Level.DEBUG, "event invocation of " + functionName + " ended by close", e);
            }
        });
    }

    /** How often a throttled Event invocation is retried: the Retry-After the Invoke API gives, 1 s. */
    public static final java.time.Duration EVENT_RETRY_INTERVAL =
            java.time.Duration.ofSeconds(ServiceErrors.RETRY_AFTER_SECONDS);

    /** Kills the function's idle environments now and its busy ones when they finish: the next invoke is cold. */
    public void stopEnvironments(String functionName) {
        FunctionPool pool = pools.get(FunctionNames.baseName(functionName));
        if (pool == null) {
            throw new IllegalArgumentException("unknown function '" + functionName + "'");
        }
        pool.retireAll().forEach(Environment::kill);
    }

    /** The pids of a function's runtime processes (idle and busy environments). */
    public List<Long> environmentPids(String functionName) {
        FunctionPool pool = pools.get(FunctionNames.baseName(functionName));
        return pool == null ? List.of() : pool.pids();
    }

    /** The pids of a function's idle environments, ready to be handed an invocation, most recently used first. */
    public List<Long> idleEnvironmentPids(String functionName) {
        FunctionPool pool = pools.get(FunctionNames.baseName(functionName));
        return pool == null ? List.of() : pool.idlePids();
    }

    /** Serves the Invoke API on {@code address} (127.0.0.1:9000 by default in the CLI). */
    public HttpInvokeServer serve(InetSocketAddress address) {
        try {
            HttpInvokeServer server = HttpInvokeServer.start(this, address);
            synchronized (servers) {
                servers.add(server);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("serve the Invoke API on " + address + " failed", e);
        }
    }

    /**
     * A new environment: its user (see {@link #chooseUser}), its cgroups, then its process. {@link Environment#start}
     * owns the user and the cgroups once it has them and removes both when the start fails; before that, a failure to
     * create the cgroups removes the user's home here.
     */
    private Environment startEnvironment(FunctionPool pool) throws IOException {
        String id = pool.nextEnvironmentId();
        EnvironmentUser user = ownUsers.contains(pool.function().name()) ? users.create(id) : null;
        EnvironmentCgroup cgroup;
        try {
            cgroup = cgroup(pool.function(), id);
        } catch (IOException | RuntimeException e) {
            if (user != null) {
                try {
                    user.remove();
                } catch (IOException removal) {
                    e.addSuppressed(removal);
                }
            }
            throw e;
        }
        return Environment.start(id, pool.function(), pool.taskRoot(), options, cgroup, user);
    }

    /** The environment's cgroups with the function's limits; null when limits are not enforced. */
    private EnvironmentCgroup cgroup(FunctionConfig function, String id) throws IOException {
        if (cgroups.isEmpty()) {
            return null;
        }
        int memoryMb = function.memoryMb();
        return cgroups.get()
                .create(instanceId + "-" + id, memoryMb, options.initCpu().vcpus(memoryMb));
    }

    private void expireIdle() {
        long olderThan = System.nanoTime() - options.idleExpiry().toNanos();
        for (FunctionPool pool : pools.values()) {
            for (Environment env : pool.takeExpired(olderThan)) {
                LOG.log(Level.DEBUG, "environment " + env.id() + ": idle expiry");
                env.kill();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (servers) {
            servers.forEach(HttpInvokeServer::close);
        }
        reaper.shutdownNow();
        background.shutdownNow();
        for (FunctionPool pool : pools.values()) {
            pool.close().forEach(Environment::kill);
        }
        packages.values().forEach(CodePackage::close);
        cgroups.ifPresent(Cgroups::close);
    }
}
