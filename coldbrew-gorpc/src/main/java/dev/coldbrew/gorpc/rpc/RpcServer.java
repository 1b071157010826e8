package dev.coldbrew.gorpc.rpc;

import dev.coldbrew.gorpc.gob.GobLimits;
import dev.coldbrew.gorpc.gob.TypeIdAllocator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * A net/rpc server speaking the gob codec, as Go's {@code rpc.Accept} does: many connections (up to a maximum),
 * each with its own gob streams and type registries. Calls run concurrently on pooled threads, as Go runs each in
 * its own goroutine, so replies may leave out of order (clients match them by sequence number); see
 * {@link ServerConnection}. Platform threads, not virtual ones: the first virtual thread costs a cold start
 * measurably more. Binds loopback only.
 *
 * <p>Failure classes: a malformed or hostile stream closes that connection (logged), never the server; an
 * unknown method gets net/rpc's error reply and the connection continues. Each connection takes at least one
 * thread, so connections beyond {@link Builder#maxConnections} are closed as soon as they are accepted, and a
 * connection that gets no thread (the process is out of threads) is closed while the server accepts on.
 */
public final class RpcServer implements AutoCloseable {
    /** Pause after a failed accept (for example out of file descriptors) before trying again. */
    private static final long ACCEPT_RETRY_MS = 50;
    /**
     * Open connections served at once by default. Lambda's go1.x runtime and Go's {@code rpc.Client} keep one;
     * each takes a thread, plus one per call running (see {@link ServerConnection#MAX_CALLS_IN_FLIGHT}).
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /**
     * How long a request may take to arrive once its first byte has: far more than a 6 MiB request needs over
     * loopback, little enough that a peer that stops mid-request does not hold a thread for good.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The default memory budget is the maximum heap divided by this (an eighth), and at least two of the largest
     * messages: a message costs a few times its length until its call is answered (the buffered message, the
     * decoded value, for an echo the encoded reply). With a quarter, 80 connections sending 6 MiB each at once
     * still ran a 256 MiB heap out of memory once in two runs ({@code bench.sh flood}).
     */
    public static final int DEFAULT_MEMORY_BUDGET_HEAP_DIVISOR = 8;

    private final Settings settings;
    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final int maxConnections;
    private boolean refusalLogged; // accept thread only
    private boolean threadFailureLogged; // accept thread only

    private RpcServer(Builder builder, ServerSocket listener) {
        // Connections read and run calls on these threads; idle ones are kept for the next call (warm invokes).
        ExecutorService threads = Executors.newCachedThreadPool(builder.threadFactory);
        this.settings = new Settings(
                Map.copyOf(builder.methods),
                builder.limits,
                builder.typeIds,
                threads,
                builder.requestTimeout,
                new MemoryBudget(builder.memoryBudget()));
        this.maxConnections = builder.maxConnections;
        this.listener = listener;
        this.acceptor = Thread.ofPlatform()
                .name("gorpc-accept-" + listener.getLocalPort())
                .daemon()
                .unstarted(this::acceptLoop);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return listener.getLocalPort();
    }

    /** The memory budget the connections share (tests). */
    MemoryBudget budget() {
        return settings.budget();
    }

    /** Connections open now (tests). */
    int openConnections() {
        return connections.size();
    }

    /** Blocks until the server is closed. */
    public void awaitClose() throws InterruptedException {
        acceptor.join();
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : connections) {
            socket.close();
        }
        settings.threads().shutdown();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    log().log(System.Logger.Level.WARNING, "gorpc server on port " + port() + ": accept failed", e);
                    pauseAfterFailedAccept();
                }
                continue;
            }
            if (connections.size() >= maxConnections) {
                refuse(socket);
                continue;
            }
            connections.add(socket);
            setNoDelay(socket);
            if (listener.isClosed()) {
                closeQuietly(socket); // close() ran between accept and add
                return;
            }
            serve(socket);
        }
    }

    /** Closes a connection beyond {@link #maxConnections} at once; logs the first one only. */
    private void refuse(Socket socket) {
        if (!refusalLogged) {
            refusalLogged = true;
            log().log(
                            System.Logger.Level.WARNING,
                            "gorpc server on port " + port() + ": " + maxConnections + " connections open, closing "
                                    + "the one from " + socket.getRemoteSocketAddress() + " and any further one beyond "
                                    + "the limit (logged once)");
        }
        closeQuietly(socket);
    }

    /**
     * Looked up on the first failure only: {@code System.getLogger} costs tens of milliseconds of start-up
     * (it loads the logging backend), which a function that never fails should not pay.
     */
    private static System.Logger log() {
        return System.getLogger(RpcServer.class.getName());
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(ACCEPT_RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Go sets TCP_NODELAY on every TCP connection; replies are flushed whole, so Nagle only adds delay. */
    private static void setNoDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            log().log(System.Logger.Level.DEBUG, "gorpc: TCP_NODELAY on " + socket + " failed: " + e.getMessage());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log().log(System.Logger.Level.DEBUG, "gorpc: closing " + socket + " failed: " + e.getMessage());
        }
    }

    private void serve(Socket socket) {
        ServerConnection connection;
        try {
            connection = new ServerConnection(socket, settings, listener::isClosed, () -> connections.remove(socket));
        } catch (IOException | OutOfMemoryError e) {
            log().log(
                            System.Logger.Level.WARNING,
                            "gorpc connection from " + socket.getRemoteSocketAddress() + " could not be set up: " + e);
            closeQuietly(socket);
            connections.remove(socket);
            return;
        }
        Throwable noThread = connection.start();
        if (noThread != null && !listener.isClosed() && !threadFailureLogged) {
            threadFailureLogged = true;
            log().log(
                            System.Logger.Level.WARNING,
                            "gorpc server on port " + port() + ": no thread for the connection from "
                                    + socket.getRemoteSocketAddress() + ", closed it and accepting on (logged once): "
                                    + noThread);
        }
    }

    /** What every connection of this server shares. */
    record Settings(
            Map<String, RpcMethod<?, ?>> methods,
            GobLimits limits,
            Supplier<TypeIdAllocator> typeIds,
            ExecutorService threads,
            Duration requestTimeout,
            MemoryBudget budget) {}

    public static final class Builder {
        private final Map<String, RpcMethod<?, ?>> methods = new LinkedHashMap<>();
        private GobLimits limits = GobLimits.DEFAULT;
        private Supplier<TypeIdAllocator> typeIds = TypeIdAllocator::new;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private long memoryBudget;
        private ThreadFactory threadFactory =
                Thread.ofPlatform().daemon().name("gorpc-", 0).factory();

        private Builder() {}

        /**
         * Most connections open at once (default {@link #DEFAULT_MAX_CONNECTIONS}); one more is closed as soon as
         * it is accepted, without a reply.
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections <= 0) {
                throw new IllegalArgumentException("rpc: maxConnections must be positive, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * How long a request may take to arrive once its first byte has (default {@link
         * #DEFAULT_REQUEST_TIMEOUT}); then the connection is closed. Idle time between requests is not limited.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            if (requestTimeout.compareTo(Duration.ofMillis(1)) < 0 || requestTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "rpc: requestTimeout must be from 1 ms to " + Integer.MAX_VALUE + " ms, was " + requestTimeout);
            }
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * Bytes of request messages all connections together may hold buffered until their calls are answered;
         * a message that does not fit waits for the bytes until its request's deadline, then its connection is
         * closed. A message larger than the whole budget is let through when nothing else holds any. Default: the
         * maximum heap divided by {@link #DEFAULT_MEMORY_BUDGET_HEAP_DIVISOR}, at least two of the largest messages.
         */
        public Builder memoryBudget(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("rpc: memoryBudget must be positive, was " + bytes);
            }
            this.memoryBudget = bytes;
            return this;
        }

        private long memoryBudget() {
            if (memoryBudget > 0) {
                return memoryBudget;
            }
            long heapShare = Runtime.getRuntime().maxMemory() / DEFAULT_MEMORY_BUDGET_HEAP_DIVISOR;
            return Math.max(heapShare, 2L * limits.maxMessageBytes());
        }

        /** Where connections get their threads (tests: a factory that fails as a process out of threads does). */
        Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = threadFactory;
            return this;
        }

        /** Serves {@code serviceMethod} ({@code "Service.Method"}). */
        public Builder method(String serviceMethod, RpcMethod<?, ?> method) {
            if (serviceMethod.lastIndexOf('.') <= 0 || methods.containsKey(serviceMethod)) {
                throw new IllegalArgumentException(
                        "rpc: method name \"" + serviceMethod + "\" is not Service.Method or is registered twice");
            }
            methods.put(serviceMethod, method);
            return this;
        }

        public Builder limits(GobLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Where each connection's encoder gets type ids: by default a fresh allocator per connection, which
         * numbers types as a Go function process does on its first connection.
         */
        public Builder typeIds(Supplier<TypeIdAllocator> typeIds) {
            this.typeIds = typeIds;
            return this;
        }

        /** Binds {@code 127.0.0.1:port} (0 = any free port) and starts accepting. */
        public RpcServer start(int port) throws IOException {
            ServerSocket listener = new ServerSocket();
            try {
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                listener.close();
                throw new IOException("rpc: listen on 127.0.0.1:" + port + " failed: " + e.getMessage(), e);
            }
            RpcServer server = new RpcServer(this, listener);
            server.acceptor.start();
            return server;
        }
    }
}
