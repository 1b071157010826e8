package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.bridge.jnigo.BridgeLibrary;
import dev.coldbrew.bridge.jnigo.JniGoTransportProvider;
import dev.coldbrew.gorpc.lambda.GoRpcFunctionClient;
import dev.coldbrew.gorpc.lambda.InvokeError;
import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.Timestamp;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.nativeimage.probe.Commands;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.spi.TransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's system as a native executable: the functions image (coldbrew-bridge-jni-go on its class path, its JNI
 * metadata honoured) run with {@code COLDBREW_TRANSPORT=jni-go} and {@code libcoldbrew-jni-go.so} beside it, nothing
 * else configured. Go's {@code net/rpc} serves go1.x inside the image's process and calls into it over JNI;
 * coldbrew-gorpc's client (the local Lambda's go1.x caller) gets the same replies as from the same main on the JVM
 * over the same library, a Java exception is a go1.x error reply, and {@code System.exit} ends the process; in the
 * local Lambda's go1.x runtime kind the same holds with REPORT lines and environment replacement.
 */
@EnabledIf(value = BridgeLibrary.BUNDLED, disabledReason = BridgeLibrary.NOT_BUNDLED)
@Timeout(value = 15, unit = TimeUnit.MINUTES) // the first test to run builds the functions image
class BridgeNativeIT {
    private static final Duration READY = Duration.ofSeconds(30);
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final Instant DEADLINE = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:bridge";
    private static final List<String> EVENTS =
            List.of("{\"message\":\"hello from coldbrew bench\"}", "", "héllo ✓ 𝄞", "context", "x".repeat(1 << 20));

    @TempDir
    Path logs;

    private ChildProcesses processes;

    @BeforeEach
    void start() {
        processes = new ChildProcesses(logs);
    }

    @AfterEach
    void stop() {
        processes.close();
    }

    /** The bridge's library as its jar carries it, copied beside the image (where a native image looks for it). */
    private static synchronized Path libraryBesideTheImage() throws Exception {
        Path library = TestImages.functions().resolveSibling(BridgeLibrary.FILE_NAME);
        try (InputStream in = BridgeLibrary.class.getClassLoader().getResourceAsStream(BridgeLibrary.resource())) {
            assertThat(in)
                    .as(BridgeLibrary.resource() + " in coldbrew-bridge-jni-go's jar")
                    .isNotNull();
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return library;
    }

    private record Function(Process process, int port, String name) {}

    /** The probe with the command handler over the bridge: natively (the library found beside it) or on the JVM. */
    private Function startFunction(boolean natively) throws Exception {
        Path library = libraryBesideTheImage();
        int port = freePort();
        String name = natively ? "native" : "jvm";
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                RuntimeApi.ENV_LAMBDA_SERVER_PORT,
                Integer.toString(port),
                TransportProvider.ENV_TRANSPORT,
                JniGoTransportProvider.NAME,
                RuntimeApi.ENV_HANDLER,
                Commands.class.getName(),
                RuntimeApi.ENV_FUNCTION_NAME,
                "bridge"));
        List<String> command;
        if (natively) {
            command = List.of(TestImages.functions().toString());
        } else {
            env.put(BridgeLibrary.ENV, library.toString());
            command = new ArrayList<>(FunctionsNativeIT.jvm());
            command.add(1, "--enable-native-access=ALL-UNNAMED");
        }
        return new Function(processes.start(name, command, env), port, name);
    }

    private GoRpcFunctionClient connect(Function function) throws Exception {
        try {
            return GoRpcFunctionClient.connect(function.port(), READY);
        } catch (IOException e) {
            throw new AssertionError(
                    function.name() + " did not answer Function.Ping; its stderr: " + processes.err(function.name()),
                    e);
        }
    }

    private static InvokeResponse invoke(GoRpcFunctionClient client, String event, int i) throws Exception {
        return client.invoke(
                InvokeRequest.of(event.getBytes(StandardCharsets.UTF_8), "request-" + i, Timestamp.of(DEADLINE), ARN),
                CALL);
    }

    /** The replies to {@link #EVENTS} then to {@code fail}, each as text: payload, or the error's fields. */
    private List<String> replies(Function function) throws Exception {
        List<String> replies = new ArrayList<>();
        try (GoRpcFunctionClient client = connect(function)) {
            for (int i = 0; i < EVENTS.size(); i++) {
                replies.add(text(invoke(client, EVENTS.get(i), i)));
            }
            replies.add(text(invoke(client, "fail", EVENTS.size())));
            replies.add(text(invoke(client, "after a failure", EVENTS.size() + 1)));
        }
        return replies;
    }

    private static String text(InvokeResponse response) {
        InvokeError error = response.error();
        if (error == null) {
            return new String(response.payload(), StandardCharsets.UTF_8);
        }
        return "error " + error.type() + ": " + error.message() + " shouldExit=" + error.shouldExit() + " at "
                + error.stackTrace().getFirst().path() + ":"
                + error.stackTrace().getFirst().label();
    }

    @Test
    void goServesGo1xInsideTheImageAndTheRepliesAreTheJvmBridges() throws Exception {
        Function natively = startFunction(true);
        List<String> nativeReplies = replies(natively);

        assertThat(mappedFiles(natively.process().pid()))
                .as("the image loaded the library beside it and no JVM")
                .contains(TestImages.functions()
                        .resolveSibling(BridgeLibrary.FILE_NAME)
                        .toString())
                .noneMatch(file -> file.endsWith("server/libjvm.so"));
        assertThat(nativeReplies)
                .startsWith(EVENTS.get(0), EVENTS.get(1), EVENTS.get(2))
                .contains("request-3|" + ARN + "|" + DEADLINE.toEpochMilli())
                .contains("error java.lang.IllegalArgumentException: " + Commands.FAILURE
                        + " shouldExit=false at Commands.java:dev.coldbrew.nativeimage.probe.Commands.handle")
                .endsWith("after a failure");
        assertThat(nativeReplies).isEqualTo(replies(startFunction(false)));
    }

    @Test
    void systemExitInTheHandlerEndsTheImagesProcessAndTheConnection() throws Exception {
        Function natively = startFunction(true);
        try (GoRpcFunctionClient client = connect(natively)) {
            assertThat(text(invoke(client, "warm", 0))).isEqualTo("warm");

            assertThatThrownBy(() -> invoke(client, "exit", 1)).isInstanceOf(IOException.class);
        }
        assertThat(natively.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(natively.process().exitValue())
                .as(processes.err(natively.name()))
                .isEqualTo(Commands.EXIT_STATUS);
    }

    /**
     * The seed's deployment: the executable and the library in one code folder, run by the local Lambda's go1.x
     * runtime kind (the handler names a script that picks the command handler, as {@code _HANDLER} is the
     * executable's name there).
     */
    @Test
    void inTheLocalLambdasGo1xRuntimeErrorsAreUnhandledAndAnExitReplacesTheEnvironment() throws Exception {
        Path image = TestImages.functions();
        libraryBesideTheImage();
        Path script = image.resolveSibling("bridge-go");
        Files.writeString(
                script,
                "#!/bin/sh\nexport " + RuntimeApi.ENV_HANDLER + "=" + Commands.class.getName() + "\nexec \"$(dirname"
                        + " \"$0\")/" + image.getFileName() + "\"\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        FunctionConfig function = FunctionConfig.of("bridge-native", image.getParent(), RuntimeKind.GO1X, "bridge-go")
                .withMemoryMb(256)
                .withEnvironment(Map.of(TransportProvider.ENV_TRANSPORT, JniGoTransportProvider.NAME));
        try (LocalLambda lambda =
                LocalLambda.create(LocalOptions.builder().logSink(line -> {}).build())) {
            lambda.register(function);
            InvocationResult cold = lambda.invoke("bridge-native", utf8("{\"over\":\"jni\"}"));
            InvocationResult failed = lambda.invoke("bridge-native", utf8("fail"));
            InvocationResult warm = lambda.invoke("bridge-native", utf8("warm"));
            InvocationResult exited = lambda.invoke("bridge-native", utf8("exit"));
            InvocationResult again = lambda.invoke("bridge-native", utf8("again"));

            assertThat(cold.functionError()).as(cold.log()).isNull();
            assertThat(cold.payloadText()).isEqualTo("{\"over\":\"jni\"}");
            assertThat(cold.report().initDurationMs()).isPresent();
            assertThat(failed.functionError()).isEqualTo(InvocationResult.UNHANDLED);
            assertThat(failed.payloadText())
                    .startsWith("{\"errorMessage\":\"" + Commands.FAILURE
                            + "\",\"errorType\":\"java.lang.IllegalArgumentException\"");
            assertThat(warm.payloadText()).isEqualTo("warm");
            assertThat(warm.report().initDurationMs())
                    .as("a handler error keeps the environment")
                    .isEmpty();
            assertThat(exited.payloadText()).contains("Runtime.ExitError").contains("exit status 5");
            assertThat(again.payloadText()).isEqualTo("again");
            assertThat(again.report().initDurationMs()).as("a new environment").isPresent();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> mappedFiles(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")).stream()
                .map(line -> line.split("\\s+"))
                .filter(fields -> fields.length > 5)
                .map(fields -> String.join(" ", Arrays.copyOfRange(fields, 5, fields.length)))
                .distinct()
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
