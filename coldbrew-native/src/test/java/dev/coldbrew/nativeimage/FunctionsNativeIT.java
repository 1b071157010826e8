package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * coldbrew's generic main as a native executable, one image over several functions picked by {@code _HANDLER}:
 * each function answers the same events with the same bytes as the same main on the JVM, both served by a real
 * fake Runtime API.
 */
// The first test to need an image builds it (about two minutes on two idle cores, several times that on a busy
// machine), inside that test's time limit.
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FunctionsNativeIT {
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

    /** The responses of {@code handler} to {@code events}, from the native image or from the JVM. */
    private List<String> responses(boolean natively, String handler, String... events) throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start()) {
            Map<String, String> env = new HashMap<>(api.environment());
            env.put(RuntimeApi.ENV_HANDLER, handler);
            String name = (natively ? "native-" : "jvm-") + handler.substring(handler.lastIndexOf('.') + 1);
            processes.start(name, natively ? List.of(TestImages.functions().toString()) : jvm(), env);
            List<String> responses = new ArrayList<>();
            for (int i = 0; i < events.length; i++) {
                String id = api.enqueue(Event.of(events[i]).withRequestId("request-" + i));
                // the functions report their own compute time, which is no part of the answer
                responses.add(
                        api.awaitResponse(id).bodyAsString().replaceAll("\"computeMs\":[0-9.E-]+", "\"computeMs\":_"));
            }
            return responses;
        }
    }

    static List<String> jvm() {
        String classPath = String.join(
                File.pathSeparator,
                TestImages.functionsClassPath().stream().map(Path::toString).toList());
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                "dev.coldbrew.nativeimage.probe.NativeProbe");
    }

    private void sameAsOnTheJvm(String handler, String... events) throws Exception {
        List<String> natively = responses(true, handler, events);
        assertThat(natively).hasSize(events.length).allMatch(r -> !r.isEmpty());
        assertThat(natively).isEqualTo(responses(false, handler, events));
    }

    @Test
    void echoAnswersAsOnTheJvm() throws Exception {
        sameAsOnTheJvm("dev.coldbrew.examples.echo.EchoFunction", "{\"message\":\"hello from coldbrew bench\"}", "[]");
    }

    @Test
    void sinAnswersAsOnTheJvm() throws Exception {
        sameAsOnTheJvm("dev.coldbrew.examples.sin.SinFunction", "{\"iterations\":100000}", "{\"iterations\":7}");
    }

    @Test
    void kmeansWithCommonsMathAnswersAsOnTheJvm() throws Exception {
        sameAsOnTheJvm("dev.coldbrew.examples.kmeans.KmeansFunction", "{\"n\":2000,\"d\":2,\"k\":5,\"seed\":42}");
    }

    @Test
    void anUnchangedAwsRequestHandlerWithColdbrewJsonAnswersAsOnTheJvm() throws Exception {
        sameAsOnTheJvm(
                "dev.coldbrew.examples.awscore.OrderHandler",
                "{\"httpMethod\":\"GET\",\"path\":\"/orders/42\",\"pathParameters\":{\"orderId\":\"42\"}}",
                "{\"httpMethod\":\"POST\",\"path\":\"/orders/x\",\"pathParameters\":{\"orderId\":\"x\"}}");
    }

    /** A code folder for the local Lambda: the image with its libraries, and {@code script} running it. */
    private static Path codeDir(String script, String args) throws Exception {
        Path image = TestImages.functions();
        Path dir = image.getParent();
        Path file = dir.resolve(script);
        java.nio.file.Files.writeString(
                file, "#!/bin/sh\nexec \"$(dirname \"$0\")/" + image.getFileName() + "\" " + args + "\n");
        java.nio.file.Files.setPosixFilePermissions(
                file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static dev.coldbrew.local.function.InvocationResult invokeLocally(
            dev.coldbrew.local.function.FunctionConfig function, String event) {
        java.util.Queue<String> log = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (dev.coldbrew.local.LocalLambda lambda =
                dev.coldbrew.local.LocalLambda.create(dev.coldbrew.local.environment.LocalOptions.builder()
                        .logSink(log::add)
                        .build())) {
            lambda.register(function);
            return lambda.invoke(function.name(), event.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void kmeansRunsInTheLocalLambdaAsAProvidedFunctionWithItsMemoryLimit() throws Exception {
        String event = "{\"n\":2000,\"d\":2,\"k\":5,\"seed\":42}";
        dev.coldbrew.local.function.InvocationResult result = invokeLocally(
                new dev.coldbrew.local.function.FunctionConfig(
                        "kmeans-native",
                        codeDir("bootstrap", ""),
                        dev.coldbrew.local.function.RuntimeKind.PROVIDED,
                        "dev.coldbrew.examples.kmeans.KmeansFunction",
                        256,
                        java.time.Duration.ofSeconds(30),
                        dev.coldbrew.local.function.FunctionConfig.UNRESERVED,
                        Map.of()),
                event);
        assertThat(result.isFunctionError()).as(result.log()).isFalse();
        assertThat(result.payloadText().replaceAll("\"computeMs\":[0-9.E-]+", "\"computeMs\":_"))
                .isEqualTo(responses(false, "dev.coldbrew.examples.kmeans.KmeansFunction", event)
                        .getFirst());
    }

    @Test
    void theGo1xTransportServesEchoInTheLocalLambda() throws Exception {
        dev.coldbrew.local.function.InvocationResult result = invokeLocally(
                new dev.coldbrew.local.function.FunctionConfig(
                        "echo-go",
                        codeDir("echo-go", "echo"),
                        dev.coldbrew.local.function.RuntimeKind.GO1X,
                        "echo-go",
                        256,
                        java.time.Duration.ofSeconds(30),
                        dev.coldbrew.local.function.FunctionConfig.UNRESERVED,
                        Map.of()),
                "{\"over\":\"go1.x\"}");
        assertThat(result.isFunctionError()).as(result.log()).isFalse();
        assertThat(result.payloadText()).isEqualTo("{\"over\":\"go1.x\"}");
    }
}
