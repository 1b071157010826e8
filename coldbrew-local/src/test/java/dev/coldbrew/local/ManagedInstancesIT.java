package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.Report;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.testing.AwsJavaRuntime;
import dev.coldbrew.local.testing.SdkClients;
import dev.coldbrew.local.testing.TestFunctions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Lambda Managed Instances end to end: the AWS SDK for Java v2's {@code LambdaClient} calls the Invoke API, and one
 * execution environment runs up to {@code AWS_LAMBDA_MAX_CONCURRENCY} invocations at once, with coldbrew's runtime
 * (its concurrent loops) and with AWS's runtime interface client ({@code ConcurrencyConfig}) as the peers. Overlap is
 * proven without timing: the function holds each invocation until the asked number are inside its handler together.
 */
class ManagedInstancesIT {

    private static final Pattern ANSWER =
            Pattern.compile("\"id\":\"([^\"]*)\",\"pid\":(\\d+),\"together\":(true|false)");

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;
    HttpInvokeServer server;
    LambdaClient sdk;
    final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    final Set<Long> seenPids = new HashSet<>();

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder()
                .logSink(lines::add)
                .awsRuntimeClasspath(AwsJavaRuntime.classpath())
                .build());
        server = lambda.serve(new InetSocketAddress("127.0.0.1", 0));
        sdk = SdkClients.lambda(server.endpoint());
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        sdk.close();
        lambda.close();
        // nothing is left behind: every environment seen is gone
        for (long pid : seenPids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("environment process " + pid + " after close")
                    .isFalse();
        }
    }

    /** What the function answered. */
    record Answer(String id, long pid, boolean together, String payload) {
        static Answer of(String payload) {
            Matcher m = ANSWER.matcher(payload);
            assertThat(m.find()).as(payload).isTrue();
            return new Answer(m.group(1), Long.parseLong(m.group(2)), Boolean.parseBoolean(m.group(3)), payload);
        }
    }

    private InvokeResponse sdkInvoke(String function, String event) {
        return sdk.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String(event)));
    }

    private Answer answer(InvokeResponse response) {
        String payload = response.payload().asUtf8String();
        assertThat(response.functionError()).as(payload).isNull();
        Answer answer = Answer.of(payload);
        seenPids.add(answer.pid());
        return answer;
    }

    /** {@code n} callers at once, caller i sending {@code {"id":"c<i>", ...extra}}; their answers in order. */
    private List<Answer> callTogether(String function, int n, String extra) throws Exception {
        List<Future<InvokeResponse>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String event = "{\"id\":\"c" + i + "\"," + extra + "}";
            futures.add(callers.submit(() -> sdkInvoke(function, event)));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<InvokeResponse> f : futures) {
            answers.add(answer(f.get()));
        }
        return answers;
    }

    /** Waits (bounded) until the function has logged that invocation {@code id} entered its handler. */
    private void awaitEntered(String id) throws InterruptedException {
        for (int i = 0; i < 600 && lines.stream().noneMatch(l -> l.contains("entered " + id)); i++) {
            Thread.sleep(50);
        }
        assertThat(lines).anyMatch(l -> l.contains("entered " + id));
    }

    @Test
    void concurrentCallersShareOneEnvironmentAndEachGetsItsOwnAnswer() throws Exception {
        // each invocation waits inside the handler for the other three: on a loaded machine the last caller's can
        // arrive later than the default 3 s timeout allows the first one
        lambda.register(TestFunctions.managed(dir.resolve("m"), "managed", 4).withTimeout(Duration.ofSeconds(30)));

        long start = System.nanoTime();
        List<Answer> answers = callTogether("managed", 4, "\"together\":4,\"sleepMs\":500");
        double elapsedMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("4 callers x 500 ms sleep, max-concurrency 4, cold: %.0f ms%n", elapsedMs);

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).id())
                    .as("caller %d gets its own answer", i)
                    .isEqualTo("c" + i);
            assertThat(answers.get(i).together())
                    .as("all four inside the handler at once")
                    .isTrue();
            assertThat(answers.get(i).payload())
                    .contains("\"maxConcurrency\":\"4\"")
                    .contains("\"initType\":\"lambda-managed-instances\"")
                    .contains("\"logFormat\":\"JSON\"");
        }
        assertThat(answers.stream().map(Answer::pid).distinct())
                .as("one environment")
                .hasSize(1);
        assertThat(lambda.environmentPids("managed"))
                .containsExactly(answers.getFirst().pid());

        long warmStart = System.nanoTime();
        List<Answer> warm = callTogether("managed", 4, "\"together\":4,\"sleepMs\":500");
        System.out.printf(
                "4 callers x 500 ms sleep, max-concurrency 4, warm: %.0f ms%n", (System.nanoTime() - warmStart) / 1e6);
        assertThat(warm).allMatch(a -> a.pid() == answers.getFirst().pid() && a.together());
    }

    @Test
    void oneCallerMoreThanTheMaximumGetsASecondEnvironment() throws Exception {
        lambda.register(TestFunctions.managed(dir.resolve("m"), "managed", 2).withTimeout(Duration.ofSeconds(30)));
        Path release = dir.resolve("release");
        String held = "\"holdUntil\":\"" + release + "\"";
        Future<InvokeResponse> a = callers.submit(() -> sdkInvoke("managed", "{\"id\":\"a\"," + held + "}"));
        Future<InvokeResponse> b = callers.submit(() -> sdkInvoke("managed", "{\"id\":\"b\"," + held + "}"));
        awaitEntered("a");
        awaitEntered("b");

        Answer c = answer(sdkInvoke("managed", "{\"id\":\"c\"}"));
        Files.createFile(release);
        Answer answerA = answer(a.get());
        Answer answerB = answer(b.get());

        assertThat(List.of(answerA.id(), answerB.id(), c.id())).containsExactly("a", "b", "c");
        assertThat(answerB.pid()).as("a and b share the first environment").isEqualTo(answerA.pid());
        assertThat(c.pid()).as("c, the third, gets a second one").isNotEqualTo(answerA.pid());
        assertThat(lambda.environmentPids("managed")).containsExactlyInAnyOrder(answerA.pid(), c.pid());
    }

    @Test
    void reservedConcurrencyCountsInvocations() throws Exception {
        lambda.register(TestFunctions.managed(dir.resolve("m"), "managed", 4)
                .withReservedConcurrency(2)
                .withTimeout(Duration.ofSeconds(30)));
        Path release = dir.resolve("release");
        String held = "\"holdUntil\":\"" + release + "\"";
        Future<InvokeResponse> a = callers.submit(() -> sdkInvoke("managed", "{\"id\":\"a\"," + held + "}"));
        Future<InvokeResponse> b = callers.submit(() -> sdkInvoke("managed", "{\"id\":\"b\"," + held + "}"));
        awaitEntered("a");
        awaitEntered("b");

        assertThatThrownBy(() -> sdkInvoke("managed", "{\"id\":\"c\"}"))
                .isInstanceOfSatisfying(
                        TooManyRequestsException.class,
                        e -> assertThat(e.reasonAsString())
                                .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        Files.createFile(release);
        assertThat(answer(a.get()).id()).isEqualTo("a");
        assertThat(answer(b.get()).id()).isEqualTo("b");
        assertThat(answer(sdkInvoke("managed", "{\"id\":\"d\"}")).id()).isEqualTo("d");
    }

    @Test
    void aCrashFailsEveryInvocationInFlightOnThatEnvironment() throws Exception {
        lambda.register(TestFunctions.managed(dir.resolve("m"), "managed", 3).withTimeout(Duration.ofSeconds(30)));
        long before = answer(sdkInvoke("managed", "{\"id\":\"warm\"}")).pid();
        Future<InvokeResponse> a = callers.submit(() -> sdkInvoke("managed", "{\"id\":\"a\",\"sleepMs\":15000}"));
        Future<InvokeResponse> b = callers.submit(() -> sdkInvoke("managed", "{\"id\":\"b\",\"sleepMs\":15000}"));
        awaitEntered("a");
        awaitEntered("b");

        InvokeResponse crash = sdkInvoke("managed", "{\"id\":\"crash\",\"crashMs\":100}");

        for (InvokeResponse failed : List.of(crash, a.get(), b.get())) {
            assertThat(failed.functionError()).isEqualTo("Unhandled");
            assertThat(failed.payload().asUtf8String())
                    .contains("\"errorType\":\"Runtime.ExitError\"")
                    .contains("exit status 3");
        }
        Answer after = answer(sdkInvoke("managed", "{\"id\":\"after\"}"));
        assertThat(after.pid()).as("a new environment").isNotEqualTo(before);
        assertThat(lambda.environmentPids("managed")).containsExactly(after.pid());
    }

    @Test
    void aTimeoutFailsThatInvocationOnlyAndTheEnvironmentGoesOn() throws Exception {
        // 5 s: the other invocations (the JVM's first among them, and two that wait for each other) must not time
        // out on a loaded machine; the late one sleeps twice that
        lambda.register(TestFunctions.managed(dir.resolve("m"), "managed", 2).withTimeout(Duration.ofSeconds(5)));
        long pid = answer(sdkInvoke("managed", "{\"id\":\"warm\"}")).pid();

        InvokeResponse late = sdkInvoke("managed", "{\"id\":\"late\",\"sleepMs\":10000}");
        Answer next = answer(sdkInvoke("managed", "{\"id\":\"next\"}"));

        assertThat(late.functionError()).isEqualTo("Unhandled");
        assertThat(late.payload().asUtf8String())
                .contains("\"errorType\":\"Sandbox.Timedout\"")
                .contains("Task timed out after 5.00 seconds");
        assertThat(next.pid()).as("the environment was not killed").isEqualTo(pid);
        // the console gets JSON platform lines only: the timeout is the report's status, not a plain-text line
        assertThat(lines).noneMatch(l -> l.contains("Task timed out"));
        assertThat(lines)
                .anyMatch(l -> l.startsWith("{")
                        && l.contains("\"type\":\"platform.report\"")
                        && l.contains("\"status\":\"timeout\""));
        // the runtime answers the timed-out invocation late; its slot is then free again and the environment lives on
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines.stream().noneMatch(l -> l.contains("served late")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(lines).anyMatch(l -> l.contains("served late"));
        List<Answer> both = callTogether("managed", 2, "\"together\":2");
        assertThat(both).allMatch(a -> a.pid() == pid && a.together());
    }

    @Test
    void platformLogsAreJsonAndGetFunctionShowsTheCapacityProviderConfig() {
        lambda.register(TestFunctions.managed(dir.resolve("m"), "managed", 3));

        InvocationResult result = lambda.invoke("managed", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        GetFunctionConfigurationResponse config = sdk.getFunctionConfiguration(b -> b.functionName("managed"));

        seenPids.add(Answer.of(result.payloadText()).pid());
        assertThat(result.log())
                .contains("\"type\":\"platform.start\",\"record\":{\"requestId\":\"" + result.requestId() + "\"")
                .contains("\"type\":\"platform.report\",\"record\":{\"requestId\":\"" + result.requestId()
                        + "\",\"metrics\":{\"durationMs\":")
                .contains("\"status\":\"success\"")
                .doesNotContain("REPORT RequestId");
        assertThat(result.report().maxMemoryUsedMb())
                .as("concurrent invocations share the memory")
                .isEqualTo(Report.MEMORY_NOT_MEASURED);
        assertThat(lines).anyMatch(l -> l.contains("\"message\":\"entered x\"") && l.contains("\"AWSRequestId\""));
        var lmi = config.capacityProviderConfig().lambdaManagedInstancesCapacityProviderConfig();
        assertThat(lmi.perExecutionEnvironmentMaxConcurrency()).isEqualTo(3);
        assertThat(lmi.capacityProviderArn()).isEqualTo("local");
        assertThat(config.loggingConfig().logFormatAsString()).isEqualTo("JSON");
    }

    @Test
    void awsRuntimeInterfaceClientRunsConcurrentInvocationsInOneEnvironment() throws Exception {
        Path code = TestFunctions.awsCoreManagedHandler(dir.resolve("ric"));
        lambda.register(FunctionConfig.of("ric", code, RuntimeKind.JAVA25, "SlowHello::handleRequest")
                .withMemoryMb(TestFunctions.MEMORY_MB)
                .withMaxConcurrency(3));

        List<Answer> answers = callTogether("ric", 3, "\"together\":3");

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).id()).isEqualTo("c" + i);
            assertThat(answers.get(i).together())
                    .as("three inside the handler at once")
                    .isTrue();
        }
        assertThat(answers.stream().map(Answer::pid).distinct()).hasSize(1);
    }
}
