package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.testing.TestFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLambdaIT {

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;
    final List<Long> pids = new ArrayList<>();

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
    }

    @AfterEach
    void stop() {
        lambda.close();
        assertThat(pids)
                .allSatisfy(pid -> assertThat(alive(pid))
                        .as("process %d alive after close", pid)
                        .isFalse());
    }

    /** True while the process runs; a zombie waiting for its (re)parent to reap it is not running. */
    static boolean alive(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private InvocationResult invoke(String name, String payload) {
        InvocationResult result = lambda.invoke(name, payload.getBytes(StandardCharsets.UTF_8));
        pids.addAll(lambda.environmentPids(name));
        return result;
    }

    @Test
    void echoesAndReusesTheWarmEnvironment() {
        lambda.register(TestFunctions.probe(dir, "echo"));
        InvocationResult cold = invoke("echo", "{\"hello\":\"world\"}");
        InvocationResult warm = invoke("echo", "{\"action\":\"pid\"}");
        InvocationResult again = invoke("echo", "{\"action\":\"pid\"}");

        assertThat(cold.statusCode()).isEqualTo(200);
        assertThat(cold.payloadText()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(cold.functionError()).isNull();
        assertThat(cold.report().initDurationMs()).isPresent();
        assertThat(warm.report().initDurationMs()).isEmpty();
        assertThat(warm.payloadText()).isEqualTo(again.payloadText());
        assertThat(cold.log())
                .contains("START RequestId: " + cold.requestId() + " Version: $LATEST")
                .contains("END RequestId: " + cold.requestId())
                .contains(cold.report().toLogLine());
        assertThat(lines).contains(warm.report().toLogLine());
    }

    @Test
    void environmentHasLambdasFileDescriptorLimitAndReservedVariables() {
        lambda.register(TestFunctions.probe(dir, "limits", Map.of("OWN", "mine")));

        assertThat(invoke("limits", "{\"action\":\"limits\"}").payloadText())
                .isEqualTo("\"Max open files 1024 1024 files \"");
        assertThat(invoke("limits", "{\"action\":\"env\",\"name\":\"OWN\"}").payloadText())
                .isEqualTo("\"mine\"");
        assertThat(invoke("limits", "{\"action\":\"env\",\"name\":\"AWS_LAMBDA_FUNCTION_NAME\"}")
                        .payloadText())
                .isEqualTo("\"limits\"");
        assertThat(invoke("limits", "{\"action\":\"env\",\"name\":\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\"}")
                        .payloadText())
                .isEqualTo("\"" + TestFunctions.MEMORY_MB + "\"");
        assertThat(invoke("limits", "{\"action\":\"env\",\"name\":\"AWS_LAMBDA_RUNTIME_API\"}")
                        .payloadText())
                .startsWith("\"127.0.0.1:");
    }

    @Test
    void timeoutKillsTheEnvironmentAndTheNextInvokeIsCold() {
        lambda.register(TestFunctions.probe(dir, "slow").withTimeout(Duration.ofSeconds(1)));
        String pidBefore = invoke("slow", "{\"action\":\"pid\"}").payloadText();
        InvocationResult timedOut = invoke("slow", "{\"action\":\"sleep\",\"ms\":5000}");
        InvocationResult next = invoke("slow", "{\"action\":\"pid\"}");

        assertThat(timedOut.functionError()).isEqualTo("Unhandled");
        assertThat(timedOut.payloadText()).contains("Sandbox.Timedout").contains("Task timed out after 1.00 seconds");
        assertThat(timedOut.report().status()).isEqualTo("timeout");
        assertThat(timedOut.report().toLogLine()).endsWith("Status: timeout\t");
        assertThat(timedOut.log()).contains("Task timed out after 1.00 seconds");
        assertThat(ProcessHandle.of(Long.parseLong(pidBefore)).map(ProcessHandle::isAlive))
                .isEmpty();
        assertThat(next.report().initDurationMs()).isPresent();
        assertThat(next.payloadText()).isNotEqualTo(pidBefore);
    }

    @Test
    void exitDuringInvokeIsRuntimeExitError() {
        lambda.register(TestFunctions.probe(dir, "crash"));
        InvocationResult crashed = invoke("crash", "{\"action\":\"exit\",\"code\":7}");
        InvocationResult next = invoke("crash", "{}");

        assertThat(crashed.functionError()).isEqualTo("Unhandled");
        assertThat(crashed.payloadText())
                .contains("Runtime.ExitError")
                .contains("Runtime exited with error: exit status 7");
        assertThat(crashed.report().status()).isEqualTo("error");
        assertThat(crashed.report().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.report().initDurationMs()).isPresent();
    }

    @Test
    void sigkillDuringInvokeIsSignalKilled() {
        lambda.register(TestFunctions.probe(dir, "killed"));
        InvocationResult killed = invoke("killed", "{\"action\":\"kill\"}");

        assertThat(killed.payloadText()).contains("Runtime exited with error: signal: killed");
        assertThat(killed.report().status()).isEqualTo("error");
    }

    @Test
    void functionErrorKeepsTheEnvironment() {
        lambda.register(TestFunctions.probe(dir, "failing"));
        String pid = invoke("failing", "{\"action\":\"pid\"}").payloadText();
        InvocationResult failed = invoke("failing", "{\"action\":\"error\"}");

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.payloadText()).isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"Fn.Boom\"}");
        assertThat(failed.report().status()).isNull();
        assertThat(invoke("failing", "{\"action\":\"pid\"}").payloadText()).isEqualTo(pid);
    }

    @Test
    void initErrorIsReportedAndRetriedInsideTheInvoke() {
        // the retried init (a JVM start) counts against the timeout: the default 3 s can run out on a loaded
        // machine before the retry reports its error, and this test is about the error, not the timeout
        lambda.register(
                TestFunctions.probe(dir, "badinit", Map.of("INIT", "error")).withTimeout(Duration.ofSeconds(60)));
        InvocationResult result = invoke("badinit", "{}");

        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payloadText()).contains("Fn.InitError");
        assertThat(result.log())
                .containsPattern(
                        "INIT_REPORT Init Duration: [0-9.]+ ms\tPhase: init\tStatus: error\tError Type: Fn.InitError")
                .containsPattern(
                        "INIT_REPORT Init Duration: [0-9.]+ ms\tPhase: invoke\tStatus: error\tError Type: Fn.InitError");
        assertThat(result.report().status()).isEqualTo("error");
        assertThat(result.log())
                .contains("START RequestId: " + result.requestId())
                .contains("END RequestId: " + result.requestId())
                .endsWith(result.report().toLogLine() + "\n");
    }

    @Test
    void oversizedResponseIsFunctionResponseSizeTooLarge() {
        lambda.register(TestFunctions.probe(dir, "big"));
        InvocationResult result = invoke("big", "{\"action\":\"big\",\"bytes\":6291556}");

        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payloadText()).contains("Function.ResponseSizeTooLarge");
    }

    @Test
    void unknownFunctionAndOversizedPayloadAreServiceErrors() {
        lambda.register(TestFunctions.probe(dir, "known"));
        InvocationResult unknown = lambda.invoke("nope", new byte[0]);
        InvocationResult large = lambda.invoke("known", new byte[6 * 1024 * 1024 + 1]);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.payloadText())
                .contains("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope");
        assertThat(unknown.report()).isNull();
        assertThat(large.statusCode()).isEqualTo(413);
    }
}
