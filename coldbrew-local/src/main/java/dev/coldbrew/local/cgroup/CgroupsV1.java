package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The cgroup v1 hierarchies the local Lambda uses (memory, cpu, pids, freezer), found under a root such as
 * {@code /sys/fs/cgroup}, with a coldbrew-owned parent cgroup in each. Facts from invoke-api-and-environment.md
 * §6: the machines this targets have v1 controllers and a v2 mount with only {@code hugetlb}.
 */
final class CgroupsV1 implements Cgroups {

    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids", "freezer");

    private final Path root;
    private final String parent;
    private final FreezerPin pin;

    CgroupsV1(Path root, String parent) {
        this.root = root;
        this.parent = parent;
        String pinName = ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "-freezer-pin";
        this.pin = new FreezerPin(root.resolve("freezer").resolve(parent).resolve(pinName));
    }

    /** True when every controller is mounted as v1 under {@code root}. */
    static boolean mounted(Path root) {
        return CONTROLLERS.stream()
                .allMatch(c -> Files.isRegularFile(root.resolve(c).resolve("cgroup.procs")));
    }

    /** Creates the coldbrew parent in every hierarchy and sweeps cgroups left by killed local Lambdas. */
    void prepare() throws IOException {
        for (String controller : CONTROLLERS) {
            Files.createDirectories(root.resolve(controller).resolve(parent));
        }
        removeStale();
    }

    @Override
    public String describe() {
        return "cgroup v1 (" + String.join(", ", CONTROLLERS) + ") under " + root + "/*/" + parent;
    }

    @Override
    public EnvironmentCgroup create(String name, int memoryMb, double initVcpus) throws IOException {
        return V1EnvironmentCgroup.create(this, name, memoryMb, initVcpus);
    }

    /** Keeps freezes and thaws of environments cheap from the first freeze on (see {@link FreezerPin}). */
    void holdFreezerPin() {
        pin.hold();
    }

    Path dir(String controller, String name) {
        return root.resolve(controller).resolve(parent).resolve(name);
    }

    /**
     * Cleans up after a local Lambda that was killed (SIGKILL gives it no chance to): environment cgroups whose
     * names start with the pid of a JVM that no longer exists. Their runtime processes, which outlive it in their
     * own sessions, are killed, then the cgroups are removed.
     */
    private void removeStale() {
        List<String> stale;
        try (Stream<Path> children = Files.list(root.resolve("freezer").resolve(parent))) {
            stale = children.filter(Files::isDirectory)
                    .filter(Cgroups::ownerIsGone)
                    .map(dir -> dir.getFileName().toString())
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (String name : stale) {
            V1EnvironmentCgroup.orphan(this, name).remove(System.nanoTime() + STALE_KILL_WAIT_NANOS);
        }
    }

    /** How long the sweep waits for the processes of one stale environment to die: 1 s. */
    private static final long STALE_KILL_WAIT_NANOS = 1_000_000_000L;

    /** Thaws and removes the freezer pin, then removes the parents if empty. */
    @Override
    public void close() {
        pin.release();
        for (String controller : CONTROLLERS) {
            try {
                Files.deleteIfExists(root.resolve(controller).resolve(parent));
            } catch (IOException ignored) {
                // not empty (another local Lambda uses it) or already gone
            }
        }
    }
}
