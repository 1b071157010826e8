package dev.coldbrew.nativeimage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The processes one test starts: each with its output in files, and every one killed when the test ends. */
final class ChildProcesses implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();
    private final Path logs;

    ChildProcesses(Path logs) {
        this.logs = logs;
    }

    /** Starts {@code command} with exactly {@code env}; its stdout and stderr go to {@code <name>.out/.err}. */
    Process start(String name, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Runs {@code command} to its end (at most 60 s) and returns its exit status. */
    int run(String name, List<String> command, Map<String, String> env) throws Exception {
        Process process = start(name, command, env);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not end within 60 s: " + command);
        }
        return process.exitValue();
    }

    String out(String name) throws Exception {
        return java.nio.file.Files.readString(logs.resolve(name + ".out"));
    }

    String err(String name) throws Exception {
        return java.nio.file.Files.readString(logs.resolve(name + ".err"));
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
