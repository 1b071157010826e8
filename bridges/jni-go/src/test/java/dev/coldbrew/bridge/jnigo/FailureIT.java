package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.bridge.jnigo.testing.BridgeFunction;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.Timestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * coldbrew-gorpc's Java client ({@link GoRpcFunctionClient}, the local Lambda's go1.x caller) as the second peer of
 * the bridge, and how the bridge fails: a handler exception is an error reply and the process lives on; a fatal
 * error is answered with {@code ShouldExit} and the process exits 3; {@code System.exit}, {@code Runtime.halt} and
 * a Go panic (which aborts) end the whole process (and so the caller's connection); a missing library fails init naming it.
 */
@EnabledIf(value = BridgeLibrary.BUNDLED, disabledReason = BridgeLibrary.NOT_BUNDLED)
class FailureIT {
    private static final Duration CALL = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static InvokeResponse invoke(GoRpcFunctionClient client, String event) throws Exception {
        return client.invoke(
                InvokeRequest.of(
                        event.getBytes(StandardCharsets.UTF_8),
                        "req-" + event,
                        Timestamp.of(Instant.now().plusSeconds(60)),
                        "arn:aws:lambda:eu-west-1:1:function:f"),
                CALL);
    }

    private static String text(InvokeResponse response) {
        return new String(response.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void javasGoRpcClientGetsRepliesAndErrorRepliesAndTheProcessLivesOn() throws Exception {
        try (BridgeFunction function = BridgeFunction.start(dir);
                GoRpcFunctionClient client = function.connect()) {
            String pid = text(invoke(client, "pid"));
            InvokeResponse fields = invoke(client, "fields");
            InvokeResponse failed = invoke(client, "fail");

            assertThat(text(fields)).startsWith("req-fields|arn:aws:lambda:eu-west-1:1:function:f|null|");
            assertThat(failed.error()).isNotNull();
            assertThat(failed.error().message()).isEqualTo("java boom");
            assertThat(failed.error().type()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(failed.error().shouldExit()).isFalse();
            assertThat(failed.error().stackTrace().getFirst().path()).isEqualTo("BridgeTestHandler.java");
            assertThat(failed.error().stackTrace().getFirst().line()).isPositive();
            assertThat(text(invoke(client, "pid"))).as("the same process").isEqualTo(pid);
            assertThat(pid).isEqualTo(Long.toString(function.pid()));
        }
    }

    @Test
    void aTypedHandlerRegisteredFromMainRunsUnchanged() throws Exception {
        try (BridgeFunction function = BridgeFunction.startMain(dir, TypedUpper.class.getName());
                GoRpcFunctionClient client = function.connect()) {
            assertThat(text(invoke(client, "typed"))).isEqualTo("TYPED");
        }
    }

    @Test
    void aFatalErrorIsAnsweredWithShouldExitThenTheProcessExits() throws Exception {
        try (BridgeFunction function = BridgeFunction.start(dir);
                GoRpcFunctionClient client = function.connect()) {
            InvokeResponse oom = invoke(client, "oom");

            assertThat(oom.error().type()).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(oom.error().message()).isEqualTo("java heap exhausted");
            assertThat(oom.error().shouldExit()).isTrue();
            assertThat(function.awaitExit(EXIT)).as(function.output()).isEqualTo(3);
        }
    }

    @Test
    void systemExitInTheHandlerEndsTheProcessAndTheConnection() throws Exception {
        assertTheCallFailsAndTheProcessExits("exit", BridgeFunction.LIBRARY, 5);
    }

    @Test
    void haltInTheHandlerEndsTheProcessAndTheConnection() throws Exception {
        assertTheCallFailsAndTheProcessExits("halt", BridgeFunction.LIBRARY, 6);
    }

    /** A fatal Go panic in a shared library aborts the process: SIGABRT, so the exit status is 128 + 6. */
    @Test
    void aGoPanicEndsTheProcessAndTheConnection() throws Exception {
        String output = assertTheCallFailsAndTheProcessExits("panic", BridgeFunction.PANIC_LIBRARY, 134);

        assertThat(output).contains("panic: coldbrew-jni-go test: a panic on a goroutine");
    }

    private String assertTheCallFailsAndTheProcessExits(String event, String library, int exitCode) throws Exception {
        try (BridgeFunction function = BridgeFunction.start(dir, library);
                GoRpcFunctionClient client = function.connect()) {
            assertThat(text(invoke(client, "warm"))).isEqualTo("warm");

            assertThatThrownBy(() -> invoke(client, event)).isInstanceOf(IOException.class);
            assertThat(function.awaitExit(EXIT)).as(function.output()).isEqualTo(exitCode);
            return function.output();
        }
    }

    @Test
    void aMissingLibraryFailsInitNamingThePath() throws Exception {
        String missing = dir.resolve("nowhere/libcoldbrew-jni-go.so").toString();
        try (BridgeFunction function = BridgeFunction.start(dir, missing)) {
            assertThat(function.awaitExit(EXIT)).as(function.output()).isEqualTo(1);
            assertThat(function.output())
                    .contains("coldbrew-runtime: init failed: Runtime.InvalidConfiguration: load the go1.x bridge"
                            + " library failed: COLDBREW_JNI_GO_LIBRARY is '" + missing + "', but " + missing
                            + " is not a file");
        }
    }
}
