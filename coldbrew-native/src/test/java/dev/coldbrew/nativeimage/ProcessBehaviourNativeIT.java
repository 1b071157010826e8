package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process does besides serving invocations, native against the JVM with the same main
 * ({@link dev.coldbrew.nativeimage.probe.NativeProbe}): exit statuses, SIGTERM, time zone and locale from the
 * environment, the heap sized from a cgroup's memory limit, an OutOfMemoryError reported as on the JVM, and which
 * of HotSpot's entry points the JDK's native code can reach from the image.
 */
// The first test to need an image builds it (about two minutes on two idle cores, several times that on a busy
// machine), inside that test's time limit.
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ProcessBehaviourNativeIT {
    /** The JVM_* and jio_* functions coldbrew's libjvm.so implements (jvm.c); every other one stops the process. */
    static final Set<String> IMPLEMENTED = Set.of(
            "JVM_ActiveProcessorCount",
            "JVM_BeforeHalt",
            "JVM_Halt",
            "JVM_CurrentTimeMillis",
            "JVM_NanoTime",
            "JVM_GetNanoTimeAdjustment",
            "JVM_RawMonitorCreate",
            "JVM_RawMonitorDestroy",
            "JVM_RawMonitorEnter",
            "JVM_RawMonitorExit",
            "JVM_NativePath",
            "JVM_FindLibraryEntry",
            "JVM_LoadLibrary",
            "JVM_UnloadLibrary",
            "JVM_IsUseContainerSupport",
            "JVM_IsContainerized",
            "JVM_IsSupportedJNIVersion",
            "JVM_Yield",
            "JVM_GetTemporaryDirectory",
            "jio_fprintf",
            "jio_snprintf",
            "jio_vfprintf",
            "jio_vsnprintf");

    @TempDir
    Path logs;

    private ChildProcesses processes;

    @BeforeEach
    void start() {
        processes = new ChildProcesses(logs);
    }

    @AfterEach
    void stop() {
        processes.close();
    }

    private static List<String> command(boolean natively, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(natively ? List.of(TestImages.functions().toString()) : FunctionsNativeIT.jvm());
        command.addAll(List.of(args));
        return command;
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void systemExitStatusesReachTheParent() throws Exception {
        for (int status : new int[] {0, 1, 42, 255}) {
            assertThat(processes.run("exit" + status, command(true, "exit", Integer.toString(status)), env()))
                    .isEqualTo(status);
        }
    }

    @Test
    void sigtermRunsShutdownHooksAndEndsWithStatus143AsOnTheJvm() throws Exception {
        for (boolean natively : new boolean[] {true, false}) {
            String name = natively ? "native-wait" : "jvm-wait";
            Process process = processes.start(name, command(natively, "wait"), env());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!processes.out(name).contains("waiting") && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as(name).isTrue();
            assertThat(process.exitValue()).as(name).isEqualTo(143);
            assertThat(processes.out(name))
                    .as(name)
                    .contains("shutdown hook ran")
                    .doesNotContain("not signalled");
        }
    }

    @Test
    void timeZoneAndLocaleComeFromTheEnvironmentAsOnTheJvm() throws Exception {
        List<Map<String, String>> environments = List.of(
                env("TZ", "Europe/Berlin", "LANG", "C.UTF-8"),
                env("TZ", ":Asia/Tokyo", "LC_ALL", "de_DE.UTF-8"),
                env("LANG", "C"),
                env());
        for (Map<String, String> environment : environments) {
            assertThat(localeAndZone(true, environment))
                    .as("with %s", environment)
                    .isEqualTo(localeAndZone(false, environment));
        }
        assertThat(localeAndZone(true, env("TZ", "Europe/Berlin"))).contains("timezone=Europe/Berlin");
        // one difference, on purpose: a TZ naming a zoneinfo file is that zone natively, GMT+offset on the JVM
        assertThat(localeAndZone(true, env("TZ", "/usr/share/zoneinfo/America/New_York")))
                .contains("timezone=America/New_York");
    }

    private String localeAndZone(boolean natively, Map<String, String> environment) throws Exception {
        String name = (natively ? "native" : "jvm") + "-props-" + environment.hashCode();
        assertThat(processes.run(name, command(natively, "props"), environment)).isZero();
        return processes
                .out(name)
                .lines()
                .filter(l -> !l.startsWith("maxMemory=") && !l.startsWith("processors="))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theHeapIsSizedFromTheCgroupMemoryLimit() throws Exception {
        assumeThat(TestCgroup.available())
                .as("a writable cgroup memory controller (root)")
                .isTrue();
        long limit = 256L << 20;
        long unlimited = maxMemory("unlimited", command(true, "props"));
        try (TestCgroup cgroup = TestCgroup.create("heap", limit)) {
            long limited = maxMemory("limited", cgroup.wrap(command(true, "props")));
            assertThat(limited)
                    .as("cgroup v%d limit %d", cgroup.version(), limit)
                    .isPositive()
                    .isLessThanOrEqualTo(limit);
            assertThat(unlimited).isGreaterThan(limit * 2);
        }
    }

    private long maxMemory(String name, List<String> command) throws Exception {
        assertThat(processes.run(name, command, env())).as(name).isZero();
        return Long.parseLong(processes
                .out(name)
                .lines()
                .filter(l -> l.startsWith("maxMemory="))
                .findFirst()
                .orElseThrow()
                .substring("maxMemory=".length()));
    }

    @Test
    void anOutOfMemoryErrorInACgroupIsReportedAsTheRuntimeReportsItOnTheJvm() throws Exception {
        assumeThat(TestCgroup.available())
                .as("a writable cgroup memory controller (root)")
                .isTrue();
        try (TestCgroup cgroup = TestCgroup.create("oom", 512L << 20);
                FakeRuntimeApi api = FakeRuntimeApi.start()) {
            Map<String, String> environment = new HashMap<>(api.environment());
            environment.put(RuntimeApi.ENV_HANDLER, "dev.coldbrew.nativeimage.probe.Hog");
            Process process = processes.start("hog", cgroup.wrap(command(true)), environment);
            String id = api.enqueue("{}");
            dev.coldbrew.runtime.testing.RuntimeRequest error =
                    api.waiting(java.time.Duration.ofSeconds(60)).awaitError(id);
            assertThat(error.header(RuntimeApi.HEADER_FUNCTION_ERROR_TYPE))
                    .isEqualTo(RuntimeApi.FN_ERROR_OUT_OF_MEMORY);
            assertThat(error.errorRequest().errorType()).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(processes.err("hog")).isEqualTo(3);
        }
    }

    @Test
    void theJvmFunctionsTheImageCanReachAreAllImplementedAndRun() throws Exception {
        Path jdkLib = Path.of(System.getProperty("java.home"), "lib");
        JdkCallGraph graph = JdkCallGraph.of(jdkLib);
        for (Path image : List.of(TestImages.functions(), TestImages.hello())) {
            Set<String> roots = new HashSet<>(JdkCallGraph.imports(image));
            roots.add("JNI_OnLoad");
            Map<String, String> reached = graph.reachableJvmFunctions(roots);
            assertThat(reached).as(image.toString()).containsKey("JVM_Halt");
            assertThat(reached.keySet())
                    .as("reached from %s: %s", image, reached)
                    .isSubsetOf(IMPLEMENTED);
        }
        assertThat(processes.run("natives", command(true, "natives"), env()))
                .as(processes.err("natives"))
                .isEqualTo(7);
        assertThat(processes.out("natives")).contains("lo=lo", "nanoTime=true", "tmpdir=/tmp");
        assertThat(Files.readString(logs.resolve("natives.err"))).doesNotContain("coldbrew native image:");
    }
}
