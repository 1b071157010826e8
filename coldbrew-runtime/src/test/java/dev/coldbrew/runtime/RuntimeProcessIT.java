package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime in a JVM of its own, on the test class path (which holds aws-lambda-java-core): the generic
 * {@link Main} with {@code _HANDLER}, and what an explicitly registered function loads before its first
 * {@code GET /next}.
 */
class RuntimeProcessIT {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    @TempDir
    Path dir;

    private Process start(Map<String, String> env, String... mainAndArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-Xshare:auto",
                "-Xlog:class+load:file=" + dir.resolve("classes.log"),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void genericMainRunsAnUnchangedAwsHandlerNamedByHandlerVariable() throws Exception {
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_HANDLER, "example.handlers.AwsStream::handleRequest");
        env.put(RuntimeApi.ENV_LOG_FORMAT, "JSON");
        Process process = start(env, Main.class.getName());
        try {
            String id = api.enqueue(Event.of("payload")
                    .with(RuntimeApi.HEADER_COGNITO_IDENTITY, "{\"cognitoIdentityId\":\"cid\"}")
                    .with(
                            RuntimeApi.HEADER_CLIENT_CONTEXT,
                            "{\"client\":{\"app_title\":\"App\"},\"custom\":{\"k\":\"v\"}}"));
            assertThat(api.awaitResponse(id).bodyAsString()).endsWith("|cid|App|v|null|null|true|payload");
            api.close();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitStatus.RUNTIME_API_FAILED.code());
            assertThat(Files.readString(dir.resolve("stdout.log")))
                    .contains("\"message\":\"aws-stream handling " + id + "\",\"level\":\"INFO\",\"AWSRequestId\":\""
                            + id + "\"");
        } finally {
            stop(process);
        }
    }

    @Test
    void genericMainWithAMissingClassReportsInitErrorAndExitsNonZero() throws Exception {
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_HANDLER, "example.handlers.Nowhere");
        Process process = start(env, Main.class.getName());
        try {
            assertThat(api.awaitInitError().errorType()).isEqualTo(RuntimeApi.FN_ERROR_NO_SUCH_HANDLER);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(ExitStatus.INIT_FAILED.code());
            assertThat(Files.readString(dir.resolve("stderr.log")))
                    .contains("init failed: Runtime.NoSuchHandler: load handler example.handlers.Nowhere failed");
        } finally {
            stop(process);
        }
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /*
     * The JDK's own socket implementation bootstraps a lambda (NioSocketImpl), so LambdaMetafactory itself is not
     * checked here; coldbrew's code uses neither lambdas nor indy string concatenation on this path.
     */
    @Test
    void explicitRegistrationLoadsNoAwsNoReflectionAndNoHeavyJdkPartsBeforeTheFirstNext() throws Exception {
        Process process = start(api.environment(), "example.handlers.ExplicitMain");
        try {
            api.awaitNextCalls(1);
            String id = api.enqueue("x");
            api.awaitResponse(id);
            api.close();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> log = Files.readAllLines(dir.resolve("classes.log"));
            int firstReply = indexOf(log, " dev.coldbrew.runtime.api.NextInvocation ");
            assertThat(firstReply)
                    .as("NextInvocation loaded when the first /next reply arrived")
                    .isPositive();
            List<String> loaded = log.subList(0, firstReply);
            assertThat(loaded).anyMatch(line -> line.contains(" dev.coldbrew.runtime.loop.RuntimeLoop "));
            assertThat(loaded)
                    .noneMatch(line -> line.contains(" com.amazonaws."))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.aws."))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.handler."))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.binding."))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.spi.Transport"))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.loop.TransportBootstrap "))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.loop.LazyResponse "))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.invoke.HandlerInvoker$"))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.Priming "))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.loop.Primer"))
                    .noneMatch(line -> line.contains(" dev.coldbrew.runtime.loop.PrimingEnvironment "))
                    .noneMatch(line -> line.contains(" java.net.http."))
                    .noneMatch(line -> line.contains(" java.net.HttpURLConnection"))
                    .noneMatch(line -> line.contains(" java.util.regex."))
                    .noneMatch(line -> line.contains(" java.util.Formatter"))
                    .noneMatch(line -> line.contains(" java.util.ServiceLoader"))
                    .noneMatch(line -> line.contains("java.lang.invoke.StringConcatFactory"));
        } finally {
            stop(process);
        }
    }

    @Test
    void genericMainPrimesWithTheEventsNamedByTheEnvironmentBeforeTheFirstNext() throws Exception {
        Path events = Files.createDirectory(dir.resolve("priming"));
        Files.writeString(events.resolve("sample.json"), "{\"sample\":true}");
        Map<String, String> env = api.environment();
        env.put(RuntimeApi.ENV_HANDLER, "example.handlers.PrimingAware");
        env.put(Priming.ENV_EVENTS, events.toString());
        env.put(Priming.ENV_ROUNDS, "2");
        Process process = start(env, Main.class.getName());
        try {
            String id = api.enqueue("x");
            api.awaitResponse(id);
            api.close();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> stdout = Files.readAllLines(dir.resolve("stdout.log"));
            assertThat(stdout)
                    .filteredOn(line -> line.contains("handling "))
                    .containsExactly(
                            "handling priming-1 priming=true",
                            "handling priming-2 priming=true",
                            "handling " + id + " priming=false");
            assertThat(Files.readString(dir.resolve("stderr.log")))
                    .contains("coldbrew-runtime: primed: 2 invocations in 2 rounds");
            List<String> log = Files.readAllLines(dir.resolve("classes.log"));
            assertThat(indexOf(log, " dev.coldbrew.runtime.loop.Primer "))
                    .as("Primer loaded before the first /next reply")
                    .isPositive()
                    .isLessThan(indexOf(log, " dev.coldbrew.runtime.api.NextInvocation "));
        } finally {
            stop(process);
        }
    }

    @Test
    void handlerErrorIsReportedAndLoggedOnStdout() throws Exception {
        Process process = start(api.environment(), "example.handlers.FailingMain");
        try {
            String id = api.enqueue("x");
            assertThat(api.awaitError(id).errorRequest().errorMessage()).isEqualTo("cannot handle x");
            String next = api.enqueue("y");
            api.awaitError(next);
            api.close();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("stdout.log")))
                    .contains("java.lang.IllegalStateException: cannot handle x")
                    .contains("java.lang.IllegalStateException: cannot handle y");
        } finally {
            stop(process);
        }
    }
}
