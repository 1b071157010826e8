package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.testing.TestFunctions;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment lifecycle: zip code, init timeout, idle expiry, stopping, process trees, running without limits. */
class LifecycleIT {

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;

    LocalLambda start(LocalOptions.Builder options) {
        lambda = LocalLambda.create(options.logSink(lines::add).build());
        return lambda;
    }

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void zipCodeIsUnzippedWithItsExecutableBits() throws IOException {
        FunctionConfig probe = TestFunctions.probe(dir.resolve("src"), "zipped");
        Path zip = dir.resolve("function.zip");
        try (FileSystem fs = FileSystems.newFileSystem(
                URI.create("jar:" + zip.toUri()), Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            for (String file : List.of("bootstrap", "Fn.class")) {
                Path entry = fs.getPath(file);
                Files.copy(dir.resolve("src").resolve(file), entry);
                Files.setPosixFilePermissions(
                        entry, PosixFilePermissions.fromString(file.equals("bootstrap") ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        start(LocalOptions.builder())
                .register(new FunctionConfig(
                        "zipped",
                        zip,
                        RuntimeKind.PROVIDED,
                        "Fn",
                        probe.memoryMb(),
                        probe.timeout(),
                        FunctionConfig.UNRESERVED,
                        probe.environment()));

        InvocationResult result = invoke("zipped", "{\"action\":\"env\",\"name\":\"LAMBDA_TASK_ROOT\"}");

        assertThat(result.functionError()).as(result.log()).isNull();
        assertThat(result.payloadText()).doesNotContain(dir.toString()).contains("coldbrew-task-");
        Path taskRoot = Path.of(result.payloadText().replace("\"", ""));
        lambda.close();
        assertThat(taskRoot).doesNotExist();
    }

    @Test
    void initOverTheInitLimitIsRetriedInsideTheFirstInvoke() {
        start(LocalOptions.builder().initTimeout(Duration.ofMillis(500)));
        lambda.register(TestFunctions.probe(dir, "sleepy", Map.of("INIT_SLEEP_MS", "1000"))
                .withTimeout(Duration.ofSeconds(30)));

        InvocationResult result = invoke("sleepy", "{}");

        assertThat(result.functionError()).isNull();
        assertThat(result.log()).containsPattern("INIT_REPORT Init Duration: [0-9.]+ ms\tPhase: init\tStatus: timeout");
        assertThat(result.report().initDurationMs()).isEmpty();
        assertThat(result.report().durationMs()).isGreaterThan(1000);
    }

    @Test
    void aRetriedInitKeepsTheConcurrencyLimit() throws Exception {
        start(LocalOptions.builder());
        FunctionConfig probe = TestFunctions.probe(
                        dir.resolve("fn"),
                        "flaky",
                        Map.of("MARKER", dir.resolve("failed-once").toString()))
                .withReservedConcurrency(1)
                // the retried init (a JVM start) counts against the timeout: this test is about concurrency, and
                // the default 3 s is too short for a JVM start on a loaded machine
                .withTimeout(Duration.ofSeconds(60));
        Files.writeString(
                dir.resolve("fn/bootstrap"),
                "#!/bin/sh\nif [ ! -e \"$MARKER\" ]; then : > \"$MARKER\"; exit 1; fi\n"
                        + "exec \"$JAVA\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp \"$LAMBDA_TASK_ROOT\" Fn\n");
        lambda.register(probe);
        InvocationResult first = invoke("flaky", "{}");
        assertThat(first.functionError()).as(first.log()).isNull();
        assertThat(first.log()).contains("Phase: init\tStatus: error");

        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<Thread> parallel = List.of(
                Thread.ofVirtual()
                        .start(() -> statuses.add(invoke("flaky", "{\"action\":\"sleep\",\"ms\":2000}")
                                .statusCode())),
                Thread.ofVirtual()
                        .start(() -> statuses.add(invoke("flaky", "{\"action\":\"sleep\",\"ms\":2000}")
                                .statusCode())));
        for (Thread t : parallel) {
            assertThat(t.join(Duration.ofSeconds(60))).isTrue();
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 429);
    }

    @Test
    void anInvokeInterruptedDuringInitLeavesNoEnvironmentBehind() throws Exception {
        start(LocalOptions.builder());
        lambda.register(TestFunctions.probe(dir, "interrupted", Map.of("INIT_SLEEP_MS", "8000")));
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                invoke("interrupted", "{}");
            } catch (IllegalStateException expected) {
                // the interrupt ends the invoke
            }
        });
        long pid = awaitEnvironment("interrupted");

        caller.interrupt();

        assertThat(caller.join(Duration.ofSeconds(30))).isTrue();
        assertThat(lambda.environmentPids("interrupted")).isEmpty();
        assertThat(LocalLambdaIT.alive(pid)).isFalse();
    }

    /** The pid of the function's first environment, waiting up to 30 s for it to exist. */
    private long awaitEnvironment(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lambda.environmentPids(name).isEmpty()) {
            assertThat(System.nanoTime())
                    .as("an environment of " + name + " within 30 s")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
        return lambda.environmentPids(name).getFirst();
    }

    @Test
    void theRetriedInitIsReportedAsPhaseInvokeWhenTheTimeoutEqualsTheInitLimit() {
        start(LocalOptions.builder().initTimeout(Duration.ofSeconds(1)));
        lambda.register(TestFunctions.probe(dir, "slowinit", Map.of("INIT_SLEEP_MS", "20000"))
                .withTimeout(Duration.ofSeconds(1)));

        InvocationResult result = invoke("slowinit", "{}");

        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.log())
                .containsPattern("INIT_REPORT Init Duration: [0-9.]+ ms\tPhase: init\tStatus: timeout")
                .containsPattern("INIT_REPORT Init Duration: [0-9.]+ ms\tPhase: invoke\tStatus: timeout");
    }

    @Test
    void idleEnvironmentsExpire() throws InterruptedException {
        start(LocalOptions.builder().idleExpiry(Duration.ofMillis(300)));
        lambda.register(TestFunctions.probe(dir, "expiring"));
        long pid = Long.parseLong(invoke("expiring", "{\"action\":\"pid\"}").payloadText());

        for (int i = 0; i < 500 && LocalLambdaIT.alive(pid); i++) {
            Thread.sleep(10);
        }

        assertThat(LocalLambdaIT.alive(pid)).isFalse();
        assertThat(lambda.environmentPids("expiring")).isEmpty();
        assertThat(invoke("expiring", "{}").report().initDurationMs()).isPresent();
    }

    @Test
    void stopEnvironmentsMakesTheNextInvokeCold() {
        start(LocalOptions.builder());
        lambda.register(TestFunctions.probe(dir, "stopped"));
        long pid = Long.parseLong(invoke("stopped", "{\"action\":\"pid\"}").payloadText());

        lambda.stopEnvironments("stopped");
        InvocationResult next = invoke("stopped", "{\"action\":\"pid\"}");

        assertThat(LocalLambdaIT.alive(pid)).isFalse();
        assertThat(next.report().initDurationMs()).isPresent();
        assertThat(Long.parseLong(next.payloadText())).isNotEqualTo(pid);
    }

    @Test
    void timeoutAndCloseKillTheWholeProcessTree() {
        start(LocalOptions.builder());
        // the first invoke starts a child on a cold JVM: the timeout leaves a loaded machine room for that, and the
        // sleep outlasts it many times over
        lambda.register(TestFunctions.probe(dir, "forking").withTimeout(Duration.ofSeconds(10)));
        long child = Long.parseLong(invoke("forking", "{\"action\":\"fork\"}").payloadText());
        long other = Long.parseLong(invoke("forking", "{\"action\":\"fork\"}").payloadText());

        InvocationResult timedOut = invoke("forking", "{\"action\":\"sleep\",\"ms\":600000}");
        assertThat(timedOut.report().status()).isEqualTo("timeout");
        assertThat(LocalLambdaIT.alive(child))
                .as("child of a timed-out environment")
                .isFalse();

        long third = Long.parseLong(invoke("forking", "{\"action\":\"fork\"}").payloadText());
        lambda.close();
        assertThat(LocalLambdaIT.alive(other)).isFalse();
        assertThat(LocalLambdaIT.alive(third)).as("child after close").isFalse();
    }

    @Test
    void withoutCgroupsEverythingRunsAndItSaysSoOnce() {
        start(LocalOptions.builder().cgroups(dir.resolve("no-cgroups"), "coldbrew"));
        // touching 200 MB page by page took 1.5-2.2 s on a loaded machine (CgroupLimitsIT): the default 3 s timeout
        // would cut the allocation, and with it the peak, short
        lambda.register(TestFunctions.probe(dir.resolve("fn"), "free").withTimeout(Duration.ofSeconds(30)));

        InvocationResult first = invoke("free", "{}");
        // 200 MB, well above what the first (cold) invoke's peak may hold besides on a busy machine
        InvocationResult second = invoke("free", "{\"action\":\"alloc\",\"mb\":200}");

        assertThat(lambda.limitsEnforced()).isFalse();
        assertThat(lines.stream()
                        .filter(l -> l.contains("limits are NOT enforced"))
                        .count())
                .isEqualTo(1);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.payloadText()).as(second.report().toLogLine()).isEqualTo("\"allocated\"");
        assertThat(second.report().maxMemoryUsedMb())
                .isGreaterThan(first.report().maxMemoryUsedMb());
    }

    @Test
    void throttledEventsStayQueuedAndRunWhenAnEnvironmentIsFree() throws Exception {
        start(LocalOptions.builder());
        // a cold first invoke that sleeps 1.5 s: more than the default 3 s timeout leaves a loaded machine
        lambda.register(
                TestFunctions.probe(dir, "single").withReservedConcurrency(1).withTimeout(Duration.ofSeconds(60)));
        Thread busy = Thread.ofVirtual().start(() -> invoke("single", "{\"action\":\"sleep\",\"ms\":1500}"));
        awaitEnvironment("single");

        lambda.invokeAsync("single", "{\"event\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(busy.join(Duration.ofSeconds(60))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reports() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(reports()).isEqualTo(2);
        assertThat(lines).noneMatch(l -> l.contains("dropped"));
    }

    private long reports() {
        return lines.stream().filter(l -> l.startsWith("REPORT RequestId: ")).count();
    }

    @Test
    void missingBootstrapIsRuntimeInvalidEntrypoint() throws IOException {
        start(LocalOptions.builder());
        lambda.register(
                FunctionConfig.of("empty", Files.createDirectories(dir.resolve("empty")), RuntimeKind.PROVIDED, ""));

        InvocationResult result = invoke("empty", "{}");

        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payloadText())
                .as("the type is the error's type, not part of its message")
                .containsOnlyOnce(RuntimeApi.FN_ERROR_INVALID_ENTRYPOINT)
                .contains("bootstrap does not exist");
        assertThat(result.report().errorType()).isEqualTo(RuntimeApi.FN_ERROR_INVALID_ENTRYPOINT);
    }

    private InvocationResult invoke(String name, String payload) {
        return lambda.invoke(name, payload.getBytes(StandardCharsets.UTF_8));
    }
}
