package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The invoker against a pool that is closed while a cold start is under way, with real runtime processes. */
class InvokerIT {

    @TempDir
    Path dir;

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final AtomicReference<Environment> started = new AtomicReference<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        if (started.get() != null) {
            started.get().kill();
        }
    }

    @Test
    void anEnvironmentStartedAfterThePoolClosedIsKilled() throws Exception {
        FunctionConfig function = TestFunctions.probe(dir, "closing");
        LocalOptions options = LocalOptions.builder().logSink(line -> {}).build();
        FunctionPool pool = new FunctionPool(function, dir, 10);
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Invoker invoker = new Invoker(
                options,
                p -> {
                    starting.countDown();
                    awaitLatch(proceed);
                    Environment env = Environment.start(p.nextEnvironmentId(), function, dir, options, null, null);
                    started.set(env);
                    return env;
                },
                scheduler);
        AtomicReference<InvocationResult> result = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> result.set(invoke(invoker, pool)));
        assertThat(starting.await(30, TimeUnit.SECONDS)).isTrue();

        pool.close().forEach(Environment::kill);
        proceed.countDown();

        assertThat(caller.join(Duration.ofSeconds(60))).isTrue();
        assertThat(result.get().functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(started.get().isAlive()).isFalse();
        assertThat(ProcessHandle.of(started.get().pid()).map(ProcessHandle::isAlive))
                .as("runtime process")
                .isNotEqualTo(Optional.of(true));
        assertThat(pool.pids()).isEmpty();
        assertThat(pool.size()).as("environments counted against the limit").isZero();
    }

    private static InvocationResult invoke(Invoker invoker, FunctionPool pool) {
        try {
            return invoker.invoke(pool, new Invoker.Request("r-1", "{}".getBytes(StandardCharsets.UTF_8), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("invoke interrupted", e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IOException("test latch not released within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("test latch wait interrupted");
        }
    }
}
