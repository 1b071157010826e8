package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One environment's cgroup v2 group (kernel docs {@code cgroup-v2.rst}): {@code memory.max} and
 * {@code memory.swap.max=0}, {@code cpu.max = "<quota> 100000"}, {@code pids.max}, {@code cgroup.freeze},
 * {@code memory.peak} (reset by a write on kernels from 6.12; otherwise it is the peak since the start),
 * {@code memory.events oom_kill}, and {@code cgroup.kill}, which also works on a frozen group.
 */
final class V2EnvironmentCgroup implements EnvironmentCgroup {

    private final Path dir;

    private V2EnvironmentCgroup(Path dir) {
        this.dir = dir;
    }

    /** An existing environment cgroup whose owner is gone. */
    static V2EnvironmentCgroup orphan(Path dir) {
        return new V2EnvironmentCgroup(dir);
    }

    static V2EnvironmentCgroup create(Path dir, int memoryMb, double initVcpus) throws IOException {
        Files.createDirectory(dir);
        V2EnvironmentCgroup cgroup = new V2EnvironmentCgroup(dir);
        try {
            cgroup.write("memory.max", Long.toString(memoryMb * MIB));
            if (Files.exists(dir.resolve("memory.swap.max"))) {
                cgroup.write("memory.swap.max", "0");
            }
            cgroup.limitCpu(initVcpus);
            cgroup.write("pids.max", Integer.toString(PIDS_MAX));
            return cgroup;
        } catch (IOException | RuntimeException e) {
            dir.toFile().delete();
            throw new IOException("create cgroup " + dir + " failed: " + e, e);
        }
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public void freeze() throws IOException {
        write("cgroup.freeze", "1");
    }

    @Override
    public void thaw() throws IOException {
        write("cgroup.freeze", "0");
    }

    @Override
    public void resetPeak() throws IOException {
        Path peak = dir.resolve("memory.peak");
        if (Files.exists(peak)) {
            try {
                Files.writeString(peak, "0");
            } catch (IOException e) {
                // kernels before 6.12 cannot reset memory.peak: it stays the peak since the start
            }
        }
    }

    @Override
    public long peakMemoryBytes() throws IOException {
        Path peak = dir.resolve("memory.peak");
        Path file = Files.exists(peak) ? peak : dir.resolve("memory.current");
        return Long.parseLong(Files.readString(file).trim());
    }

    /** {@code file} in {@code memory.stat}: the page cache charged to this cgroup. */
    @Override
    public long chargedFileBytes() throws IOException {
        return MemoryStat.value(Files.readString(dir.resolve("memory.stat")), "file");
    }

    @Override
    public void limitCpu(double vcpus) throws IOException {
        write("cpu.max", EnvironmentCgroup.cpuQuotaUs(vcpus) + " " + CFS_PERIOD_US);
    }

    /** {@code cpu.max} is {@code "<quota> <period>"}, or {@code "max <period>"} when unlimited. */
    @Override
    public double cpuLimit() throws IOException {
        String[] max = Files.readString(dir.resolve("cpu.max")).trim().split(" ");
        return max[0].equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(max[0]) / Long.parseLong(max[1]);
    }

    @Override
    public boolean oomKilled() {
        try {
            for (String line : Files.readAllLines(dir.resolve("memory.events"))) {
                if (line.startsWith("oom_kill ")) {
                    return Long.parseLong(line.substring(9).trim()) > 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no events file: no OOM known
        }
        return false;
    }

    @Override
    public List<Long> pids() {
        try {
            return Files.readAllLines(dir.resolve("cgroup.procs")).stream()
                    .filter(s -> !s.isBlank())
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public boolean killAll() {
        try {
            write("cgroup.kill", "1");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean remove(long deadlineNanos) {
        while (Files.exists(dir) && !dir.toFile().delete()) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    @Override
    public String name() {
        return dir.getFileName().toString();
    }

    private void write(String file, String value) throws IOException {
        Path path = dir.resolve(file);
        try {
            Files.write(path, value.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IOException("write '" + value + "' to " + path + " failed: " + e.getMessage(), e);
        }
    }
}
