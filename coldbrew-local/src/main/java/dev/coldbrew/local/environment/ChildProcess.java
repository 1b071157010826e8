package dev.coldbrew.local.environment;

import dev.coldbrew.local.cgroup.EnvironmentCgroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one owner of an environment's runtime process tree. It starts the process in its own session and
 * process group ({@code setsid}), inside the environment's cgroups when there are any (a shell writes its own
 * pid into {@code cgroup.procs} before it execs the runtime, so no child escapes), turns the exit into exactly
 * one {@link ExitStatus} event, and kills the whole tree. A command that starts with {@code setpriv}
 * ({@link dev.coldbrew.local.isolation.EnvironmentUser#command}) drops to the environment's own user only after the
 * shell, still root, has joined the cgroups; the process keeps its pid through both execs.
 */
final class ChildProcess {

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());

    /** Lambda's file descriptor limit per execution environment. */
    static final int MAX_FILE_DESCRIPTORS = 1024;

    /**
     * Joins the cgroups named in the arguments, sets Lambda's limit of 1,024 file descriptors (docs
     * gettingstarted-limits; the shell's {@code ulimit -n} sets the soft and hard limit), then execs the runtime.
     */
    private static final String JOIN_AND_EXEC = "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125;"
            + " shift; n=$((n-1)); done; ulimit -n " + MAX_FILE_DESCRIPTORS + " || exit 125; exec \"$@\"";

    /**
     * As {@link #JOIN_AND_EXEC}, with Lambda's telemetry log descriptor: the runtime's {@value #TELEMETRY_FD} is the
     * pipe that was its standard output, and its standard output joins its standard error.
     */
    private static final String JOIN_AND_EXEC_WITH_TELEMETRY =
            JOIN_AND_EXEC.replace("exec \"$@\"", "exec \"$@\" " + ChildProcess.TELEMETRY_FD + ">&1 1>&2");

    /** The descriptor number of the telemetry log in the runtime ({@code _LAMBDA_TELEMETRY_LOG_FD}). */
    static final int TELEMETRY_FD = 3;

    private final Process process;
    private final long startNanos;
    private final CompletableFuture<ExitStatus> exit;

    private ChildProcess(Process process, long startNanos) {
        this.process = process;
        this.startNanos = startNanos;
        this.exit = process.onExit().thenApply(p -> ExitStatus.of(p.exitValue()));
    }

    /** How the runtime process ended: an exit code, or the signal that killed it. */
    record ExitStatus(int code, int signal) {
        /** Java reports death by signal N as 128 + N. */
        static ExitStatus of(int value) {
            return value > 128 && value < 160 ? new ExitStatus(-1, value - 128) : new ExitStatus(value, 0);
        }

        /** As Lambda words it: {@code exit status 2}, {@code signal: killed}. */
        String describe() {
            return signal == 0 ? "exit status " + code : "signal: " + signalName(signal);
        }

        private static String signalName(int signal) {
            return switch (signal) {
                case 9 -> "killed";
                case 15 -> "terminated";
                case 6 -> "aborted";
                case 11 -> "segmentation fault";
                default -> "signal " + signal;
            };
        }
    }

    /**
     * Starts {@code command} with its standard output and error appended to {@code output}. With a {@code telemetry}
     * file, the runtime writes framed log records to descriptor {@value #TELEMETRY_FD}, which is appended to that
     * file.
     */
    static ChildProcess start(
            List<String> command,
            Path workDir,
            Map<String, String> env,
            EnvironmentCgroup cgroup,
            Path output,
            Path telemetry)
            throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                "setsid",
                "/bin/sh",
                "-c",
                telemetry != null ? JOIN_AND_EXEC_WITH_TELEMETRY : JOIN_AND_EXEC,
                "coldbrew-env"));
        List<Path> procs = cgroup == null ? List.of() : cgroup.procsFiles();
        argv.add(Integer.toString(procs.size()));
        procs.forEach(p -> argv.add(p.toString()));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile());
        if (telemetry != null) {
            // the shell moves its stdout (the telemetry file) to the runtime's descriptor 3, and its stderr to 1
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(telemetry.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(output.toFile()));
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        }
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        try {
            return new ChildProcess(builder.start(), start);
        } catch (IOException e) {
            throw new IOException(
                    "start runtime " + String.join(" ", command) + " in " + workDir + " failed: " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the spawn: the start of Init Duration. */
    long startNanos() {
        return startNanos;
    }

    CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    /**
     * SIGKILL to the whole cgroup (v2 {@code cgroup.kill}), to the process group, to every process of the cgroup and to every descendant, thaws a frozen
     * cgroup so the kills land (§6.3 gotcha 2), and waits up to {@code waitMs} for the exit.
     */
    void killTree(EnvironmentCgroup cgroup, long waitMs) {
        if (cgroup != null) {
            cgroup.killAll();
        }
        killProcessGroup();
        if (cgroup != null) {
            cgroup.pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (cgroup != null) {
            try {
                cgroup.thaw();
            } catch (IOException ignored) {
                // already gone
            }
        }
        try {
            if (!process.waitFor(waitMs, TimeUnit.MILLISECONDS)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "runtime pid " + process.pid() + " still runs " + waitMs + " ms after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void killProcessGroup() {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the per-process kills below still run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "pid " + process.pid();
    }
}
