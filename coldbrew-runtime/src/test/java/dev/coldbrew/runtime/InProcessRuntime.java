package dev.coldbrew.runtime;

import dev.coldbrew.runtime.handler.HandlerResolver;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import dev.coldbrew.runtime.loop.Bootstrap;
import dev.coldbrew.runtime.loop.Config;
import dev.coldbrew.runtime.loop.HandlerInit;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs the real runtime (init + loop) on a thread of the test JVM against a fake Runtime API, capturing what it
 * writes to stderr. Closing stops the fake (which ends the loop) and waits for the thread.
 */
final class InProcessRuntime implements AutoCloseable {
    private final FakeRuntimeApi api;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<ExitStatus> status = new CompletableFuture<>();

    private InProcessRuntime(FakeRuntimeApi api, Map<String, String> env, HandlerInit init) {
        this(api, err -> Bootstrap.run(env, init, err));
    }

    private InProcessRuntime(FakeRuntimeApi api, Function<PrintStream, ExitStatus> runtime) {
        this.api = api;
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        Thread thread = new Thread(
                () -> {
                    try {
                        status.complete(runtime.apply(err));
                    } catch (Throwable t) {
                        status.completeExceptionally(t);
                    }
                },
                "runtime-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code handler} registered explicitly. */
    static InProcessRuntime start(FakeRuntimeApi api, Map<String, String> env, BytesHandler handler) {
        return new InProcessRuntime(api, env, config -> new HandlerInvoker(config.function(), handler));
    }

    static InProcessRuntime start(FakeRuntimeApi api, BytesHandler handler) {
        return start(api, api.environment(), handler);
    }

    static InProcessRuntime start(FakeRuntimeApi api, Map<String, String> env, HandlerInit init) {
        return new InProcessRuntime(api, env, init);
    }

    /** Runs {@code handler} registered explicitly and primed with {@code priming} during Init. */
    static InProcessRuntime primed(FakeRuntimeApi api, Map<String, String> env, BytesHandler handler, Priming priming) {
        return new InProcessRuntime(
                api,
                err -> Bootstrap.run(
                        env,
                        Config.ResponseMode.BUFFERED,
                        config -> new HandlerInvoker(config.function(), handler),
                        priming,
                        err));
    }

    /** Runs {@code handler} with response streaming. */
    static InProcessRuntime streaming(FakeRuntimeApi api, Map<String, String> env, StreamHandler handler) {
        return streaming(api, env, handler, "text/plain");
    }

    static InProcessRuntime streaming(
            FakeRuntimeApi api, Map<String, String> env, StreamHandler handler, String contentType) {
        return new InProcessRuntime(
                api,
                err -> Bootstrap.run(
                        env,
                        Config.ResponseMode.STREAMED,
                        config -> new HandlerInvoker(config.function(), handler, contentType).withHooksOf(handler),
                        err));
    }

    /** Runs {@code _HANDLER} resolution with {@code loader}, as {@link Main} does. */
    static InProcessRuntime main(FakeRuntimeApi api, Map<String, String> env, ClassLoader loader) {
        return new InProcessRuntime(api, env, new HandlerResolver(loader));
    }

    /** Waits (bounded) for the runtime to stop by itself. */
    ExitStatus awaitExit() throws Exception {
        return status.get(10, TimeUnit.SECONDS);
    }

    String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        api.close();
        try {
            status.handle((s, t) -> s).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the runtime under test", e);
        }
    }
}
