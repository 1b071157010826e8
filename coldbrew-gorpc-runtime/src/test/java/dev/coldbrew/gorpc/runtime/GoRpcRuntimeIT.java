package dev.coldbrew.gorpc.runtime;

import static dev.coldbrew.gorpc.runtime.InProcessGoRuntime.TIMEOUT;
import static dev.coldbrew.gorpc.runtime.InProcessGoRuntime.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeError;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.testing.BoundedProcess;
import dev.coldbrew.gorpc.testing.GoPrograms;
import dev.coldbrew.gorpc.testing.GoToolchain;
import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.LambdaRuntime;
import dev.coldbrew.runtime.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * coldbrew's runtime ({@link LambdaRuntime#run} with an explicit handler, and {@link Main} with {@code _HANDLER})
 * serving Lambda's go1.x protocol when {@code _LAMBDA_SERVER_PORT} is set, found through the
 * {@code TransportProvider} registered in META-INF/services; called by Go's own net/rpc client (the interop
 * client of {@code src/test/resources/go-interop}) and by coldbrew's client.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@EnabledIf(value = GoToolchain.FOUND, disabledReason = GoToolchain.NOT_FOUND)
class GoRpcRuntimeIT {
    private static final long PROCESS_TIMEOUT_SECONDS = 120;
    private static final String HANDLER = GoRpcTestHandler.class.getName();

    @TempDir
    static Path dir;

    private static GoPrograms programs;

    @BeforeAll
    static void buildGoPrograms() throws Exception {
        programs = GoPrograms.build(dir);
    }

    @Test
    void goNetRpcClientCallsAJavaHandlerOnTheColdbrewRuntime() throws Exception {
        List<String> lines;
        try (InProcessGoRuntime runtime =
                InProcessGoRuntime.start(Map.of(), env -> LambdaRuntime.run(env, new GoRpcTestHandler()))) {
            lines = runGoClient(runtime.port());
        }
        assertThat(lines).hasSize(15);
        assertThat(lines.get(0)).isEqualTo("ping ok");
        assertThat(lines.get(1))
                .as("deadline, trace id, ARN, Cognito identity and client context reach the Context")
                .isEqualTo("fields ok payload=req-1|Root=1-abc|1700000000123|arn:aws:lambda:eu-west-1:1:function:f"
                        + "|identity|pool|client=true|go1x-test");
        assertThat(lines.get(2))
                .as("a handler exception: Java type, message and the handler's stack frame only, no ShouldExit")
                .matches(
                        "fail ok message=boom type=java\\.lang\\.IllegalArgumentException exit=false frames="
                                + "\\[GoRpcTestHandler\\.java:\\d+:dev\\.coldbrew\\.gorpc\\.runtime\\.GoRpcTestHandler\\.handle]");
        String invalid = "InvokeRequest.RequestId is empty: Lambda sends one with every invoke";
        assertThat(lines.get(3))
                .as("Lambda always sends a request id; a request without one is answered with an error")
                .isEqualTo(
                        "json ok {\"errorMessage\":\"" + invalid + "\",\"errorType\":\"Runtime.InvalidInvocation\"}");
        assertThat(lines.get(5))
                .isEqualTo("crash ok type=Runtime.InvalidInvocation message=" + invalid + " exit=false frames>0=false");
        assertThat(lines.get(6)).isEqualTo("nope err=rpc: can't find method Function.Nope");
        assertThat(lines.get(7)).startsWith("zero ok payload= error=&{" + invalid);
        assertThat(lines.subList(8, 13))
                .containsExactly(
                        "size 0 ok equal=true",
                        "size 1 ok equal=true",
                        "size 1024 ok equal=true",
                        "size 1048576 ok equal=true",
                        "size 6291456 ok equal=true");
        assertThat(lines.get(13)).isEqualTo("pipelined 0 of 20 matched");
        assertThat(lines.get(14)).isEqualTo("ping-again ok");
    }

    @Test
    void mainServesTheHandlerNamedByHandlerEnvironmentVariable() throws Exception {
        try (InProcessGoRuntime runtime = InProcessGoRuntime.start(Map.of("_HANDLER", HANDLER), Main::run);
                GoRpcFunctionClient client = runtime.connect()) {
            InvokeResponse echo = client.invoke(request("hello", "r-1"), TIMEOUT);
            assertThat(echo.error()).isNull();
            assertThat(new String(echo.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
            InvokeResponse fields = client.invoke(request("fields", "r-2"), TIMEOUT);
            assertThat(new String(fields.payload(), StandardCharsets.UTF_8))
                    .startsWith("r-2|null|")
                    .endsWith("|arn:aws:lambda:us-east-1:123456789012:function:go1x-test|-|-|client=false|go1x-test");
        }
    }

    @Test
    void aFatalFailureIsAnsweredWithShouldExitAndEndsTheRuntime() throws Exception {
        try (InProcessGoRuntime runtime =
                InProcessGoRuntime.start(Map.of(), env -> LambdaRuntime.run(env, new GoRpcTestHandler()))) {
            try (GoRpcFunctionClient client = runtime.connect()) {
                InvokeError error =
                        client.invoke(request("oom", "r-oom"), TIMEOUT).error();
                assertThat(error.type()).isEqualTo("java.lang.OutOfMemoryError");
                assertThat(error.message()).isEqualTo("test heap exhausted");
                assertThat(error.shouldExit()).isTrue();
                assertThat(error.stackTrace()).isNotEmpty();
            }
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.FATAL_HANDLER_ERROR);
        }
    }

    @Test
    void aHandlerThatCannotBeCreatedFailsInitWithoutServing() throws Exception {
        try (InProcessGoRuntime runtime =
                InProcessGoRuntime.start(Map.of("_HANDLER", "example.DoesNotExist"), Main::run)) {
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
        }
    }

    private static List<String> runGoClient(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(programs.client().toString());
        builder.environment().put("_LAMBDA_SERVER_PORT", Integer.toString(port));
        BoundedProcess.Result go = BoundedProcess.run(builder, Duration.ofSeconds(PROCESS_TIMEOUT_SECONDS));
        assertThat(go.exited())
                .as("Go client exited within %d s; output:\n%s", PROCESS_TIMEOUT_SECONDS, go.output())
                .isTrue();
        assertThat(go.exitCode())
                .as("Go client exit code; output:\n%s", go.output())
                .isZero();
        return go.output().lines().toList();
    }
}
