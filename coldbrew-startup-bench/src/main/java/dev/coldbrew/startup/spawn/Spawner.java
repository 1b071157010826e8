package dev.coldbrew.startup.spawn;

import static dev.coldbrew.runtime.api.RuntimeApi.ENV_FUNCTION_MEMORY_SIZE;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_FUNCTION_NAME;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_FUNCTION_VERSION;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_INITIALIZATION_TYPE;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_LOG_GROUP_NAME;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_LOG_STREAM_NAME;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_REGION;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_RUNTIME_API;
import static dev.coldbrew.runtime.api.RuntimeApi.ENV_TASK_ROOT;

import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.aot.AotTrainer;
import dev.coldbrew.startup.harness.Java;
import dev.coldbrew.startup.server.FirstInvoke;
import dev.coldbrew.startup.server.TimedRuntimeApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts subjects against a fresh {@link TimedRuntimeApi} and times them. Each process is owned here: it is
 * killed and reaped before a method returns, also when it fails. Output goes to {@code <out>/logs/}.
 */
public final class Spawner {
    /** How long one cold start may take before it counts as hung. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Invokes a training run serves before it is stopped (SIGTERM), which writes the AOT configuration. */
    public static final int TRAINING_INVOKES = 3;

    private static final Duration POLL = Duration.ofMillis(20);

    private final byte[] event;
    private final String expectedInReply;
    private final Path out;
    private final List<String> jvmOptions;

    /**
     * A spawner that sends {@code event} and accepts a first reply only when it contains {@code expectedInReply}, so
     * a function that answers the wrong thing is never timed; {@code jvmOptions} go to every JVM it starts.
     */
    public Spawner(byte[] event, String expectedInReply, Path out, List<String> jvmOptions) {
        this.event = event.clone();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.expectedInReply = expectedInReply;
        this.out = out;
    }

    /** One cold start of {@code subject} and its first invoke. */
    public Measurement measure(Subject subject) throws IOException, InterruptedException {
        try (TimedRuntimeApi api = TimedRuntimeApi.start(event, 1)) {
            ProcessBuilder builder = builder(subject, subject.command(jvmOptions), api);
            long spawned = System.nanoTime();
            Process process = builder.start();
            try {
                awaitResponses(subject, api, process);
                double rss = PeakRss.mib(process.pid());
                FirstInvoke invoke = api.firstInvoke();
                checkReply(subject, invoke.response());
                return new Measurement(
                        millis(invoke.firstNextNanos() - spawned),
                        millis(invoke.responseNanos() - invoke.eventSentNanos()),
                        rss);
            } finally {
                reap(process);
            }
        }
    }

    /**
     * Trains {@code subject}'s AOT cache with coldbrew's {@link AotTrainer}: a training run serves
     * {@link #TRAINING_INVOKES} invokes and is stopped with SIGTERM, which writes the AOT configuration; the cache
     * is then created for the measured command line.
     */
    public void train(Subject subject) throws IOException, InterruptedException {
        Files.deleteIfExists(subject.aotCache());
        Files.deleteIfExists(subject.aotConfiguration());
        try {
            record(subject);
            AotTrainer.create(
                    subject.cacheCommand(jvmOptions, Path.of("").toAbsolutePath()),
                    subject.aotConfiguration(),
                    subject.aotCache());
        } catch (PackageException e) {
            throw new IllegalStateException(
                    "AOT training of " + subject.name() + " failed: " + e.getMessage() + "; log: " + log(subject), e);
        }
    }

    private void record(Subject subject) throws IOException, InterruptedException, PackageException {
        try (TimedRuntimeApi api = TimedRuntimeApi.start(event, TRAINING_INVOKES)) {
            Process process =
                    builder(subject, subject.trainingCommand(jvmOptions), api).start();
            try {
                awaitResponses(subject, api, process);
                AotTrainer.stopOrderly(process.pid());
            } finally {
                reap(process);
            }
        }
        if (!Files.isRegularFile(subject.aotConfiguration())) {
            throw new IllegalStateException("AOT training run of " + subject.name() + " wrote no configuration at "
                    + subject.aotConfiguration() + "; log: " + log(subject));
        }
    }

    /** The JVM's own floor: spawn → exit of {@code java -version} on the default CDS archive. */
    public double javaVersion() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Java.executable().toString());
        command.addAll(jvmOptions);
        command.add("-version");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long spawned = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("java -version failed or hung: " + Java.executable());
            }
            return millis(System.nanoTime() - spawned);
        } finally {
            reap(process);
        }
    }

    private ProcessBuilder builder(Subject subject, List<String> command, TimedRuntimeApi api) throws IOException {
        Files.createDirectories(out.resolve("logs"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(subject).toFile()));
        Map<String, String> env = builder.environment();
        env.put(ENV_RUNTIME_API, api.address());
        env.put(ENV_FUNCTION_NAME, "hello");
        env.put(ENV_FUNCTION_VERSION, "$LATEST");
        env.put(ENV_FUNCTION_MEMORY_SIZE, "512");
        env.put(ENV_LOG_GROUP_NAME, "/aws/lambda/hello");
        env.put(ENV_LOG_STREAM_NAME, "2026/11/27/[$LATEST]startupbench");
        env.put(ENV_REGION, "eu-west-1");
        env.put(ENV_INITIALIZATION_TYPE, "on-demand");
        env.put(ENV_TASK_ROOT, out.toAbsolutePath().toString());
        env.putAll(subject.env());
        return builder;
    }

    private void awaitResponses(Subject subject, TimedRuntimeApi api, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!api.awaitResponses(POLL)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(subject.name() + " exited with " + process.exitValue()
                        + " before answering its invokes; log: " + log(subject));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        subject.name() + " answered no invoke within " + START_TIMEOUT + "; log: " + log(subject));
            }
        }
    }

    private void checkReply(Subject subject, byte[] reply) {
        String text = new String(reply, StandardCharsets.UTF_8);
        if (!text.contains(expectedInReply)) {
            throw new IllegalStateException(subject.name() + " answered '" + text + "', expected a reply containing '"
                    + expectedInReply + "'; log: " + log(subject));
        }
    }

    private Path log(Subject subject) {
        return out.resolve("logs").resolve(subject.name().replaceAll("[^A-Za-z0-9.-]+", "-") + ".log");
    }

    private static void reap(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
