package dev.coldbrew.pack.aot;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.jdk.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * coldbrew's one AOT trainer (JEP 483/514/515), used by the packager, the bench's AOT strategies and the start-up
 * bench. Two steps:
 *
 * <ol>
 *   <li>{@linkplain #record record}: the function runs with {@linkplain #recordFlags -XX:AOTMode=record}, in the
 *       local Lambda (or as a process its caller owns), serves its training events and is then asked to exit
 *       ({@linkplain #stopOrderly SIGTERM}, an orderly JVM exit), which writes the AOT configuration: the classes it
 *       loaded and linked and the profiles of its hot methods;
 *   <li>{@linkplain #create create}: {@code -XX:AOTMode=create} with the production command line's {@code java},
 *       flags, class path and main class, in its directory, turns the configuration into the cache.
 * </ol>
 *
 * <p>Two steps rather than the one-step {@code -XX:AOTCacheOutput}, by measurement on JDK 25 with examples/hello
 * (2 shared cores, busy: load 4.8–8; both forms interleaved, 3 training invokes each): both write the same cache
 * (11,964–11,984 KiB), in the same time (spawn to cache, medians: 3.2 s one-step vs 3.1 s two-step over 5
 * trainings; 5.7 s vs 5.6 s over 3 on a busier host), and it starts the function equally fast (spawn to first
 * response, medians of 15: 189 ms [147–481] vs 207 ms [136–389], no cache 255 ms; of 25: 492 ms [198–1633] vs
 * 459 ms [171–1662], no cache 599 ms). But the one-step form creates the cache in a second JVM started at exit:
 * the training JVM takes 2.8 s instead of 1.5 s (4.5 s vs 2.9 s) to exit after SIGTERM, with both JVMs in the
 * environment's memory, and an environment's shutdown (Lambda kills the process tree) would cut it short. The
 * create step instead runs outside the function, for as long as it needs.
 */
public final class AotTrainer {
    private AotTrainer() {}

    /** How long the training JVM may take to write its AOT configuration after SIGTERM. */
    public static final Duration EXIT_WAIT = Duration.ofSeconds(60);
    /** How long {@code -XX:AOTMode=create} may take. */
    public static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * The production command line a cache is created for: the cache records the class path, so it is created with
     * the same {@code java}, flags, class path and main class, in the same directory, as the function later runs.
     *
     * @param directory the working directory (relative class path entries and cache paths resolve against it)
     * @param java the {@code java} executable
     * @param jvmFlags the function's JVM flags (memory, GC), without AOT flags
     */
    public record CacheCommand(Path directory, Path java, List<String> jvmFlags, String classPath, String mainClass) {
        public CacheCommand {
            jvmFlags = List.copyOf(jvmFlags);
        }
    }

    /**
     * What the training run did.
     *
     * @param invocations events sent
     * @param functionErrors invocations that ended in a function error (they still train the cache)
     * @param firstFunctionError the event, the error and the log of the first of them, or ""
     */
    public record Result(int invocations, int functionErrors, String firstFunctionError) {}

    /** The JVM flags of a training run that writes its AOT configuration to {@code configuration} at exit. */
    public static List<String> recordFlags(Path configuration) {
        return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration);
    }

    /**
     * Step 1 in the local Lambda: {@code taskRoot} runs as {@code run} with {@link #recordFlags} added to its
     * {@code JAVA_TOOL_OPTIONS}, receives each event {@code rounds} times, and is stopped with SIGTERM.
     *
     * @throws PackageException when the function crashes, times out, or no configuration is written
     */
    public static Result record(
            LambdaRun run,
            Path taskRoot,
            List<SampleEvents.Event> events,
            int rounds,
            Path configuration,
            Consumer<String> log)
            throws PackageException {
        Result result;
        try (LocalLambda lambda = LambdaRun.localLambda(log)) {
            run.register(lambda, taskRoot, LambdaRun.toolOptions(recordFlags(configuration)));
            result = invoke(lambda, run.functionName(), events, rounds);
            for (long pid : LambdaRun.pids(lambda, run.functionName())) {
                stopOrderly(pid);
            }
            lambda.stopEnvironments(run.functionName());
        }
        if (!Files.isRegularFile(configuration)) {
            throw new PackageException("AOT training run: the function's JVM exited without writing " + configuration
                    + " (does its runtime support -XX:AOTMode=record?)");
        }
        return result;
    }

    /**
     * Step 2: writes {@code cache} (relative to the command's directory, or absolute) from {@code configuration}.
     *
     * @throws PackageException with the JVM's output when the creation fails
     */
    public static void create(CacheCommand command, Path configuration, Path cache) throws PackageException {
        List<String> line = new ArrayList<>();
        line.add(command.java().toString());
        line.addAll(command.jvmFlags());
        line.add("-XX:AOTMode=create");
        line.add("-XX:AOTConfiguration=" + configuration);
        line.add("-XX:AOTCache=" + cache);
        line.add("-cp");
        line.add(command.classPath());
        line.add(command.mainClass());
        ToolRunner.run(line, command.directory(), Map.of(), CREATE_TIMEOUT);
    }

    /**
     * The end of step 1: SIGTERM, so the JVM runs its exit sequence, which writes the AOT configuration; then
     * waits up to {@link #EXIT_WAIT} for the exit. A process already gone is left alone.
     *
     * @throws PackageException when the JVM outlives the wait or the wait is interrupted
     */
    public static void stopOrderly(long pid) throws PackageException {
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

    private static Result invoke(LocalLambda lambda, String name, List<SampleEvents.Event> events, int rounds)
            throws PackageException {
        int invocations = 0;
        int errors = 0;
        String first = "";
        for (int round = 0; round < rounds; round++) {
            for (SampleEvents.Event event : events) {
                InvocationResult result =
                        LambdaRun.invoke(lambda, name, event.fileName(), event.payload(), "AOT training run");
                invocations++;
                if (result.isFunctionError()) {
                    errors++;
                    first = first.isEmpty() ? functionError(event, result) : first;
                }
            }
        }
        return new Result(invocations, errors, first);
    }

    private static String functionError(SampleEvents.Event event, InvocationResult result) {
        return event.fileName() + " failed with " + result.payloadText() + "; its log: " + result.log();
    }
}
