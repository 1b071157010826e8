package dev.coldbrew.nativeimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A memory-limited cgroup for one test, v2 where the unified hierarchy has the memory controller, else v1: made
 * when the test starts, and its processes killed and the cgroup removed when it ends, also when the test fails.
 * Needs root; {@link #available()} says whether this machine allows it.
 */
final class TestCgroup implements AutoCloseable {
    private static final Path V2 = Path.of("/sys/fs/cgroup");
    private static final Path V1_MEMORY = Path.of("/sys/fs/cgroup/memory");

    private final Path dir;
    private final int version;

    private TestCgroup(Path dir, int version) {
        this.dir = dir;
        this.version = version;
    }

    static boolean available() {
        return v2() || Files.isWritable(V1_MEMORY.resolve("cgroup.procs"));
    }

    private static boolean v2() {
        try {
            return Files.readString(V2.resolve("cgroup.subtree_control")).contains("memory");
        } catch (IOException e) {
            return false;
        }
    }

    static TestCgroup create(String name, long memoryBytes) throws IOException {
        boolean v2 = v2();
        Path dir = (v2 ? V2 : V1_MEMORY)
                .resolve("coldbrew-native-test-" + ProcessHandle.current().pid() + "-" + name);
        Files.createDirectories(dir);
        TestCgroup cgroup = new TestCgroup(dir, v2 ? 2 : 1);
        try {
            Files.writeString(dir.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"), Long.toString(memoryBytes));
        } catch (IOException e) {
            cgroup.close();
            throw e;
        }
        return cgroup;
    }

    int version() {
        return version;
    }

    /** {@code command}, started by a shell that first moves itself into this cgroup. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(
                "/bin/sh", "-c", "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"", "in-cgroup"));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public void close() {
        for (int attempt = 0; attempt < 50 && Files.exists(dir); attempt++) {
            try {
                for (String pid : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
                Files.delete(dir);
            } catch (IOException | NumberFormatException e) {
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
