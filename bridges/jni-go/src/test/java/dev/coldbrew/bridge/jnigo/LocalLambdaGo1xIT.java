package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bridge.jnigo.testing.BridgeFunction;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coldbrew function served through the bridge inside the local Lambda's {@code go1.x} runtime kind: the local
 * Lambda starts the executable the handler names with {@code _LAMBDA_SERVER_PORT}, pings it and invokes it
 * through coldbrew-gorpc's client, with REPORT lines, error replies and environment replacement as for any go1.x
 * function.
 */
@EnabledIf(value = BridgeLibrary.BUNDLED, disabledReason = BridgeLibrary.NOT_BUNDLED)
class LocalLambdaGo1xIT {
    private static final String NAME = "bridgefn";

    @TempDir
    static Path dir;

    private static FunctionConfig function;
    private LocalLambda lambda;

    @BeforeAll
    static void writeFunction() throws IOException {
        Path code = Files.createDirectories(dir.resolve("code"));
        Path script = code.resolve(NAME);
        Files.writeString(script, """
                #!/bin/sh
                # The go1.x executable: coldbrew's generic main on the JNI bridge.
                export _HANDLER=%s
                exec "$JAVA" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$COLDBREW_CLASSPATH" \\
                    dev.coldbrew.runtime.Main
                """.formatted(BridgeFunction.HANDLER), StandardCharsets.UTF_8);
        assertThat(script.toFile().setExecutable(true)).isTrue();
        function = FunctionConfig.of(NAME, code, RuntimeKind.GO1X, NAME)
                .withMemoryMb(512)
                .withEnvironment(Map.of(
                        "JAVA",
                        BridgeFunction.javaCommand(),
                        "COLDBREW_CLASSPATH",
                        BridgeFunction.classpath(),
                        "COLDBREW_TRANSPORT",
                        JniGoTransportProvider.NAME,
                        BridgeLibrary.ENV,
                        BridgeFunction.LIBRARY));
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
                        .filter(p -> p.info()
                                .arguments()
                                .map(args -> String.join(" ", args))
                                .orElse("")
                                .contains(BridgeFunction.HANDLER)))
                .as("bridge function processes left behind")
                .isEmpty();
    }

    private InvocationResult invoke(String payload) {
        return lambda.invoke(NAME, payload.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void theBridgeServesInTheGo1xRuntimeWithReportLinesErrorsAndReplacement() {
        lambda = LocalLambda.create(LocalOptions.defaults());
        lambda.register(function);
        InvocationResult cold = invoke("fields");
        String pid = invoke("pid").payloadText();
        InvocationResult failed = invoke("fail");
        String samePid = invoke("pid").payloadText();
        InvocationResult big = invoke("big");
        InvocationResult oom = invoke("oom");
        InvocationResult afterOom = invoke("pid");
        InvocationResult exited = invoke("exit");
        InvocationResult afterExit = invoke("echo");

        assertThat(cold.functionError()).as(cold.log()).isNull();
        assertThat(cold.payloadText()).startsWith(cold.requestId() + "|arn:aws:lambda:");
        assertThat(cold.report().initDurationMs()).isPresent();
        assertThat(cold.log()).contains("REPORT RequestId: " + cold.requestId());
        assertThat(failed.functionError()).isEqualTo(InvocationResult.UNHANDLED);
        assertThat(failed.payloadText())
                .startsWith("{\"errorMessage\":\"java boom\",\"errorType\":\"java.lang.IllegalArgumentException\","
                        + "\"stackTrace\":[{\"path\":\"BridgeTestHandler.java\",\"line\":");
        assertThat(samePid).as("a handler error keeps the environment").isEqualTo(pid);
        assertThat(big.payloadText()).contains("\"errorType\":\"Function.ResponseSizeTooLarge\"");
        assertThat(oom.payloadText()).contains("\"errorType\":\"java.lang.OutOfMemoryError\"");
        assertThat(oom.report().errorType()).isEqualTo("Runtime.ExitError");
        assertThat(afterOom.report().initDurationMs()).as("a new environment").isPresent();
        assertThat(afterOom.payloadText()).isNotEqualTo(pid);
        assertThat(exited.payloadText()).contains("Runtime.ExitError").contains("exit status 5");
        assertThat(afterExit.payloadText()).isEqualTo("echo");
        assertThat(afterExit.report().initDurationMs()).isPresent();
    }
}
