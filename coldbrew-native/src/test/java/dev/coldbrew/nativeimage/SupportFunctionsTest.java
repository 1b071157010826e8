package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logic of coldbrew's C support library, compiled with gcc and driven by {@code src/test/c/support_test.c}:
 * the CPU feature check, locale names, time zone lookup, and cgroup v1 and v2 limits read from fixture trees (the
 * machines here have v1 only; ContainerLimitsNativeIT runs an image in a real cgroup).
 */
class SupportFunctionsTest {
    @TempDir
    static Path dir;

    private static Path driver;

    @BeforeAll
    static void compile() throws Exception {
        Path src = Path.of("src/main/c").toAbsolutePath();
        Path jdk = Path.of(System.getProperty("java.home"));
        driver = dir.resolve("support_test");
        List<String> command = new ArrayList<>(List.of(
                "gcc",
                "-O1",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-Wno-unused-parameter",
                "-I" + src,
                "-I" + jdk.resolve("include"),
                "-I" + jdk.resolve("include/linux"),
                "-o",
                driver.toString(),
                Path.of("src/test/c/support_test.c").toAbsolutePath().toString()));
        for (String source : List.of("cpufeatures.c", "locale.c", "timezone.c", "container.c")) {
            command.add(src.resolve(source).toString());
        }
        Process gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes());
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as(output).isZero();
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(driver.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aCpuWithEveryRequiredFeaturePassesTheCheck() throws Exception {
        assertThat(run("cpu", "nothing").out()).contains("missing=0\n");
        assertThat(run("cpu", "present").out()).contains("missing=0\n");
    }

    @Test
    void requiredFeaturesThisCpuLacksAreNamed() throws Exception {
        Run run = run("cpu", "everything");
        assertThat(run.out()).doesNotContain("missing=0\n").containsPattern("names=.*APX_F");
        assertThat(run.out()).doesNotContain("SSE2,"); // every x86_64 CPU has SSE2: never reported missing
    }

    @Test
    void anImageForANewerCpuStopsWithAMessageInsteadOfAnIllegalInstruction() throws Exception {
        Run run = run("cpu", "exit");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("not exited");
        assertThat(run.err())
                .startsWith("The image needs a newer CPU.\nThis CPU lacks: ")
                .contains("APX_F")
                .contains("-march=compatibility");
    }

    @Test
    void localeNamesSplitAsJavaWantsThem() throws Exception {
        assertThat(run("locale", "de_DE.UTF-8").out()).isEqualTo("language=de\nscript=\ncountry=DE\nvariant=\n");
        assertThat(run("locale", "sr_RS@latin").out()).isEqualTo("language=sr\nscript=Latn\ncountry=RS\nvariant=\n");
        assertThat(run("locale", "de_DE@euro").out()).isEqualTo("language=de\nscript=\ncountry=DE\nvariant=\n");
        assertThat(run("locale", "C").out()).isEqualTo("language=en\nscript=\ncountry=US\nvariant=\n");
        assertThat(run("locale", "C.UTF-8").out()).isEqualTo("language=en\nscript=\ncountry=\nvariant=\n");
        assertThat(run("locale", "ja").out()).isEqualTo("language=ja\nscript=\ncountry=\nvariant=\n");
    }

    @Test
    void timeZoneComesFromTzThenEtcTimezoneThenTheLocaltimeLink() throws Exception {
        Path timezone = Files.writeString(dir.resolve("timezone"), "Europe/Berlin\n");
        Path link = dir.resolve("localtime");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/usr/share/zoneinfo/Asia/Tokyo"));
        Path none = dir.resolve("absent");
        assertThat(run("tz", "America/New_York", timezone.toString(), link.toString())
                        .out())
                .isEqualTo("id=America/New_York\n");
        assertThat(run("tz", ":UTC", none.toString(), none.toString()).out()).isEqualTo("id=UTC\n");
        assertThat(run("tz", "/usr/share/zoneinfo/Europe/Paris", none.toString(), none.toString())
                        .out())
                .isEqualTo("id=Europe/Paris\n");
        assertThat(run("tz", "", timezone.toString(), link.toString()).out()).isEqualTo("id=Europe/Berlin\n");
        assertThat(run("tz", "", none.toString(), link.toString()).out()).isEqualTo("id=Asia/Tokyo\n");
        assertThat(run("tz", "", none.toString(), none.toString()).out()).isEqualTo("id=(none)\n");
    }

    @Test
    void cgroupV2LimitsAreTheLowestOnThePathToTheRoot() throws Exception {
        Path root = dir.resolve("v2");
        write(root, "proc/self/cgroup", "0::/lambda/env-1\n");
        write(root, "proc/self/mountinfo", "30 23 0:26 / /sys/fs/cgroup rw,nosuid shared:4 - cgroup2 cgroup2 rw\n");
        Path env = Path.of("sys/fs/cgroup/lambda/env-1");
        write(root, "sys/fs/cgroup/lambda/memory.max", "268435456\n");
        write(root, env + "/memory.max", "max\n");
        write(root, env + "/memory.current", "1048576\n");
        write(root, env + "/memory.peak", "2097152\n");
        write(root, env + "/memory.swap.max", "0\n");
        write(root, env + "/memory.low", "0\n");
        write(root, env + "/memory.stat", "anon 4096\nfile 8192\n");
        write(root, env + "/cpu.max", "50000 100000\n");
        assertThat(run("cgroup", root.toString()).out())
                .isEqualTo("found=0\nversion=2\nlimit=268435456\nswap_limit=268435456\nsoft_limit=-1\n"
                        + "usage=1048576\nmax_usage=2097152\nrss=4096\ncache=8192\ncpu_limit=1\n");
    }

    @Test
    void cgroupV1LimitsComeFromTheMemoryAndCpuHierarchies() throws Exception {
        Path root = dir.resolve("v1");
        write(root, "proc/self/cgroup", "4:memory:/coldbrew/env-2\n1:cpu,cpuacct:/coldbrew/env-2\n0::/\n");
        write(root, "proc/self/mountinfo", """
                30 23 0:26 / /sys/fs/cgroup/memory rw shared:4 - cgroup cgroup rw,memory
                31 23 0:27 / /sys/fs/cgroup/cpu,cpuacct rw shared:5 - cgroup cgroup rw,cpu,cpuacct
                32 23 0:28 / /sys/fs/cgroup/unified rw shared:6 - cgroup2 cgroup2 rw
                """);
        Path memory = Path.of("sys/fs/cgroup/memory/coldbrew/env-2");
        write(root, memory + "/memory.limit_in_bytes", "536870912\n");
        write(root, memory + "/memory.memsw.limit_in_bytes", "9223372036854771712\n");
        write(root, memory + "/memory.soft_limit_in_bytes", "9223372036854771712\n");
        write(root, memory + "/memory.usage_in_bytes", "3145728\n");
        write(root, memory + "/memory.max_usage_in_bytes", "4194304\n");
        write(root, memory + "/memory.stat", "cache 12288\nrss 16384\n");
        Path cpu = Path.of("sys/fs/cgroup/cpu,cpuacct/coldbrew/env-2");
        write(root, cpu + "/cpu.cfs_quota_us", "150000\n");
        write(root, cpu + "/cpu.cfs_period_us", "100000\n");
        assertThat(run("cgroup", root.toString()).out())
                .isEqualTo("found=0\nversion=1\nlimit=536870912\nswap_limit=-1\nsoft_limit=-1\n"
                        + "usage=3145728\nmax_usage=4194304\nrss=16384\ncache=12288\ncpu_limit=2\n");
    }

    @Test
    void withoutAMemoryControllerNothingIsLimited() throws Exception {
        Path root = dir.resolve("none");
        write(root, "proc/self/cgroup", "0::/\n");
        write(root, "proc/self/mountinfo", "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        assertThat(run("cgroup", root.toString()).out()).startsWith("found=-1\nversion=0\nlimit=-1\n");
    }

    private static void write(Path root, String file, String content) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
