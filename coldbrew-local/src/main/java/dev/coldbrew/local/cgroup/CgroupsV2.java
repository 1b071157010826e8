package dev.coldbrew.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cgroup v2 hierarchy with the memory, cpu and pids controllers (kernel docs {@code cgroup-v2.rst}): the
 * coldbrew parent enables them for its children in {@code cgroup.subtree_control}.
 */
final class CgroupsV2 implements Cgroups {

    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

    private final Path parentDir;

    private CgroupsV2(Path parentDir) {
        this.parentDir = parentDir;
    }

    /** Empty when {@code root} is a v2 hierarchy offering every controller; else what is missing. */
    static Optional<String> missingControllers(Path root) {
        try {
            List<String> offered = List.of(
                    Files.readString(root.resolve("cgroup.controllers")).trim().split("\\s+"));
            List<String> missing =
                    CONTROLLERS.stream().filter(c -> !offered.contains(c)).toList();
            return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
        } catch (IOException e) {
            return Optional.of("no cgroup.controllers");
        }
    }

    static CgroupsV2 prepare(Path root, String parent) throws IOException {
        enableControllers(root);
        Path parentDir = root.resolve(parent);
        Files.createDirectories(parentDir);
        enableControllers(parentDir);
        CgroupsV2 cgroups = new CgroupsV2(parentDir);
        cgroups.removeStale();
        return cgroups;
    }

    private static void enableControllers(Path dir) throws IOException {
        String enabled = Files.readString(dir.resolve("cgroup.subtree_control"));
        for (String controller : CONTROLLERS) {
            if (!List.of(enabled.trim().split("\\s+")).contains(controller)) {
                Files.writeString(dir.resolve("cgroup.subtree_control"), "+" + controller);
            }
        }
    }

    private void removeStale() {
        try (Stream<Path> children = Files.list(parentDir)) {
            children.filter(Files::isDirectory).filter(Cgroups::ownerIsGone).forEach(dir -> {
                V2EnvironmentCgroup orphan = V2EnvironmentCgroup.orphan(dir);
                orphan.killAll();
                orphan.remove(System.nanoTime() + 1_000_000_000L);
            });
        } catch (IOException ignored) {
            // nothing to sweep
        }
    }

    @Override
    public EnvironmentCgroup create(String name, int memoryMb, double initVcpus) throws IOException {
        return V2EnvironmentCgroup.create(parentDir.resolve(name), memoryMb, initVcpus);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(parentDir);
        } catch (IOException ignored) {
            // not empty (another local Lambda uses it) or already gone
        }
    }

    @Override
    public String describe() {
        return "cgroup v2 (" + String.join(", ", CONTROLLERS) + ") under " + parentDir;
    }
}
