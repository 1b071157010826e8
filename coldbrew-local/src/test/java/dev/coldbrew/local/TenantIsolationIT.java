package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.invokeapi.InvokeWire;
import dev.coldbrew.local.testing.AwsJavaRuntime;
import dev.coldbrew.local.testing.SdkClients;
import dev.coldbrew.local.testing.TestFunctions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TenantIsolationMode;

/**
 * Tenant isolation ({@code PER_TENANT}) end to end: the AWS SDK for Java v2's {@code LambdaClient} sends
 * {@code X-Amz-Tenant-Id} (its {@code InvokeRequest.tenantId}), the runtime reads {@code Lambda-Runtime-Aws-Tenant-Id}
 * (coldbrew's runtime through its {@code Context}, AWS's runtime interface client through {@code getTenantId()}).
 */
class TenantIsolationIT {

    private static final Pattern ANSWER = Pattern.compile("\\{\"tenant\":(null|\"([^\"]*)\"),\"pid\":(\\d+)}");

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    LocalLambda lambda;
    HttpInvokeServer server;
    LambdaClient sdk;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder()
                .logSink(lines::add)
                .awsRuntimeClasspath(AwsJavaRuntime.classpath())
                .build());
        lambda.register(TestFunctions.tenant(dir.resolve("tenants"), "tenants").withPerTenant(true));
        lambda.register(TestFunctions.tenant(dir.resolve("shared"), "shared"));
        server = lambda.serve(new InetSocketAddress("127.0.0.1", 0));
        sdk = SdkClients.lambda(server.endpoint());
    }

    @AfterEach
    void stop() {
        sdk.close();
        lambda.close();
        http.close();
    }

    /** What the function answered: its tenant id and the pid of the environment that ran it. */
    record Answer(String tenant, long pid) {
        static Answer of(String payload) {
            Matcher m = ANSWER.matcher(payload);
            assertThat(m.matches()).as(payload).isTrue();
            return new Answer(m.group(2), Long.parseLong(m.group(3)));
        }
    }

    private Answer sdkInvoke(String function, String tenant) {
        InvokeResponse response =
                sdk.invoke(b -> b.functionName(function).tenantId(tenant).payload(SdkBytes.fromUtf8String("{}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        return Answer.of(response.payload().asUtf8String());
    }

    /** Waits (bounded) until the environment {@code pid} is idle, so that the next invoke could be handed it. */
    private void awaitIdle(String function, long pid) throws InterruptedException {
        for (int i = 0; i < 400 && !lambda.idleEnvironmentPids(function).contains(pid); i++) {
            Thread.sleep(10);
        }
        assertThat(lambda.idleEnvironmentPids(function)).contains(pid);
    }

    @Test
    void eachTenantGetsItsOwnEnvironmentsAndItsIdInTheContext() throws InterruptedException {
        Answer blue = sdkInvoke("tenants", "blue");
        awaitIdle("tenants", blue.pid());
        Answer blueAgain = sdkInvoke("tenants", "blue");
        awaitIdle("tenants", blue.pid());
        Answer green = sdkInvoke("tenants", "green");
        awaitIdle("tenants", green.pid());
        Answer blueThird = sdkInvoke("tenants", "blue");
        awaitIdle("tenants", blue.pid());
        Answer greenAgain = sdkInvoke("tenants", "green");

        assertThat(blue.tenant()).isEqualTo("blue");
        assertThat(green.tenant()).isEqualTo("green");
        assertThat(blueAgain).as("blue stays warm in its own environment").isEqualTo(blue);
        assertThat(blueThird).isEqualTo(blue);
        assertThat(green.pid()).as("green never runs in blue's environment").isNotEqualTo(blue.pid());
        assertThat(greenAgain).isEqualTo(green);
        assertThat(lambda.environmentPids("tenants")).containsExactlyInAnyOrder(blue.pid(), green.pid());
        assertThat(lines).contains("serving tenant blue", "serving tenant green");
    }

    /** coldbrew's runtime writes the tenant id into each JSON log line of the invocation, as Lambda's runtimes do. */
    @Test
    void jsonLogLinesCarryTheTenantId() {
        FunctionConfig json = TestFunctions.tenant(dir.resolve("json"), "json").withPerTenant(true);
        java.util.Map<String, String> env = new java.util.HashMap<>(json.environment());
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        lambda.register(json.withEnvironment(env));

        InvocationResult result = lambda.invoke("json", "{}".getBytes(StandardCharsets.UTF_8), null, "violet");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.log())
                .contains("\"message\":\"serving tenant violet\"")
                .contains("\"AWSRequestId\":\"" + result.requestId() + "\"")
                .contains("\"tenantId\":\"violet\"");
    }

    @Test
    void tenantIdsOfEveryAllowedCharacterReachTheFunction() {
        String id = "Org-1_a.b:c/d=e+f@g h";
        assertThat(sdkInvoke("tenants", id).tenant()).isEqualTo(id);
        String longest = "t".repeat(256);
        assertThat(sdkInvoke("tenants", longest).tenant()).isEqualTo(longest);
    }

    @Test
    void aPerTenantFunctionRefusesAnInvokeWithoutTenant() {
        assertThatThrownBy(() -> sdk.invoke(b -> b.functionName("tenants").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("tenants").contains("PER_TENANT");
                });
        assertThat(lambda.environmentPids("tenants")).as("nothing ran").isEmpty();
    }

    @Test
    void aFunctionWithoutTenancyRefusesATenant() {
        assertThatThrownBy(() -> sdk.invoke(
                        b -> b.functionName("shared").tenantId("blue").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("shared").contains("'blue'");
                });
        assertThat(sdkInvoke("shared", null).tenant())
                .as("without a tenant it runs")
                .isNull();
    }

    @Test
    void eventAndDryRunInvokesFollowTheSameRules() throws Exception {
        InvokeResponse event = sdk.invoke(b -> b.functionName("tenants")
                .tenantId("async")
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(event.statusCode()).isEqualTo(202);
        assertThatThrownBy(() -> sdk.invoke(b -> b.functionName("tenants")
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() ->
                        sdk.invoke(b -> b.functionName("shared").tenantId("x").invocationType(InvocationType.DRY_RUN)))
                .isInstanceOf(InvalidParameterValueException.class);
        for (int i = 0; i < 600 && !lines.contains("serving tenant async"); i++) {
            Thread.sleep(50);
        }
        assertThat(lines).as("the event ran for its tenant").contains("serving tenant async");
    }

    @Test
    void malformedTenantIdsAreRefusedNamingTheValue() throws Exception {
        for (String bad : List.of("", "a*b", "t".repeat(257), "a;b")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(server.endpoint() + InvokeWire.invocationsPath("tenants")))
                            .header("X-Amz-Tenant-Id", bad)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterValueException");
            assertThat(response.body()).as(bad).contains("X-Amz-Tenant-Id '" + bad + "'");
        }
        InvocationResult direct = lambda.invoke("tenants", "{}".getBytes(StandardCharsets.UTF_8), null, "a*b");
        assertThat(direct.statusCode()).isEqualTo(400);
        assertThat(direct.payloadText()).contains("'a*b'");
        assertThat(lambda.environmentPids("tenants")).isEmpty();
    }

    /** The function's concurrency limit counts environments in use across tenants; idle ones of others do not. */
    @Test
    void reservedConcurrencyAppliesAcrossTenants() throws Exception {
        // blue's cold first invoke sleeps 2 s: the default 3 s timeout leaves a loaded machine too little for it
        lambda.register(TestFunctions.tenant(dir.resolve("one"), "one")
                .withPerTenant(true)
                .withReservedConcurrency(1)
                .withTimeout(Duration.ofSeconds(60)));
        CompletableFuture<InvocationResult> slow = CompletableFuture.supplyAsync(
                () -> lambda.invoke("one", "{\"sleep\":1}".getBytes(StandardCharsets.UTF_8), null, "blue"));
        for (int i = 0; i < 600 && lambda.environmentPids("one").isEmpty(); i++) {
            Thread.sleep(50);
        }
        InvocationResult throttled = lambda.invoke("one", "{}".getBytes(StandardCharsets.UTF_8), null, "green");
        InvocationResult blue = slow.get();
        InvocationResult green = lambda.invoke("one", "{}".getBytes(StandardCharsets.UTF_8), null, "green");

        assertThat(throttled.statusCode()).as(throttled.payloadText()).isEqualTo(429);
        assertThat(throttled.payloadText()).contains("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertThat(Answer.of(blue.payloadText()).tenant()).isEqualTo("blue");
        assertThat(green.statusCode()).isEqualTo(200);
        Answer greenAnswer = Answer.of(green.payloadText());
        assertThat(greenAnswer.tenant()).isEqualTo("green");
        assertThat(greenAnswer.pid())
                .as("green got an environment of its own once blue's was idle")
                .isNotEqualTo(Answer.of(blue.payloadText()).pid());
    }

    /** {@code InvokeWithResponseStream} takes the tenant id the same way (raw HTTP: the event stream's bytes). */
    @Test
    void responseStreamingInvokesCarryTheTenant() throws Exception {
        URI streaming = URI.create(server.endpoint() + InvokeWire.STREAMING_FUNCTIONS_PATH + "/tenants"
                + InvokeWire.STREAMING_INVOCATIONS_SUFFIX);
        HttpResponse<String> ok = http.send(
                HttpRequest.newBuilder(streaming)
                        .header("X-Amz-Tenant-Id", "stream")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(streaming)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("PayloadChunk").contains("\"tenant\":\"stream\"");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterValueException");
    }

    /**
     * Lambda caps a tenant-isolated function's environments, active or idle, at 2,500 for every 1,000 of its
     * concurrency: with a reserved concurrency of 1, two tenants' environments; a third tenant gets 429 until one ends.
     */
    @Test
    void tenantEnvironmentsAreCappedByConcurrency() throws Exception {
        lambda.register(TestFunctions.tenant(dir.resolve("capped"), "capped")
                .withPerTenant(true)
                .withReservedConcurrency(1));
        byte[] event = "{}".getBytes(StandardCharsets.UTF_8);
        Answer a = Answer.of(lambda.invoke("capped", event, null, "a").payloadText());
        awaitIdle("capped", a.pid());
        Answer b = Answer.of(lambda.invoke("capped", event, null, "b").payloadText());
        awaitIdle("capped", b.pid());

        InvocationResult third = lambda.invoke("capped", event, null, "c");
        Answer aAgain = Answer.of(lambda.invoke("capped", event, null, "a").payloadText());
        awaitIdle("capped", a.pid());
        lambda.stopEnvironments("capped");
        InvocationResult thirdLater = lambda.invoke("capped", event, null, "c");

        assertThat(third.statusCode()).as(third.payloadText()).isEqualTo(429);
        assertThat(third.payloadText())
                .contains("Rate exceeded")
                .contains("2 tenant execution environments")
                .contains("a concurrency of 1");
        assertThat(aAgain).as("a tenant with an environment still gets it").isEqualTo(a);
        assertThat(thirdLater.statusCode()).isEqualTo(200);
        assertThat(Answer.of(thirdLater.payloadText()).tenant()).isEqualTo("c");
    }

    @Test
    void getFunctionShowsTheTenancyConfig() {
        assertThat(sdk.getFunction(b -> b.functionName("tenants"))
                        .configuration()
                        .tenancyConfig()
                        .tenantIsolationMode())
                .isEqualTo(TenantIsolationMode.PER_TENANT);
        assertThat(sdk.getFunction(b -> b.functionName("shared"))
                        .configuration()
                        .tenancyConfig())
                .isNull();
    }

    /** AWS's runtime interface client (managed java25) hands the tenant id to the handler's {@code Context}. */
    @Test
    void awsRuntimeClientSeesTheTenant() {
        Path code = TestFunctions.awsCoreHandler(dir.resolve("aws"));
        lambda.register(FunctionConfig.of("aws", code, RuntimeKind.JAVA25, "Hello::handleRequest")
                .withMemoryMb(TestFunctions.MEMORY_MB)
                .withPerTenant(true));

        InvokeResponse response = sdk.invoke(
                b -> b.functionName("aws").tenantId("acme").payload(SdkBytes.fromUtf8String("{\"name\":\"t\"}")));

        assertThat(response.functionError())
                .as(response.payload().asUtf8String())
                .isNull();
        assertThat(response.payload().asUtf8String()).contains("\"tenant\":\"acme\"");
    }
}
