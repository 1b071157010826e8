package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment that cannot start removes what it made: its Runtime API cannot bind after its cgroups were created,
 * or another process holds its go1.x port at every attempt. Runs on the machine's cgroup v1 hierarchies under a parent of its own, so that other local Lambdas
 * running at the same time do not change the count.
 */
class StartFailureIT {

    static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids", "freezer");
    /** TEST-NET-1 (RFC 5737): no interface of this machine has it, so a bind to it fails. */
    static final String UNASSIGNED_ADDRESS = "192.0.2.1";

    static final Duration WAIT = Duration.ofSeconds(30);

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

    @Test
    void aGo1xPortTakenAtEveryAttemptLeavesNoCgroupBehind() throws Exception {
        Path code = Files.createDirectories(dir.resolve("go"));
        Path ports = dir.resolve("ports");
        Path handler = code.resolve("squatted");
        // Tells the test its port at every start, then never listens: the test takes each port first.
        Files.writeString(handler, """
                #!/bin/sh
                echo "$_LAMBDA_SERVER_PORT" >> "$PORTS"
                exec sleep 60
                """);
        assertThat(handler.toFile().setExecutable(true)).isTrue();
        lambda = LocalLambda.create(LocalOptions.builder()
                .cgroups(CGROUP_ROOT, parent)
                .logSink(lines::add)
                .build());
        assumeTrue(lambda.limitsEnforced(), "needs writable cgroup v1 hierarchies (root)");
        lambda.register(FunctionConfig.of("squatted", code, RuntimeKind.GO1X, "squatted")
                .withEnvironment(Map.of("PORTS", ports.toString()))
                .withMemoryMb(TestFunctions.MEMORY_MB));

        CompletableFuture<InvocationResult> call =
                CompletableFuture.supplyAsync(() -> lambda.invoke("squatted", "{}".getBytes(StandardCharsets.UTF_8)));
        List<ServerSocket> squatters = new ArrayList<>();
        try {
            for (int attempt = 1; attempt <= 2; attempt++) {
                squatters.add(new ServerSocket(awaitPort(ports, attempt), 5, InetAddress.getLoopbackAddress()));
            }
            InvocationResult result = call.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(result.functionError()).as(result.log()).isNotNull();
            assertThat(lines.stream()
                            .filter(l -> l.startsWith("INIT_REPORT") && l.contains("Error Type: Runtime.PortTaken")))
                    .hasSize(2);
        } finally {
            for (ServerSocket squatter : squatters) {
                squatter.close();
            }
        }
        for (String controller : CONTROLLERS) {
            assertThat(environmentCgroups(controller)).as(controller).isEmpty();
        }
    }

    /** The port the function's {@code attempt}-th start wrote to {@code ports}. */
    private static int awaitPort(Path ports, int attempt) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> written = Files.exists(ports) ? Files.readAllLines(ports) : List.of();
            if (written.size() >= attempt && !written.get(attempt - 1).isBlank()) {
                return Integer.parseInt(written.get(attempt - 1).strip());
            }
            LockSupport.parkNanos(5_000_000);
        }
        throw new AssertionError("start " + attempt + " of the function wrote no port to " + ports);
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
