package dev.coldbrew.pack.jdk;

import dev.coldbrew.pack.PackageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a JDK tool (jdeps, jlink, java, native-image) as a child process and returns its output. */
public final class ToolRunner {
    private ToolRunner() {}

    /** Output kept in an error message. */
    static final int ERROR_OUTPUT_CHARS = 4_000;

    /**
     * Runs {@code command} in {@code workDir} and waits up to {@code timeout}.
     *
     * @return the combined standard output and error
     * @throws PackageException naming the command, the exit status and the end of its output, when it fails,
     *     cannot start or outlives the timeout (then it is killed)
     */
    public static String run(List<String> command, Path workDir, Map<String, String> env, Duration timeout)
            throws PackageException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PackageException("start " + String.join(" ", command) + " failed: " + e.getMessage(), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new PackageException(
                        name(command) + " did not finish within " + timeout.toSeconds() + " s: " + command);
            }
            String text = output.get(10, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new PackageException(name(command) + " failed with exit status " + process.exitValue() + ": "
                        + String.join(" ", command) + "\n" + tail(text));
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PackageException(name(command) + " interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new PackageException("read the output of " + name(command) + " failed: " + e.getMessage(), e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static String name(List<String> command) {
        return Path.of(command.getFirst()).getFileName().toString();
    }

    static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= ERROR_OUTPUT_CHARS
                ? trimmed
                : "…" + trimmed.substring(trimmed.length() - ERROR_OUTPUT_CHARS);
    }
}
