package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment that cannot start removes what it made: here its Runtime API cannot bind, after its cgroups were
 * created. Runs on the machine's cgroup v1 hierarchies under a parent of its own, so that other local Lambdas
 * running at the same time do not change the count.
 */
class StartFailureIT {

    static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids", "freezer");
    /** TEST-NET-1 (RFC 5737): no interface of this machine has it, so a bind to it fails. */
    static final String UNASSIGNED_ADDRESS = "192.0.2.1";

    @TempDir
    Path dir;

    final String parent = "coldbrew-startfailure-" + ProcessHandle.current().pid();
    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;

    @AfterEach
    void removeLeftovers() {
        for (String controller : CONTROLLERS) {
            environmentCgroups(controller).forEach(cgroup -> cgroup.toFile().delete());
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void aRuntimeApiThatCannotBindLeavesNoCgroupBehind() throws IOException {
        lambda = LocalLambda.create(LocalOptions.builder()
                .cgroups(CGROUP_ROOT, parent)
                .bindAddress(InetAddress.getByName(UNASSIGNED_ADDRESS))
                .logSink(lines::add)
                .build());
        assumeTrue(lambda.limitsEnforced(), "needs writable cgroup v1 hierarchies (root)");
        lambda.register(TestFunctions.probe(dir, "unbound"));

        InvocationResult first = lambda.invoke("unbound", "{}".getBytes(StandardCharsets.UTF_8));
        InvocationResult second = lambda.invoke("unbound", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(first.functionError()).as(String.join("\n", lines)).isNotNull();
        assertThat(second.functionError()).isNotNull();
        assertThat(lines).anyMatch(l -> l.contains("start failed") && l.contains(UNASSIGNED_ADDRESS));
        for (String controller : CONTROLLERS) {
            assertThat(environmentCgroups(controller)).as(controller).isEmpty();
        }
    }

    /** The environment cgroups under this test's parent in one hierarchy. */
    private List<Path> environmentCgroups(String controller) {
        Path parentDir = CGROUP_ROOT.resolve(controller).resolve(parent);
        if (!Files.isDirectory(parentDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parentDir)) {
            return children.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
