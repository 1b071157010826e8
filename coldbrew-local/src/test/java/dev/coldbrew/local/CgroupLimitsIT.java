package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.coldbrew.local.environment.InitCpu;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.meter.MemoryMeter;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lambda's limits through cgroup v1; skipped with a message where cgroups are not writable. */
class CgroupLimitsIT {

    static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
        assumeTrue(lambda.limitsEnforced(), () -> "cgroups are not writable here, limits not tested: " + lines);
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    @Test
    void environmentRunsUnderLambdasLimitsAndIsFrozenBetweenInvokes() throws IOException {
        lambda.register(TestFunctions.probe(dir, "limited").withMemoryMb(1024));
        long pid = Long.parseLong(invoke("limited", "{\"action\":\"pid\"}").payloadText());

        assertThat(read("memory", pid, "memory.limit_in_bytes")).isEqualTo(Long.toString(1024L * 1024 * 1024));
        assertThat(read("cpu", pid, "cpu.cfs_quota_us")).isEqualTo(Long.toString(100_000L * 1024 / 1769));
        assertThat(read("pids", pid, "pids.max")).isEqualTo("1024");
        assertThat(awaitFrozen(pid)).isEqualTo("FROZEN");
        String cgroupName = cgroupOf("memory", pid);

        lambda.close();
        assertThat(CGROUPS.resolve("memory" + cgroupName)).doesNotExist();
        assertThat(CGROUPS.resolve("freezer" + cgroupName)).doesNotExist();
    }

    @Test
    void freezingAtOnceLeavesAnIdleEnvironmentFrozenWithoutCpu() throws IOException {
        freezeAtOnce();
        lambda.register(TestFunctions.probe(dir, "spinner").withMemoryMb(1769));

        long pid = Long.parseLong(invoke("spinner", "{\"action\":\"spin\"}").payloadText());
        String state = awaitFrozen(pid);
        long ticks = cpuTicks(pid);
        java.util.concurrent.locks.LockSupport.parkNanos(300_000_000); // 30 ticks of one spinning thread if it ran

        assertThat(state).isEqualTo("FROZEN");
        assertThat(cpuTicks(pid)).isEqualTo(ticks);
    }

    @Test
    void anInvokeRightAfterAFreezeIsServedByTheThawedEnvironment() throws IOException {
        freezeAtOnce();
        lambda.register(TestFunctions.probe(dir, "refrozen"));
        long pid = Long.parseLong(invoke("refrozen", "{\"action\":\"pid\"}").payloadText());
        assertThat(awaitFrozen(pid)).isEqualTo("FROZEN");

        List<String> pids = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            InvocationResult result = invoke("refrozen", "{\"action\":\"pid\"}");
            assertThat(result.functionError()).isNull();
            pids.add(result.payloadText());
        }

        assertThat(pids).containsOnly(Long.toString(pid));
        assertThat(awaitFrozen(pid)).isEqualTo("FROZEN");
    }

    @Test
    void anEmptyFreezerGroupStaysFrozenWhileEnvironmentsFreezeAndGoesOnClose() throws IOException {
        freezeAtOnce();
        lambda.register(TestFunctions.probe(dir, "pinned"));
        long pid = Long.parseLong(invoke("pinned", "{\"action\":\"pid\"}").payloadText());
        awaitFrozen(pid);
        Path parent = CGROUPS.resolve("freezer/coldbrew");
        String own = ProcessHandle.current().pid() + "-";
        List<Path> pins;
        try (var children = Files.list(parent)) {
            pins = children.filter(p -> p.getFileName().toString().startsWith(own))
                    .filter(p -> p.getFileName().toString().endsWith("-freezer-pin"))
                    .toList();
        }

        assertThat(pins).hasSize(1);
        assertThat(Files.readString(pins.get(0).resolve("freezer.state")).trim())
                .isEqualTo("FROZEN");
        assertThat(Files.readString(pins.get(0).resolve("cgroup.procs"))).isEmpty();
        lambda.close();
        assertThat(pins.get(0)).doesNotExist();
    }

    /** Replaces the local Lambda with one that freezes environments as soon as their runtime waits in /next. */
    private void freezeAtOnce() {
        lambda.close();
        lambda = LocalLambda.create(LocalOptions.builder()
                .logSink(lines::add)
                .freezeDelay(Duration.ZERO)
                .build());
    }

    /** User plus system CPU time of a process so far, in clock ticks ({@code /proc/<pid>/stat} fields 14 and 15). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    @Test
    void initRunsAtLambdasInitCpuAndTheInvokeAtItsShareOfAVcpu() throws IOException {
        lambda.register(TestFunctions.probe(dir, "init-cpu").withMemoryMb(256));
        recordInitQuota();

        long pid = Long.parseLong(invoke("init-cpu", "{\"action\":\"pid\"}").payloadText());

        assertThat(Files.readString(dir.resolve("init-quota")).trim())
                .isEqualTo(Long.toString(2 * 100_000L)); // Lambda's two vCPUs up to 3,008 MB
        assertThat(read("cpu", pid, "cpu.cfs_quota_us")).isEqualTo(Long.toString(100_000L * 256 / 1769));
        assertThat(lines)
                .anyMatch(line -> line.equals("INIT_START Runtime Version: coldbrew-local:provided.al2023"
                        + "\tInit CPU: lambda (2 vCPU)\tInvoke CPU: 0.145 vCPU"));
    }

    @Test
    void initCpuInvokeThrottlesInitLikeTheInvoke() throws IOException {
        lambda.close();
        lambda = LocalLambda.create(LocalOptions.builder()
                .logSink(lines::add)
                .initCpu(InitCpu.INVOKE)
                .build());
        lambda.register(TestFunctions.probe(dir, "throttled-init").withMemoryMb(1024));
        recordInitQuota();

        invoke("throttled-init", "{}");

        assertThat(Files.readString(dir.resolve("init-quota")).trim()).isEqualTo(Long.toString(100_000L * 1024 / 1769));
    }

    /** Makes the probe's bootstrap write the CPU quota of its cgroup to {@code init-quota} before it starts. */
    private void recordInitQuota() throws IOException {
        Path bootstrap = dir.resolve("bootstrap");
        String script = Files.readString(bootstrap);
        String record = "cg=$(awk -F: '$2 ~ /(^|,)cpu(,|$)/ {print $3}' /proc/self/cgroup)\n"
                + "cat \"/sys/fs/cgroup/cpu$cg/cpu.cfs_quota_us\" > \"$LAMBDA_TASK_ROOT/init-quota\"\n";
        Files.writeString(bootstrap, script.replace("\nexec ", "\n" + record + "exec "));
    }

    @Test
    void maxMemoryUsedCountsTheFilePagesAJvmMapsBesideItsAnonymousMemory() throws IOException {
        lambda.register(TestFunctions.probe(dir, "meter").withMemoryMb(512));
        InvocationResult first = invoke("meter", "{\"action\":\"pid\"}");
        long pid = Long.parseLong(first.payloadText());
        long libjvmKb = mappedKb(pid, "libjvm.so");
        long anonymousKb = Long.parseLong(read("memory", pid, "memory.stat")
                        .lines()
                        .filter(l -> l.startsWith("rss "))
                        .findFirst()
                        .orElseThrow()
                        .substring(4))
                / 1024;

        assertThat(libjvmKb).isPositive();
        assertThat(first.report().maxMemoryUsedMb() * 1024)
                .isGreaterThanOrEqualTo(anonymousKb + libjvmKb + MemoryMeter.PLATFORM_MB * 1024)
                .isLessThanOrEqualTo(512L * 1024);
    }

    /** The resident kB of a file's mappings in a process ({@code Rss:} of its {@code smaps} entries). */
    private static long mappedKb(long pid, String fileName) throws IOException {
        long kb = 0;
        boolean inFile = false;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                inFile = line.endsWith("/" + fileName);
            } else if (inFile && line.startsWith("Rss:")) {
                kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kb;
    }

    @Test
    void maxMemoryUsedCoversThePeakOfWhatTheInvocationAllocates() {
        // 1,024 MB gets 0.58 of a vCPU: touching 200 MB page by page can take longer than the default 3 s timeout
        // on a busy machine, and a timed-out invocation's peak is only what it allocated until then.
        lambda.register(TestFunctions.probe(dir, "hungry").withMemoryMb(1024).withTimeout(Duration.ofSeconds(30)));
        InvocationResult small = invoke("hungry", "{}");
        InvocationResult big = invoke("hungry", "{\"action\":\"alloc\",\"mb\":200}");

        assertThat(big.report().status()).as(big.report().toLogLine()).isNull();
        assertThat(big.payloadText()).isEqualTo("\"allocated\"");
        assertThat(big.report().maxMemoryUsedMb())
                .isGreaterThanOrEqualTo(small.report().maxMemoryUsedMb() + 150);
        assertThat(big.report().toLogLine())
                .contains("Max Memory Used: " + big.report().maxMemoryUsedMb() + " MB\t");
    }

    @Test
    void outOfMemoryIsRuntimeOutOfMemoryAndTheNextInvokeIsCold() {
        // A heap larger than the memory size, so that the kernel (not the JVM) stops the allocation.
        var env = Map.of("JAVA_TOOL_OPTIONS", "-Xmx2g");
        // 512 MB gets 0.29 of a vCPU: filling it can take longer than the default 3 s timeout on a busy machine,
        // and this test is about the OOM kill, not the timeout.
        lambda.register(TestFunctions.probe(dir, "oom", env).withMemoryMb(512).withTimeout(Duration.ofSeconds(30)));
        InvocationResult oom = invoke("oom", "{\"action\":\"alloc\",\"mb\":900}");
        InvocationResult next = invoke("oom", "{}");

        assertThat(oom.functionError()).isEqualTo("Unhandled");
        assertThat(oom.payloadText()).contains("Runtime.ExitError").contains("signal: killed");
        assertThat(oom.report().status()).isEqualTo("error");
        assertThat(oom.report().errorType()).isEqualTo("Runtime.OutOfMemory");
        assertThat(oom.report().maxMemoryUsedMb()).isBetween(500L, 512L);
        assertThat(oom.report().toLogLine()).endsWith("Status: error\tError Type: Runtime.OutOfMemory\t");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.report().initDurationMs()).isPresent();
    }

    @Test
    void cgroupsAndProcessesLeftByAKilledLocalLambdaAreSweptAtStart() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String name = gone.pid() + "-deadbeef-orphan-1";
        List<Path> dirs = new java.util.ArrayList<>();
        for (String controller : List.of("memory", "cpu", "pids", "freezer")) {
            dirs.add(Files.createDirectories(
                    CGROUPS.resolve(controller).resolve("coldbrew").resolve(name)));
        }
        Process orphan = new ProcessBuilder("sleep", "600").start();
        try {
            for (Path dir : dirs) {
                Files.writeString(dir.resolve("cgroup.procs"), Long.toString(orphan.pid()));
            }
            Files.writeString(dirs.get(3).resolve("freezer.state"), "FROZEN");

            LocalLambda.create(LocalOptions.builder().logSink(lines::add).build())
                    .close();

            assertThat(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(dirs).allSatisfy(dir -> assertThat(dir).doesNotExist());
        } finally {
            orphan.destroyForcibly();
            if (Files.exists(dirs.get(3))) {
                Files.writeString(dirs.get(3).resolve("freezer.state"), "THAWED");
            }
            orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            dirs.forEach(dir -> dir.toFile().delete());
        }
    }

    /** Frozen after the freeze delay; the kernel moves FREEZING → FROZEN once every task stopped. */
    private static String awaitFrozen(long pid) throws IOException {
        String state = read("freezer", pid, "freezer.state");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!state.equals("FROZEN") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            state = read("freezer", pid, "freezer.state");
        }
        return state;
    }

    private InvocationResult invoke(String name, String payload) {
        return lambda.invoke(name, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String controller, long pid, String file) throws IOException {
        return Files.readString(
                        CGROUPS.resolve(controller + cgroupOf(controller, pid)).resolve(file))
                .trim();
    }

    /** The cgroup path of {@code pid} in a v1 hierarchy, from {@code /proc/<pid>/cgroup}. */
    private static String cgroupOf(String controller, long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup")).stream()
                    .map(line -> line.split(":", 3))
                    .filter(parts -> List.of(parts[1].split(",")).contains(controller))
                    .map(parts -> parts[2])
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("read /proc/" + pid + "/cgroup failed", e);
        }
    }
}
