package dev.coldbrew.local.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection and the v2 file mapping, on a directory laid out like a cgroup v2 mount (this machine kind has no
 * v2 memory controller, so the real files are exercised by CgroupLimitsIT through v1 only).
 */
class CgroupsTest {

    @TempDir
    Path root;

    @Test
    void withoutHierarchiesTheReasonIsGiven() {
        Cgroups.Result result = Cgroups.detect(root, "coldbrew");

        assertThat(result.cgroups()).isEmpty();
        assertThat(result.unavailableReason()).contains("no cgroup v1").contains("no cgroup v2 hierarchy");
    }

    @Test
    void v2WithoutTheMemoryControllerIsNotUsed() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "hugetlb\n");

        assertThat(CgroupsV2.missingControllers(root)).hasValue("memory, cpu, pids");
        assertThat(Cgroups.detect(root, "coldbrew").cgroups()).isEmpty();
    }

    @Test
    void v2LimitsAreWrittenAsLambdasSettings() throws IOException {
        Path unified = Files.createDirectories(root.resolve("unified"));
        Files.writeString(unified.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids\n");
        Files.writeString(unified.resolve("cgroup.subtree_control"), "");
        Files.createDirectories(unified.resolve("coldbrew"));
        Files.writeString(unified.resolve("coldbrew/cgroup.subtree_control"), "memory cpu pids\n");

        Cgroups cgroups = Cgroups.detect(root, "coldbrew").cgroups().orElseThrow();
        EnvironmentCgroup env = cgroups.create("123-abc-hello-1", 512, 2);
        env.freeze();

        Path dir = unified.resolve("coldbrew/123-abc-hello-1");
        assertThat(cgroups.describe()).startsWith("cgroup v2");
        assertThat(Files.readString(dir.resolve("memory.max"))).isEqualTo(Long.toString(512L * 1024 * 1024));
        assertThat(Files.readString(dir.resolve("cpu.max"))).isEqualTo("200000 100000");
        assertThat(Files.readString(dir.resolve("pids.max"))).isEqualTo("1024");
        assertThat(Files.readString(dir.resolve("cgroup.freeze"))).isEqualTo("1");
        assertThat(env.procsFiles()).containsExactly(dir.resolve("cgroup.procs"));
    }

    @Test
    void v2InitCpuGivesWayToTheInvokesShareAndTheMeterReadsPeakAndPageCache() throws IOException {
        Path unified = Files.createDirectories(root.resolve("unified"));
        Files.writeString(unified.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(unified.resolve("cgroup.subtree_control"), "cpu memory pids\n");
        Files.createDirectories(unified.resolve("coldbrew"));
        Files.writeString(unified.resolve("coldbrew/cgroup.subtree_control"), "cpu memory pids\n");
        EnvironmentCgroup env =
                Cgroups.detect(root, "coldbrew").cgroups().orElseThrow().create("123-abc-hello-1", 256, 2);
        Path dir = unified.resolve("coldbrew/123-abc-hello-1");
        assertThat(env.cpuLimit()).isEqualTo(2.0);

        env.limitCpu(EnvironmentCgroup.invokeVcpus(256));
        Files.writeString(dir.resolve("memory.peak"), "73400320\n");
        Files.writeString(dir.resolve("memory.stat"), "anon 50331648\nfile 20971520\nkernel 1048576\n");

        assertThat(Files.readString(dir.resolve("cpu.max"))).isEqualTo((100_000L * 256 / 1769) + " 100000");
        assertThat(env.cpuLimit()).isEqualTo((100_000L * 256 / 1769) / 100_000.0);
        assertThat(env.peakMemoryBytes()).isEqualTo(73_400_320L);
        assertThat(env.chargedFileBytes()).isEqualTo(20_971_520L);
    }

    @Test
    void aMemoryStatWithoutTheCounterIsAnErrorNamingIt() {
        assertThatThrownBy(() -> MemoryStat.value("anon 1\nfile_mapped 2\n", "file"))
                .isInstanceOf(IOException.class)
                .hasMessage("memory.stat has no counter file");
        assertThatThrownBy(() -> MemoryStat.value("file x\n", "file"))
                .hasMessage("memory.stat: counter file is not a number: 'file x'");
    }

    @Test
    void cpuQuotaIsMemoryOver1769MbOfOneCpu() {
        assertThat(EnvironmentCgroup.cpuQuotaUs(EnvironmentCgroup.invokeVcpus(1769)))
                .isEqualTo(100_000);
        assertThat(EnvironmentCgroup.cpuQuotaUs(EnvironmentCgroup.invokeVcpus(3538)))
                .isEqualTo(200_000);
        assertThat(EnvironmentCgroup.cpuQuotaUs(EnvironmentCgroup.invokeVcpus(128)))
                .isEqualTo(7_235);
    }
}
