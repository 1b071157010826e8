package dev.coldbrew.nativeimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one build step (gcc, ar, the image builder) as a child process: output appended to a log file, a deadline,
 * and on failure an exception naming the command, the exit status and the end of the log. A step that outlives
 * its deadline or whose caller is interrupted is killed with its descendants.
 */
final class BuildProcess {
    static final int LOG_TAIL_CHARS = 6_000;

    private BuildProcess() {}

    static void run(List<String> command, Path workDir, Path log, Duration timeout) throws NativeImageException {
        run(command, workDir, log, timeout, Map.of());
    }

    static void run(List<String> command, Path workDir, Path log, Duration timeout, Map<String, String> env)
            throws NativeImageException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process;
        try {
            Files.createDirectories(workDir);
            process = builder.start();
        } catch (IOException e) {
            throw new NativeImageException("start " + String.join(" ", command) + " failed: " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new NativeImageException(name(command) + " did not finish within " + timeout.toSeconds()
                        + " s and was killed; its output: " + log + "\n" + tail(log));
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new NativeImageException(name(command) + " interrupted; killed", e);
        }
        if (process.exitValue() != 0) {
            throw new NativeImageException(name(command) + " failed with exit status " + process.exitValue() + ": "
                    + String.join(" ", command) + "\n" + tail(log));
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String name(List<String> command) {
        return Path.of(command.getFirst()).getFileName().toString();
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() <= LOG_TAIL_CHARS ? text : "…" + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }
}
