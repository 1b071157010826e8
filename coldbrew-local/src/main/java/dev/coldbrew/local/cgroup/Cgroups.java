package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cgroup v1 hierarchies the local Lambda uses (memory, cpu, pids, freezer), found under a root such as
 * {@code /sys/fs/cgroup}, with a coldbrew-owned parent cgroup in each. Facts from invoke-api-and-environment.md
 * §6: the machines this targets have v1 controllers and a v2 mount with only {@code hugetlb}.
 */
public final class Cgroups {

    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids", "freezer");

    private final Path root;
    private final String parent;

    private Cgroups(Path root, String parent) {
        this.root = root;
        this.parent = parent;
    }

    /**
     * The hierarchies under {@code root} when every controller is mounted and the parent cgroup can be created
     * in each; otherwise a reason why limits cannot be enforced.
     */
    public static Result detect(Path root, String parent) {
        for (String controller : CONTROLLERS) {
            Path dir = root.resolve(controller);
            if (!Files.isRegularFile(dir.resolve("cgroup.procs"))) {
                return new Result(Optional.empty(), "no cgroup v1 " + controller + " controller at " + dir);
            }
            try {
                Files.createDirectories(dir.resolve(parent));
            } catch (IOException | SecurityException e) {
                return new Result(Optional.empty(), "cannot create cgroup " + dir.resolve(parent) + ": " + e);
            }
        }
        Cgroups cgroups = new Cgroups(root, parent);
        cgroups.removeStale();
        return new Result(Optional.of(cgroups), null);
    }

    /** Either hierarchies to use, or why there are none. */
    public record Result(Optional<Cgroups> cgroups, String unavailableReason) {}

    /** Creates the cgroups of one environment with Lambda's limits for {@code memoryMb}. */
    public EnvironmentCgroup create(String name, int memoryMb) throws IOException {
        return EnvironmentCgroup.create(this, name, memoryMb);
    }

    Path dir(String controller, String name) {
        return root.resolve(controller).resolve(parent).resolve(name);
    }

    /**
     * Removes empty environment cgroups left behind by a local Lambda that was killed: their names start with
     * the pid of the JVM that created them, and that process no longer exists.
     */
    private void removeStale() {
        for (String controller : CONTROLLERS) {
            try (Stream<Path> children = Files.list(root.resolve(controller).resolve(parent))) {
                children.filter(Files::isDirectory)
                        .filter(Cgroups::ownerIsGone)
                        .forEach(dir -> dir.toFile().delete());
            } catch (IOException ignored) {
                // nothing to sweep
            }
        }
    }

    private static boolean ownerIsGone(Path dir) {
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

    /** Removes the parent cgroups if they are empty (never fails: another process may still use them). */
    public void removeParentIfEmpty() {
        for (String controller : CONTROLLERS) {
            try {
                Files.deleteIfExists(root.resolve(controller).resolve(parent));
            } catch (IOException ignored) {
                // not empty (another local Lambda uses it) or already gone
            }
        }
    }
}
