package dev.coldbrew.pack.aot;

import dev.coldbrew.local.InvocationResult;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.pack.PackageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The AOT training run (JEP 483/514/515): the unpacked package runs in the local Lambda with
 * {@code -XX:AOTMode=record}, is invoked with the sample events, and is then asked to exit (SIGTERM, an orderly
 * JVM exit) so that it writes the AOT configuration: the classes it loaded and linked and the profiles of its hot
 * methods. The cache itself is then created from that configuration by {@link AotCacheAssembler}.
 *
 * <p>Two steps rather than {@code -XX:AOTCacheOutput}: the one-step form creates the cache in a child JVM at exit,
 * which an environment's shutdown (Lambda kills the process tree) would cut short.
 */
public final class AotTraining {
    private AotTraining() {}

    /** How long the training JVM may take to write its AOT configuration after SIGTERM. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    /**
     * What the training run did.
     *
     * @param invocations events sent
     * @param functionErrors invocations that ended in a function error (they still train the cache)
     */
    public record Result(int invocations, int functionErrors) {}

    /**
     * Runs the training and leaves the AOT configuration in {@code configuration}.
     *
     * @param taskRoot the unpacked package (without a cache)
     * @param rounds how many times each event is sent
     * @throws PackageException when the function crashes, times out, or no configuration is written
     */
    public static Result record(
            LambdaRun run, Path taskRoot, SampleEvents events, int rounds, Path configuration, Consumer<String> log)
            throws PackageException {
        String name = run.functionName();
        int invocations = 0;
        int errors = 0;
        try (LocalLambda lambda = LambdaRun.localLambda(log)) {
            run.register(lambda, taskRoot, "-XX:AOTMode=record -XX:AOTConfiguration=" + configuration);
            for (int round = 0; round < rounds; round++) {
                for (SampleEvents.Event event : events.events()) {
                    InvocationResult result =
                            LambdaRun.invoke(lambda, name, event.fileName(), event.payload(), "AOT training run");
                    invocations++;
                    errors += result.isFunctionError() ? 1 : 0;
                }
            }
            for (long pid : LambdaRun.pids(lambda, name)) {
                stopOrderly(pid);
            }
            lambda.stopEnvironments(name);
        }
        if (!Files.isRegularFile(configuration)) {
            throw new PackageException("AOT training run: the function's JVM exited without writing " + configuration
                    + " (does the bundled runtime support -XX:AOTMode=record?)");
        }
        return new Result(invocations, errors);
    }

    /** SIGTERM: the JVM runs its exit sequence, which writes the AOT configuration; then waits for the exit. */
    private static void stopOrderly(long pid) throws PackageException {
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackageException("AOT training run: interrupted waiting for the JVM " + pid + " to exit", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PackageException(
                    "AOT training run: the JVM " + pid + " did not exit within " + EXIT_WAIT.toSeconds()
                            + " s of SIGTERM",
                    e);
        }
    }
}
