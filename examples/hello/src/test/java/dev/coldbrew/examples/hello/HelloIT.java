package dev.coldbrew.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hello function as Lambda runs it: a separate JVM started from the packaged jar (runtime jars in target/lib),
 * talking to a real fake Runtime API over loopback.
 */
class HelloIT {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    @TempDir
    Path logs;

    private static Path jar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("coldbrew-example-hello-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged hello jar in target/: run mvn package"));
        }
    }

    private Process start(Map<String, String> env, Path stdout, Path stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar().toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void servesInvocationsUntilTheRuntimeApiGoesAway() throws Exception {
        Path stdout = logs.resolve("stdout.log");
        Path stderr = logs.resolve("stderr.log");
        Process process = start(api.environment(), stdout, stderr);
        try {
            String first = api.enqueue(Event.of("{\"name\":\"Ada\"}").withTraceId("Root=1-abc"));
            RuntimeRequest response = api.awaitResponse(first);
            assertThat(response.bodyAsString())
                    .isEqualTo("{\"message\":\"Hello from coldbrew\",\"requestId\":\"" + first + "\",\"bytes\":14}");
            assertThat(response.header("Content-Type")).isEqualTo(RuntimeApi.CONTENT_TYPE_JSON);
            String second = api.enqueue("");
            assertThat(api.awaitResponse(second).bodyAsString()).contains("\"bytes\":0");
            api.awaitNextCalls(3);
            assertThat(api.requests())
                    .extracting(r -> r.method() + " " + r.path())
                    .containsExactly(
                            "GET " + RuntimeApi.NEXT_PATH,
                            "POST " + RuntimeApi.responsePath(first),
                            "GET " + RuntimeApi.NEXT_PATH,
                            "POST " + RuntimeApi.responsePath(second),
                            "GET " + RuntimeApi.NEXT_PATH);
            api.close();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(Files.readString(stderr)).contains("coldbrew-runtime: stopping: GET " + RuntimeApi.NEXT_PATH);
            assertThat(Files.readString(stdout)).contains("[INFO] hello: 14 bytes for " + first);
        } finally {
            stop(process);
        }
    }

    @Test
    void malformedEnvironmentIsReportedToInitErrorAndExitsNonZero() throws Exception {
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_LOG_LEVEL, "CHATTY");
        Path stdout = logs.resolve("stdout.log");
        Path stderr = logs.resolve("stderr.log");
        Process process = start(env, stdout, stderr);
        try {
            ErrorRequest error = api.awaitInitError().errorRequest();
            assertThat(error.errorType()).isEqualTo(RuntimeApi.FN_ERROR_INVALID_CONFIG);
            assertThat(error.errorMessage()).startsWith("AWS_LAMBDA_LOG_LEVEL is 'CHATTY'");
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
        } finally {
            stop(process);
        }
    }

    @Test
    void withoutARuntimeApiItExitsWithAClearMessage() throws Exception {
        Path stdout = logs.resolve("stdout.log");
        Path stderr = logs.resolve("stderr.log");
        Process process =
                start(Map.of("PATH", System.getenv().getOrDefault("PATH", "") + File.pathSeparator), stdout, stderr);
        try {
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(Files.readString(stderr)).contains("AWS_LAMBDA_RUNTIME_API is not set");
        } finally {
            stop(process);
        }
    }
}
