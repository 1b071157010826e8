package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cgroup v1 groups of one execution environment (v1: memory, cpu, pids, freezer), mapped from Lambda's settings as
 * in invoke-api-and-environment.md §6.4: memory limit = memory size (swap equal, swappiness 0), CPU quota =
 * memory / 1769 MB of one vCPU, 1,024 pids, frozen between invokes, peak memory reset per invoke, OOM kills
 * read from {@code memory.oom_control}.
 */
final class V1EnvironmentCgroup implements EnvironmentCgroup {

    private final CgroupsV1 cgroups;
    private final String name;
    private final long oomKillsAtStart;
    /** The files of every invoke (thaw, peak reset, peak and page cache read, freeze), kept open. */
    private final CgroupFile freezerState;

    private final CgroupFile maxUsage;
    private final CgroupFile memoryStat;

    private V1EnvironmentCgroup(CgroupsV1 cgroups, String name, long oomKillsAtStart) {
        this.cgroups = cgroups;
        this.name = name;
        this.oomKillsAtStart = oomKillsAtStart;
        this.freezerState = new CgroupFile(cgroups.dir("freezer", name).resolve("freezer.state"), true);
        this.maxUsage = new CgroupFile(cgroups.dir("memory", name).resolve("memory.max_usage_in_bytes"), true);
        this.memoryStat = new CgroupFile(cgroups.dir("memory", name).resolve("memory.stat"), false);
    }

    static V1EnvironmentCgroup create(CgroupsV1 cgroups, String name, int memoryMb, double initVcpus)
            throws IOException {
        List<Path> created = new ArrayList<>();
        try {
            for (String controller : CgroupsV1.CONTROLLERS) {
                Path dir = cgroups.dir(controller, name);
                createBelowParent(dir);
                created.add(dir);
            }
            V1EnvironmentCgroup cgroup = new V1EnvironmentCgroup(cgroups, name, 0);
            cgroup.applyLimits(memoryMb, initVcpus);
            return cgroup;
        } catch (IOException | RuntimeException e) {
            created.reversed().forEach(dir -> dir.toFile().delete());
            throw new IOException("create cgroups " + name + " failed: " + e, e);
        }
    }

    /**
     * Creates {@code dir}, re-creating the shared coldbrew parent if another local Lambda removed it when it
     * closed (it removes the parent once empty).
     */
    private static void createBelowParent(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir);
                return;
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** An existing environment cgroup whose owner is gone. */
    static V1EnvironmentCgroup orphan(CgroupsV1 cgroups, String name) {
        return new V1EnvironmentCgroup(cgroups, name, 0);
    }

    private void applyLimits(int memoryMb, double initVcpus) throws IOException {
        String bytes = Long.toString(memoryMb * MIB);
        // A new cgroup starts unlimited, so this lowers the limit: limit_in_bytes first, then memsw (§6.3 gotcha 1).
        write("memory", "memory.limit_in_bytes", bytes);
        Path memsw = cgroups.dir("memory", name).resolve("memory.memsw.limit_in_bytes");
        if (Files.exists(memsw)) {
            Files.writeString(memsw, bytes);
        }
        write("memory", "memory.swappiness", "0");
        write("cpu", "cpu.cfs_period_us", Long.toString(CFS_PERIOD_US));
        limitCpu(initVcpus);
        write("pids", "pids.max", Integer.toString(PIDS_MAX));
    }

    /** The files a process writes its pid into to join every cgroup of this environment. */
    @Override
    public List<Path> procsFiles() {
        return CgroupsV1.CONTROLLERS.stream()
                .map(c -> cgroups.dir(c, name).resolve("cgroup.procs"))
                .toList();
    }

    /** Freezes the environment; its first freeze also freezes the local Lambda's {@link FreezerPin}. */
    @Override
    public void freeze() throws IOException {
        cgroups.holdFreezerPin();
        freezerState.write("FROZEN");
    }

    @Override
    public void thaw() throws IOException {
        freezerState.write("THAWED");
    }

    /** Resets the peak so that {@link #peakMemoryBytes()} covers one invocation (§6.3 gotcha 3). */
    @Override
    public void resetPeak() throws IOException {
        maxUsage.write("0");
    }

    @Override
    public long peakMemoryBytes() throws IOException {
        return Long.parseLong(maxUsage.read().trim());
    }

    /** {@code cache} in {@code memory.stat}: the page cache charged to this cgroup. */
    @Override
    public long chargedFileBytes() throws IOException {
        return MemoryStat.value(memoryStat.read(), "cache");
    }

    @Override
    public void limitCpu(double vcpus) throws IOException {
        write("cpu", "cpu.cfs_quota_us", Long.toString(EnvironmentCgroup.cpuQuotaUs(vcpus)));
    }

    @Override
    public double cpuLimit() throws IOException {
        long quota = Long.parseLong(read("cpu", "cpu.cfs_quota_us").trim());
        long period = Long.parseLong(read("cpu", "cpu.cfs_period_us").trim());
        return (double) quota / period;
    }

    /** True when the kernel's OOM killer killed a process of this environment. */
    @Override
    public boolean oomKilled() {
        try {
            for (String line : read("memory", "memory.oom_control").split("\n")) {
                if (line.startsWith("oom_kill ")) {
                    return Long.parseLong(line.substring(9).trim()) > oomKillsAtStart;
                }
            }
            return false;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** The pids in this environment's cgroup. */
    @Override
    public List<Long> pids() {
        try {
            return Files.readAllLines(cgroups.dir("freezer", name).resolve("cgroup.procs")).stream()
                    .filter(s -> !s.isBlank())
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Kills what still runs in the environment (thawing it so the kills land), then removes every cgroup of it,
     * trying until the deadline while the kernel still counts tasks; false if some remain.
     */
    @Override
    public boolean remove(long deadlineNanos) {
        pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        try {
            thaw();
        } catch (IOException ignored) {
            // no freezer group (already removed)
        }
        List.of(freezerState, maxUsage, memoryStat).forEach(CgroupFile::close);
        boolean removed;
        do {
            removed = true;
            for (String controller : CgroupsV1.CONTROLLERS) {
                Path dir = cgroups.dir(controller, name);
                if (Files.exists(dir) && !dir.toFile().delete()) {
                    removed = false;
                }
            }
            if (!removed) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        } while (!removed && System.nanoTime() < deadlineNanos);
        return removed;
    }

    @Override
    public String name() {
        return name;
    }

    private void write(String controller, String file, String value) throws IOException {
        Path path = cgroups.dir(controller, name).resolve(file);
        try {
            Files.write(path, value.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IOException("write '" + value + "' to " + path + " failed: " + e.getMessage(), e);
        }
    }

    private String read(String controller, String file) throws IOException {
        return Files.readString(cgroups.dir(controller, name).resolve(file));
    }
}
