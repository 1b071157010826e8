package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.local.environment.LocalOptions;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The Invoke API over HTTP, called by the AWS SDK for Java v2 (unchanged, endpoint override) and raw HTTP. */
class InvokeApiIT {

    @TempDir
    Path dir;

    final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    LocalLambda lambda;
    HttpInvokeServer server;
    LambdaClient sdk;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
        lambda.register(TestFunctions.probe(dir.resolve("echo"), "echo"));
        server = lambda.serve(new InetSocketAddress("127.0.0.1", 0));
        sdk = SdkClients.lambda(server.endpoint());
    }

    @AfterEach
    void stop() {
        sdk.close();
        lambda.close();
        http.close();
    }

    @Test
    void sdkInvokesAndGetsTheLogTail() {
        InvokeResponse response = sdk.invoke(b -> b.functionName("echo")
                .payload(SdkBytes.fromUtf8String("{\"a\":1}"))
                .logType(LogType.TAIL));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"a\":1}");
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.functionError()).isNull();
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log)
                .contains("START RequestId: ")
                .contains("REPORT RequestId: ")
                .contains("Init Duration: ");
    }

    @Test
    void sdkSeesFunctionErrorsAsUnhandled() {
        InvokeResponse response =
                sdk.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{\"action\":\"error\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("Fn.Boom");
    }

    @Test
    void sdkGetsResourceNotFoundForUnknownFunctionsAndVersions() {
        assertThatThrownBy(() -> sdk.invoke(b -> b.functionName("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing");
        assertThatThrownBy(() -> sdk.invoke(b -> b.functionName("echo").qualifier("7")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void sdkListsAndDescribesFunctions() {
        var listed = sdk.listFunctions().functions();
        var got = sdk.getFunction(b -> b.functionName("echo"));

        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().functionName()).isEqualTo("echo");
        assertThat(listed.getFirst().runtimeAsString()).isEqualTo("provided.al2023");
        assertThat(got.configuration().memorySize()).isEqualTo(TestFunctions.MEMORY_MB);
        assertThat(got.configuration().timeout()).isEqualTo(3);
    }

    @Test
    void sdkEventAndDryRunInvocations() {
        InvokeResponse event = sdk.invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT));
        InvokeResponse dryRun = sdk.invoke(b -> b.functionName("echo").invocationType(InvocationType.DRY_RUN));

        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(dryRun.statusCode()).isEqualTo(204);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lines.stream().noneMatch(l -> l.startsWith("REPORT RequestId: ")) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        assertThat(lines).as("the event ran in the background").anyMatch(l -> l.startsWith("REPORT RequestId: "));
    }

    @Test
    void sdkGetsRequestTooLargeOverSixMegabytes() {
        byte[] big = ("\"" + "x".repeat(6 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> sdk.invoke(b -> b.functionName("echo").payload(SdkBytes.fromByteArray(big))))
                .isInstanceOfSatisfying(
                        RequestTooLargeException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(413));
    }

    @Test
    void clientContextReachesTheRuntime() {
        String context =
                Base64.getEncoder().encodeToString("{\"custom\":{\"k\":\"v\"}}".getBytes(StandardCharsets.UTF_8));
        InvokeResponse response = sdk.invoke(b -> b.functionName("echo")
                .clientContext(context)
                .payload(SdkBytes.fromUtf8String("{\"action\":\"headers\"}")));

        assertThat(response.payload().asUtf8String())
                .contains("lambda-runtime-client-context=[{'custom':{'k':'v'}}]")
                .contains("lambda-runtime-deadline-ms=")
                .contains("lambda-runtime-invoked-function-arn=[arn:aws:lambda:us-east-1:000000000000:function:echo]")
                .contains("lambda-runtime-trace-id=[Root=1-");
    }

    @Test
    void parallelInvokesGetTheirOwnEnvironmentsAndOneMoreIsThrottled() throws Exception {
        int n = 3;
        // a first invoke that sleeps 1.5 s: the default 3 s timeout leaves too little for a loaded machine
        lambda.register(TestFunctions.probe(dir.resolve("limited"), "limited")
                .withReservedConcurrency(n)
                .withTimeout(Duration.ofSeconds(60)));
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<InvokeResponse>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                running.add(pool.submit(() -> sdk.invoke(b -> b.functionName("limited")
                        .payload(SdkBytes.fromUtf8String("{\"action\":\"sleep\",\"ms\":1500}")))));
            }
            awaitEnvironments("limited", n);

            assertThatThrownBy(() -> sdk.invoke(b -> b.functionName("limited")))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                        assertThat(e.retryAfterSeconds()).isEqualTo("1");
                    });
            Set<String> pids = new HashSet<>();
            for (Future<InvokeResponse> f : running) {
                pids.add(f.get(60, TimeUnit.SECONDS).payload().asUtf8String());
            }
            assertThat(pids).hasSize(n);
        }
        assertThat(lambda.environmentPids("limited")).hasSize(n);
    }

    private void awaitEnvironments(String name, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lambda.environmentPids(name).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lambda.environmentPids(name)).hasSize(n);
    }

    @Test
    void malformedRequestsGetAwsErrorShapes() throws Exception {
        HttpResponse<String> notJson = post("/2015-03-31/functions/echo/invocations", "{not json", null, null);
        HttpResponse<String> badType =
                post("/2015-03-31/functions/echo/invocations", "{}", "X-Amz-Invocation-Type", "Later");
        HttpResponse<String> badContext =
                post("/2015-03-31/functions/echo/invocations", "{}", "X-Amz-Client-Context", "%%%");
        HttpResponse<String> badLogType = post("/2015-03-31/functions/echo/invocations", "{}", "X-Amz-Log-Type", "All");
        HttpResponse<String> badName = post("/2015-03-31/functions/bad%20name/invocations", "{}", null, null);
        HttpResponse<String> unknownPath = post("/2015-03-31/nothing", "{}", null, null);

        assertAwsError(notJson, 400, "InvalidRequestContentException", "not valid JSON");
        assertAwsError(badType, 400, "InvalidParameterValueException", "'Later'");
        assertAwsError(badContext, 400, "InvalidRequestContentException", "'%%%'");
        assertAwsError(badLogType, 400, "InvalidParameterValueException", "'All'");
        assertAwsError(badName, 400, "InvalidParameterValueException", "'bad name'");
        assertAwsError(unknownPath, 404, "UnknownOperationException", "/2015-03-31/nothing");
    }

    @Test
    void oversizedPayloadIsRequestTooLarge() throws Exception {
        String big = "\"" + "x".repeat(6 * 1024 * 1024) + "\"";
        HttpResponse<String> response = post("/2015-03-31/functions/echo/invocations", big, null, null);

        assertAwsError(response, 413, "RequestTooLargeException", "6291456");
    }

    @Test
    void theResponseContentTypeOfTheRuntimeReachesTheCaller() throws Exception {
        HttpResponse<String> response = post(
                "/2015-03-31/functions/echo/invocations", "{\"action\":\"typed\",\"type\":\"text/csv\"}", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("typed");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv");
    }

    private static void assertAwsError(HttpResponse<String> response, int status, String type, String text) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(response.body()).contains("\"Type\":\"User\"").contains(text);
    }

    private HttpResponse<String> post(String path, String body, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
