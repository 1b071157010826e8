package dev.coldbrew.bridge.jnigo.testing;

import dev.coldbrew.gorpc.testing.GoToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process to completion within a timeout, output to a file (a hung child cannot block a pipe read),
 * and kills it in every case. Also finds Go ({@code -Dcoldbrew.go}, else {@code go} on the PATH).
 */
public final class BoundedRun {
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /**
     * How the process ended.
     *
     * @param exited true when it exited by itself within the timeout
     * @param exitCode its exit code when {@code exited}, else -1
     * @param output stdout and stderr, interleaved
     */
    public record Result(boolean exited, int exitCode, String output) {
        public boolean succeeded() {
            return exited && exitCode == 0;
        }
    }

    private BoundedRun() {}

    public static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("coldbrew-jni-go-process-", ".log");
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
            return new Result(exited, exited ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The Go binary, as the build found it (see {@link GoToolchain}). */
    public static String go() {
        return GoToolchain.go().toString();
    }
}
