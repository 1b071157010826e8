package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.gorpc.testing.GoToolchain;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.FunctionNames;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.testing.Go1xFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go1.x runtime kind: the local Lambda starts the executable named by the handler with
 * {@code _LAMBDA_SERVER_PORT}, pings it until ready and invokes it over Go net/rpc. The peers are real: a Go
 * function built here from {@code functions/go1x} with Go's own net/rpc, and a Java handler on coldbrew's runtime
 * with coldbrew-gorpc ({@code functions/javago}).
 */
@EnabledIf(value = GoToolchain.FOUND, disabledReason = GoToolchain.NOT_FOUND)
class Go1xIT {
    private static final String REPORT_PATTERN = "REPORT RequestId: %s\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms"
            + "\tMemory Size: \\d+ MB\tMax Memory Used: \\d+ MB\t";

    @TempDir
    static Path dir;

    private static FunctionConfig goFunction;
    private static FunctionConfig javaFunction;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private LocalLambda lambda;

    @BeforeAll
    static void buildFunctions() throws Exception {
        goFunction = Go1xFunctions.goFunction(dir.resolve("go"), "gofn");
        javaFunction = Go1xFunctions.javaFunction(dir.resolve("java"), "javago");
    }

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @AfterAll
    static void noFunctionProcessIsLeft() {
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().command().orElse("").startsWith(dir.toString())))
                .as("go1.x processes left behind")
                .isEmpty();
    }

    private LocalLambda start(FunctionConfig function) {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
        lambda.register(function);
        return lambda;
    }

    private InvocationResult invoke(String name, String payload) {
        return lambda.invoke(name, payload.getBytes(StandardCharsets.UTF_8), "{\"custom\":{\"k\":\"v\"}}");
    }

    /** The function's own output reaches the log sink through a pipe, shortly after its reply. */
    private void awaitLine(String line) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!lines.contains(line) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(lines).contains(line);
    }

    @Test
    void aGoFunctionIsPingedThenInvokedWithLambdasRequestAndReportLines() {
        start(goFunction);
        InvocationResult cold = invoke("gofn", "fields");
        InvocationResult warm = invoke("gofn", "fields");

        assertThat(cold.functionError()).as(cold.log()).isNull();
        assertThat(cold.payloadText())
                .isEqualTo(cold.requestId() + "|"
                        + FunctionNames.arn(lambda.options().region(), "gofn")
                        + "|true|true|{\"custom\":{\"k\":\"v\"}}|gofn|gofn|AWS_Lambda_go1.x");
        assertThat(cold.report().initDurationMs()).isPresent();
        assertThat(cold.log())
                .contains("START RequestId: " + cold.requestId())
                .contains("END RequestId: " + cold.requestId())
                .containsPattern(String.format(REPORT_PATTERN, cold.requestId()) + "Init Duration: [0-9.]+ ms");
        awaitLine("gofn handling " + cold.requestId());
        assertThat(lines).anyMatch(line -> line.startsWith("gofn listening on "));
        assertThat(warm.report().initDurationMs()).isEmpty();
        assertThat(warm.log()).containsPattern(String.format(REPORT_PATTERN, warm.requestId()));
    }

    /**
     * Closing right after an invoke races with the invoke's own clean-up on another thread (the environment settles
     * in the background): close must not return while that thread still kills the process. Before the fix, 2 of
     * 40 closes returned with the function still running.
     */
    @Test
    void closingRightAfterAnInvokeLeavesNoProcess() {
        for (int i = 0; i < 30; i++) {
            start(goFunction);
            invoke("gofn", "echo");
            lambda.close();
            lambda = null;
            assertThat(ProcessHandle.allProcesses()
                            .filter(p -> p.info().command().orElse("").startsWith(dir.toString())))
                    .as("go1.x processes left by close number %d", i + 1)
                    .isEmpty();
        }
    }

    @Test
    void aHandlerErrorIsUnhandledWithTheErrorJsonAndKeepsTheEnvironment() {
        start(goFunction);
        String pid = invoke("gofn", "pid").payloadText();
        InvocationResult failed = invoke("gofn", "fail");

        assertThat(failed.functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(failed.payloadText())
                .isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"errorString\",\"stackTrace\":"
                        + "[{\"path\":\"main.go\",\"line\":42,\"label\":\"main.handler\"}]}");
        assertThat(failed.report().status()).isNull();
        assertThat(invoke("gofn", "pid").payloadText()).isEqualTo(pid);
    }

    @Test
    void shouldExitReportsTheErrorThenReplacesTheEnvironment() {
        start(goFunction);
        String pid = invoke("gofn", "pid").payloadText();
        InvocationResult panicked = invoke("gofn", "panic");
        InvocationResult next = invoke("gofn", "pid");

        assertThat(panicked.functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(panicked.payloadText())
                .startsWith("{\"errorMessage\":\"runtime error: index out of range\",\"errorType\":\"runtimeError\"");
        assertThat(panicked.report().status()).isEqualTo("error");
        assertThat(panicked.report().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive))
                .isEmpty();
        assertThat(next.report().initDurationMs()).isPresent();
        assertThat(next.payloadText()).isNotEqualTo(pid);
    }

    @Test
    void aTimeoutKillsTheGoFunctionAndTheNextInvokeIsCold() {
        start(goFunction.withTimeout(Duration.ofSeconds(1)));
        InvocationResult timedOut = invoke("gofn", "sleep");
        InvocationResult next = invoke("gofn", "echo");

        assertThat(timedOut.functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(timedOut.payloadText()).contains("Sandbox.Timedout").contains("Task timed out after 1.00 seconds");
        assertThat(timedOut.report().status()).isEqualTo("timeout");
        assertThat(next.payloadText()).isEqualTo("echo");
        assertThat(next.report().initDurationMs()).isPresent();
    }

    @Test
    void aCrashIsRuntimeExitErrorWithTheExitStatus() {
        start(goFunction);
        InvocationResult crashed = invoke("gofn", "crash");
        InvocationResult next = invoke("gofn", "again");

        assertThat(crashed.functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(crashed.payloadText())
                .contains("Runtime.ExitError")
                .contains("Runtime exited with error: exit status 3");
        assertThat(crashed.report().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(next.payloadText()).isEqualTo("again");
        assertThat(next.report().initDurationMs()).isPresent();
    }

    @Test
    void aMissingExecutableIsInvalidEntrypoint() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        start(FunctionConfig.of("nobinary", empty, RuntimeKind.GO1X, "main"));
        InvocationResult result = invoke("nobinary", "{}");

        assertThat(result.functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(result.payloadText()).contains("Runtime.InvalidEntrypoint").contains("main does not exist");
    }

    @Test
    void aJavaFunctionOnColdbrewsRuntimeServesGo1x() {
        start(javaFunction);
        InvocationResult cold = invoke("javago", "fields");
        String pid = invoke("javago", "pid").payloadText();
        InvocationResult failed = invoke("javago", "fail");

        assertThat(cold.functionError()).as(cold.log()).isNull();
        assertThat(cold.payloadText())
                .isEqualTo(cold.requestId() + "|"
                        + FunctionNames.arn(lambda.options().region(), "javago") + "|true|javago");
        assertThat(cold.report().initDurationMs()).isPresent();
        assertThat(failed.functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(failed.payloadText())
                .startsWith("{\"errorMessage\":\"java boom\",\"errorType\":\"java.lang.IllegalArgumentException\","
                        + "\"stackTrace\":[{\"path\":\"JavaGo.java\",\"line\":");
        assertThat(failed.log()).contains("java.lang.IllegalArgumentException: java boom");
        assertThat(invoke("javago", "pid").payloadText())
                .as("the same environment")
                .isEqualTo(pid);
    }

    @Test
    void aFatalJavaErrorACrashAndATimeoutReplaceTheJavaEnvironment() {
        // 10 s, Lambda's Init limit: a cold JVM answering "oom" or "pid" on a loaded machine can take more than 3 s;
        // "sleep" (60 s) still times out
        start(javaFunction.withTimeout(Duration.ofSeconds(10)));
        String pid = invoke("javago", "pid").payloadText();
        InvocationResult oom = invoke("javago", "oom");
        String second = invoke("javago", "pid").payloadText();
        InvocationResult crashed = invoke("javago", "crash");
        String third = invoke("javago", "pid").payloadText();
        InvocationResult timedOut = invoke("javago", "sleep");
        InvocationResult next = invoke("javago", "pid");

        assertThat(oom.payloadText()).contains("\"errorType\":\"java.lang.OutOfMemoryError\"");
        assertThat(oom.report().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(second).isNotEqualTo(pid);
        assertThat(crashed.payloadText()).contains("Runtime exited with error: exit status 5");
        assertThat(third).isNotEqualTo(second);
        assertThat(timedOut.report().status()).isEqualTo("timeout");
        assertThat(next.report().initDurationMs()).isPresent();
        assertThat(next.payloadText()).isNotEqualTo(third);
    }
}
