package dev.coldbrew.gorpc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process to completion within a timeout. Its stdout and stderr go to a file, not a pipe, so a child
 * that hangs cannot block the test in a pipe read (which neither {@code waitFor} nor JUnit's {@code @Timeout} can
 * interrupt); the child is killed in every case, also when the wait is interrupted.
 */
public final class BoundedProcess {
    /** How long to wait for a killed process to be gone. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /**
     * How the process ended.
     *
     * @param exited true when it exited by itself within the timeout
     * @param exitCode its exit code when {@code exited}, else -1
     * @param output stdout and stderr, interleaved as written
     * @param pid its process id
     */
    public record Result(boolean exited, int exitCode, String output, long pid) {
        /** It exited by itself within the timeout, with exit code 0. */
        public boolean succeeded() {
            return exited && exitCode == 0;
        }
    }

    private BoundedProcess() {}

    /** Starts {@code builder} (its output redirection is replaced) and waits at most {@code timeout} for it. */
    public static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("coldbrew-gorpc-process-", ".log");
        try {
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean exited = false;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                process.destroyForcibly();
                process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            return new Result(exited, exited ? process.exitValue() : -1, output, process.pid());
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
