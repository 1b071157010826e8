package dev.coldbrew.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.json.JsonReader;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import example.handlers.Failing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The runtime under test runs while the try block's body drives the fake Runtime API.
@SuppressWarnings("try")
class RuntimeLoopTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bytesHandlerResponseIsPostedAsJson() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(
                api, (event, context) -> utf8("got " + new String(event, StandardCharsets.UTF_8)))) {
            String id = api.enqueue("{\"a\":1}");
            RuntimeRequest response = api.awaitResponse(id);
            assertThat(response.bodyAsString()).isEqualTo("got {\"a\":1}");
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.header("User-Agent")).isEqualTo(RuntimeApi.USER_AGENT);
        }
    }

    @Test
    void servesInvocationsOneAfterAnother() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, context) -> event)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(api.enqueue("event-" + i));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(api.awaitResponse(ids.get(i)).bodyAsString()).isEqualTo("event-" + i);
            }
        }
    }

    @Test
    void contextCarriesEveryInvocationHeaderAndEnvironmentValue() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        BytesHandler handler = (event, c) -> {
            seen.set(c.requestId() + "|" + c.deadlineMs() + "|" + (c.remainingTimeMillis() > 0) + "|"
                    + c.invokedFunctionArn() + "|" + c.functionName() + "|" + c.functionVersion() + "|"
                    + c.memoryLimitMb() + "|" + c.logGroupName() + "|" + c.logStreamName() + "|"
                    + c.clientContext() + "|" + c.cognitoIdentity() + "|" + c.tenantId() + "|" + c.traceId());
            return null;
        };
        long deadline = System.currentTimeMillis() + 60_000;
        try (InProcessRuntime runtime = InProcessRuntime.start(api, handler)) {
            String id = api.enqueue(Event.of("{}")
                    .withRequestId("req-ctx")
                    .withDeadlineMs(deadline)
                    .withTraceId("Root=1-abc;Parent=def;Sampled=1")
                    .with(
                            RuntimeApi.HEADER_CLIENT_CONTEXT,
                            "{\"client\":{\"installation_id\":\"i\",\"app_title\":\"App\"},\"custom\":{\"k\":\"v\"},\"env\":{\"os\":\"x\"}}")
                    .with(
                            RuntimeApi.HEADER_COGNITO_IDENTITY,
                            "{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
                    .with(RuntimeApi.HEADER_TENANT_ID, "tenant-1"));
            assertThat(api.awaitResponse(id).body()).isEmpty();
        }
        assertThat(seen.get())
                .isEqualTo(
                        "req-ctx|" + deadline + "|true|" + Event.DEFAULT_FUNCTION_ARN + "|test-function|$LATEST|512|"
                                + "/aws/lambda/test-function|2026/01/01/[$LATEST]0123456789abcdef|"
                                + "ClientContext[client=Client[installationId=i, appTitle=App, appVersionName=null,"
                                + " appVersionCode=null, appPackageName=null], custom={k=v}, environment={os=x}]|"
                                + "CognitoIdentity[identityId=id-1, identityPoolId=pool-1]|tenant-1|Root=1-abc;Parent=def;Sampled=1");
    }

    @Test
    void malformedClientContextFailsOnlyTheHandlerThatReadsIt() throws Exception {
        try (InProcessRuntime runtime =
                InProcessRuntime.start(api, (event, c) -> utf8(String.valueOf(c.clientContext())))) {
            String id = api.enqueue(Event.of("{}").with(RuntimeApi.HEADER_CLIENT_CONTEXT, "{oops"));
            ErrorRequest error = api.awaitError(id).errorRequest();
            assertThat(error.errorMessage())
                    .startsWith("read Lambda-Runtime-Client-Context failed: parse JSON failed at offset 1");
        }
    }

    @Test
    void traceHeaderIsTheXrayPropertyDuringEachInvoke() throws Exception {
        BytesHandler handler = (event, c) -> utf8(String.valueOf(System.getProperty(RuntimeApi.XRAY_TRACE_PROPERTY)));
        try (InProcessRuntime runtime = InProcessRuntime.start(api, handler)) {
            String traced = api.enqueue(Event.of("{}").withTraceId("Root=1-xyz;Sampled=0"));
            assertThat(api.awaitResponse(traced).bodyAsString()).isEqualTo("Root=1-xyz;Sampled=0");
            String untraced = api.enqueue(Event.of("{}"));
            assertThat(api.awaitResponse(untraced).bodyAsString()).isEqualTo("null");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void handlerExceptionIsReportedAsUserErrorAndTheLoopContinues() throws Exception {
        Failing failing = new Failing();
        BytesHandler handler = (event, c) -> event.length == 0 ? utf8("fine") : failing.handle(event, c);
        try (InProcessRuntime runtime = InProcessRuntime.start(api, handler)) {
            String bad = api.enqueue("boom");
            RuntimeRequest report = api.awaitError(bad);
            assertThat(report.errorType()).isEqualTo("Runtime.UserException");
            assertThat(report.header("Content-Type")).isEqualTo(RuntimeApi.CONTENT_TYPE_ERROR);
            ErrorRequest error = report.errorRequest();
            assertThat(error.errorMessage()).isEqualTo("cannot handle boom");
            assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.stackTrace().get(0)).startsWith("example.handlers.Failing.deeper(Failing.java:");
            assertThat(error.stackTrace()).contains("Caused by: java.io.IOException: disk gone");
            assertThat(error.stackTrace()).noneMatch(frame -> frame.startsWith("dev.coldbrew.runtime."));
            Map<String, Object> cause = JsonReader.parseObject(report.header(RuntimeApi.HEADER_XRAY_ERROR_CAUSE));
            assertThat(cause).containsEntry("working_directory", System.getProperty("user.dir"));
            Map<String, Object> exception = (Map<String, Object>) ((List<Object>) cause.get("exceptions")).get(0);
            assertThat(exception)
                    .containsEntry("message", "cannot handle boom")
                    .containsEntry("type", "java.lang.IllegalStateException");
            Map<String, Object> top = (Map<String, Object>) ((List<Object>) exception.get("stack")).get(0);
            assertThat(top).containsEntry("label", "deeper").containsEntry("path", "Failing.java");
            assertThat((List<Object>) cause.get("paths")).contains("Failing.java");
            String good = api.enqueue("");
            assertThat(api.awaitResponse(good).bodyAsString()).isEqualTo("fine");
        }
    }

    @Test
    void exceptionWithoutMessageReportsItsClassName() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> {
            throw new UnsupportedOperationException();
        })) {
            String id = api.enqueue("{}");
            assertThat(api.awaitError(id).errorRequest().errorMessage())
                    .isEqualTo("java.lang.UnsupportedOperationException");
        }
    }

    @Test
    void responseOverTheLimitIsReportedByTheRuntimeNotPosted() throws Exception {
        try (InProcessRuntime runtime =
                InProcessRuntime.start(api, (event, c) -> new byte[RuntimeApi.MAX_RESPONSE_BYTES + 1])) {
            String id = api.enqueue("{}");
            RuntimeRequest report = api.awaitError(id);
            assertThat(report.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(report.errorRequest().errorMessage())
                    .isEqualTo(
                            "Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).");
            assertThat(api.requests()).noneMatch(r -> r.path().endsWith("/response"));
        }
    }

    @Test
    void responseExactlyAtTheLimitIsPosted() throws Exception {
        try (InProcessRuntime runtime =
                InProcessRuntime.start(api, (event, c) -> new byte[RuntimeApi.MAX_RESPONSE_BYTES])) {
            String id = api.enqueue("{}");
            assertThat(api.awaitResponse(id).body()).hasSize(RuntimeApi.MAX_RESPONSE_BYTES);
        }
    }

    @Test
    void streamHandlerWritingPastTheLimitIsStoppedAndReported() throws Exception {
        StreamHandler endless = (in, out, c) -> {
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        };
        try (InProcessRuntime runtime = InProcessRuntime.start(api, BytesHandler.of(endless))) {
            String id = api.enqueue("{}");
            RuntimeRequest report = api.awaitError(id);
            assertThat(report.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(report.errorRequest().errorMessage())
                    .startsWith("Response payload size (at least 7340032 bytes)");
        }
    }

    @Test
    void outOfMemoryIsReportedThenTheRuntimeExits() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> {
            throw new OutOfMemoryError("Java heap space");
        })) {
            String id = api.enqueue("{}");
            assertThat(api.awaitError(id).errorType()).isEqualTo("Runtime.OutOfMemory");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.FATAL_HANDLER_ERROR);
            assertThat(runtime.stderr())
                    .contains("stopping after request " + id + ": Runtime.OutOfMemory: Java heap space");
        }
    }

    @Test
    void nextWithBadDeadlineIsReportedForThatRequestAndTheLoopContinues() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> event)) {
            String bad = api.enqueue(Event.of("{}").with(RuntimeApi.HEADER_DEADLINE_MS, "tomorrow"));
            RuntimeRequest report = api.awaitError(bad);
            assertThat(report.errorType()).isEqualTo("Runtime.InvalidInvocation");
            assertThat(report.errorRequest().errorMessage()).contains("Lambda-Runtime-Deadline-Ms is 'tomorrow'");
            String good = api.enqueue("ok");
            assertThat(api.awaitResponse(good).bodyAsString()).isEqualTo("ok");
        }
    }

    @Test
    void nextWithoutRequestIdEndsTheRuntime() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> event)) {
            api.enqueue(Event.of("{}").without(RuntimeApi.HEADER_REQUEST_ID));
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
            assertThat(runtime.stderr()).contains("Lambda-Runtime-Aws-Request-Id is missing");
        }
    }

    @Test
    void http500OnNextEndsTheRuntimeWithAClearMessage() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> event)) {
            api.enqueue(
                    Event.reply(500, "{\"errorMessage\":\"sandbox broken\",\"errorType\":\"InternalServerError\"}"));
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
            assertThat(runtime.stderr())
                    .contains("GET /2018-06-01/runtime/invocation/next to " + api.address())
                    .contains("HTTP 500")
                    .contains("InternalServerError: sandbox broken");
        }
    }

    @Test
    void connectionLostWhileWaitingEndsTheRuntime() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> event)) {
            api.awaitNextCalls(1);
            api.close();
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
            assertThat(runtime.stderr())
                    .contains("coldbrew-runtime: stopping: GET /2018-06-01/runtime/invocation/next");
        }
    }

    @Test
    void rejectedResponseIsLoggedAndTheLoopContinues() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> event)) {
            String id = api.enqueue(Event.of("first").withRequestId("same-id"));
            api.awaitResponse(id);
            api.enqueue(Event.of("second").withRequestId("same-id"));
            String third = api.enqueue("third");
            assertThat(api.awaitResponse(third).bodyAsString()).isEqualTo("third");
            assertThat(runtime.stderr()).contains("HTTP 403").contains("InvalidStateTransition");
        }
    }

    @Test
    void missingRuntimeApiAddressIsAnInitFailureOnStderr() throws Exception {
        var env = api.environment();
        env.remove(RuntimeApi.ENV_RUNTIME_API);
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, (event, c) -> event)) {
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
            assertThat(runtime.stderr())
                    .contains("init failed: Runtime.InvalidConfiguration: AWS_LAMBDA_RUNTIME_API is not set");
        }
    }

    @Test
    void malformedEnvironmentIsReportedToInitError() throws Exception {
        var env = api.environment();
        env.put(RuntimeApi.ENV_FUNCTION_MEMORY_SIZE, "lots");
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, (event, c) -> event)) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo("Runtime.InvalidConfiguration");
            assertThat(report.errorRequest().errorMessage())
                    .isEqualTo(
                            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE is 'lots': expected a memory size in MB from 1 to 10240");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
        }
    }

    @Test
    void initExceptionFromRegistrationIsReported() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, api.environment(), config -> {
            throw new IllegalStateException("warm-up failed");
        })) {
            RuntimeRequest report = api.awaitInitError();
            assertThat(report.errorType()).isEqualTo("Runtime.BadFunctionCode");
            assertThat(report.errorRequest().errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.INIT_FAILED);
        }
    }

    @Test
    void snapStartWaitsForTheRestoreBeforeTheFirstNext() throws Exception {
        var env = api.environment();
        env.put(RuntimeApi.ENV_INITIALIZATION_TYPE, RuntimeApi.INIT_TYPE_SNAP_START);
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, (event, c) -> event)) {
            String id = api.enqueue("after restore");
            assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("after restore");
            assertThat(api.requests().get(0).path()).isEqualTo(RuntimeApi.RESTORE_NEXT_PATH);
            assertThat(api.requests().get(1).path()).isEqualTo(RuntimeApi.NEXT_PATH);
        }
    }

    @Test
    void maxConcurrencyRunsThatManyLoopsAtOnce() throws Exception {
        var env = api.environment();
        env.put(RuntimeApi.ENV_MAX_CONCURRENCY, "3");
        java.util.concurrent.CountDownLatch allInside = new java.util.concurrent.CountDownLatch(3);
        BytesHandler meetAll = (event, c) -> {
            allInside.countDown();
            if (!allInside.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (3 - allInside.getCount()) + " invocations ran at once");
            }
            return utf8(String.valueOf(System.getProperty(RuntimeApi.XRAY_TRACE_PROPERTY)) + "|" + c.traceId());
        };
        System.clearProperty(RuntimeApi.XRAY_TRACE_PROPERTY);
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, meetAll)) {
            api.awaitNextCalls(3);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(api.enqueue(Event.of("{}").withTraceId("Root=" + i)));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(api.awaitResponse(ids.get(i)).bodyAsString()).isEqualTo("null|Root=" + i);
            }
        }
    }

    @Test
    void anErrorOutsideTheHandlerEndsConcurrentLoopsInsteadOfHangingThem() throws Exception {
        var env = api.environment();
        env.put(RuntimeApi.ENV_MAX_CONCURRENCY, "2");
        // Reading the message happens in the runtime, outside the handler's try block.
        BytesHandler poisoned = (event, c) -> {
            throw new IllegalStateException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String getMessage() {
                    throw new StackOverflowError("message of a broken exception");
                }
            };
        };
        try (InProcessRuntime runtime = InProcessRuntime.start(api, env, poisoned)) {
            api.awaitNextCalls(2);
            api.enqueue("{}");
            api.enqueue("{}");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.FATAL_HANDLER_ERROR);
            assertThat(runtime.stderr())
                    .contains("coldbrew-invoke-loop-")
                    .contains("ended by java.lang.StackOverflowError: message of a broken exception");
        }
    }

    @Test
    void nonAsciiErrorMessageTravelsEscapedInTheXrayHeader() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> {
            throw new IllegalStateException("kaputt: ü 😀\r\nX-Injected: 1");
        })) {
            String id = api.enqueue("{}");
            RuntimeRequest report = api.awaitError(id);
            assertThat(report.errorRequest().errorMessage()).isEqualTo("kaputt: ü 😀\r\nX-Injected: 1");
            assertThat(report.header("X-Injected")).isNull();
            assertThat(report.header(RuntimeApi.HEADER_XRAY_ERROR_CAUSE))
                    .contains("kaputt: \\u00fc \\ud83d\\ude00\\r\\n");
        }
    }

    @Test
    void http500OnAResponsePostEndsTheRuntime() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> event)) {
            api.awaitNextCalls(1);
            api.failNextPost(500, RuntimeApi.ERROR_INTERNAL, "lost the caller");
            api.enqueue("{}");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
            assertThat(runtime.stderr())
                    .contains("/response to " + api.address() + " failed: HTTP 500")
                    .contains("InternalServerError: lost the caller");
        }
    }

    @Test
    void http500OnAnErrorPostEndsTheRuntime() throws Exception {
        try (InProcessRuntime runtime = InProcessRuntime.start(api, (event, c) -> {
            throw new IllegalStateException("x");
        })) {
            api.failNextPost(500, RuntimeApi.ERROR_INTERNAL, "down");
            api.enqueue("{}");
            assertThat(runtime.awaitExit()).isEqualTo(ExitStatus.RUNTIME_API_FAILED);
            assertThat(runtime.stderr()).contains("/error to " + api.address() + " failed: HTTP 500");
        }
    }
}
