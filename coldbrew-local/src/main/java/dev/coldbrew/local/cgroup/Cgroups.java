package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local Lambda puts its environments' cgroups: the v1 hierarchies (memory, cpu, pids, freezer) when
 * they are mounted, else a cgroup v2 hierarchy whose {@code cgroup.controllers} offers memory, cpu and pids;
 * always below a coldbrew-owned parent cgroup.
 */
public interface Cgroups {

    /**
     * Creates the cgroups of one environment with Lambda's limits for {@code memoryMb} and {@code initVcpus} of CPU
     * for its Init phase (its owner sets the invoke's share with {@link EnvironmentCgroup#limitCpu} when Init ends).
     */
    EnvironmentCgroup create(String name, int memoryMb, double initVcpus) throws IOException;

    /**
     * Gives back what this local Lambda holds in the hierarchy (v1: its {@link FreezerPin}) and removes the parent
     * cgroups if they are empty (never fails: another local Lambda may still use them). Called once its environments
     * are gone.
     */
    void close();

    /** Which hierarchy, for the log. */
    String describe();

    /** Either hierarchies to use, or why there are none. */
    record Result(Optional<Cgroups> cgroups, String unavailableReason) {}

    /**
     * Finds writable cgroups under {@code root}: v1 first (the target machines have v1 controllers), then v2 at
     * {@code root} or {@code root/unified}. Returns the reason when neither can be used.
     */
    static Result detect(Path root, String parent) {
        if (CgroupsV1.mounted(root)) {
            CgroupsV1 v1 = new CgroupsV1(root, parent);
            try {
                v1.prepare();
                return new Result(Optional.of(v1), null);
            } catch (IOException | SecurityException e) {
                return new Result(Optional.empty(), "cannot create cgroup " + parent + " under " + root + ": " + e);
            }
        }
        for (Path candidate : new Path[] {root, root.resolve("unified")}) {
            Optional<String> missing = CgroupsV2.missingControllers(candidate);
            if (missing.isEmpty()) {
                try {
                    return new Result(Optional.of(CgroupsV2.prepare(candidate, parent)), null);
                } catch (IOException | SecurityException e) {
                    return new Result(
                            Optional.empty(), "cannot set up cgroup v2 " + candidate.resolve(parent) + ": " + e);
                }
            }
        }
        return new Result(
                Optional.empty(),
                "no cgroup v1 memory/cpu/pids/freezer hierarchies under " + root
                        + " and no cgroup v2 hierarchy with the memory, cpu and pids controllers");
    }

    /** True for a cgroup named {@code <pid>-...} whose creating process no longer exists. */
    static boolean ownerIsGone(Path dir) {
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(name.substring(0, dash));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
