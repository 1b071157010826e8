package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The cgroups of one execution environment, mapped from Lambda's settings (invoke-api-and-environment.md §6.4):
 * memory limit = memory size without swap, CPU quota = memory / 1769 MB of one vCPU during invokes (the Init
 * phase gets the quota its creator asks for, see {@code InitCpu}), 1,024 pids, frozen between invokes, peak memory
 * reset per invoke, OOM kills counted.
 */
public interface EnvironmentCgroup {

    /** Lambda gives one vCPU per 1,769 MB (docs configuration-memory). */
    int MB_PER_VCPU = 1769;

    long CFS_PERIOD_US = 100_000;
    /** Lambda's limit on processes and threads (docs gettingstarted-limits). */
    int PIDS_MAX = 1024;

    long MIB = 1024 * 1024;

    /** The vCPUs of an invoke: memory / 1,769 MB. */
    static double invokeVcpus(int memoryMb) {
        return (double) memoryMb / MB_PER_VCPU;
    }

    /** The CPU quota per period for a share of vCPUs (at least 1 ms: the kernel's minimum). */
    static long cpuQuotaUs(double vcpus) {
        return Math.max(1000, (long) (CFS_PERIOD_US * vcpus));
    }

    /** Sets the CPU quota to {@code vcpus} (1.0 = one full CPU). */
    void limitCpu(double vcpus) throws IOException;

    /** The CPU quota currently set, in vCPUs. */
    double cpuLimit() throws IOException;

    /** The files a process writes its pid into to join every cgroup of this environment. */
    List<Path> procsFiles();

    void freeze() throws IOException;

    void thaw() throws IOException;

    /** Resets the peak so that {@link #peakMemoryBytes()} covers one invocation. */
    void resetPeak() throws IOException;

    /** Peak memory charged to the environment since the last {@link #resetPeak()}, in bytes. */
    long peakMemoryBytes() throws IOException;

    /**
     * The file pages (page cache) charged to the environment now, in bytes: files it read or wrote first. Part
     * of {@link #peakMemoryBytes()}; a memory meter that counts file pages its own way subtracts them.
     */
    long chargedFileBytes() throws IOException;

    /** True when the kernel's OOM killer killed a process of this environment. */
    boolean oomKilled();

    /** The pids in this environment's cgroup. */
    List<Long> pids();

    /** Kills every process in the cgroup with one kernel call when the hierarchy has one (v2 cgroup.kill). */
    default boolean killAll() {
        return false;
    }

    /** Removes the cgroups once their processes are gone, trying until the deadline; false if they remain. */
    boolean remove(long deadlineNanos);

    String name();
}
