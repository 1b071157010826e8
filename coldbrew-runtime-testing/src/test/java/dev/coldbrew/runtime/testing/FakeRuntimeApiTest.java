package dev.coldbrew.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.NextInvocation;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.RuntimeApiAddress;
import dev.coldbrew.runtime.api.RuntimeApiClient;
import dev.coldbrew.runtime.api.RuntimeApiException;
import dev.coldbrew.runtime.api.StatusResponse;
import dev.coldbrew.runtime.api.StreamingResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake, driven by coldbrew's real Runtime API client. */
class FakeRuntimeApiTest {
    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi().waiting(Duration.ofSeconds(5));

    private RuntimeApiClient client;

    @BeforeEach
    void connect() {
        client = new RuntimeApiClient(RuntimeApiAddress.parse(api.address()));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void servesQueuedEventsWithLambdasHeaders() throws Exception {
        String id = api.enqueue(Event.of("{\"k\":1}")
                .withTraceId("Root=1-x")
                .withTenantId("t")
                .withClientContext("{\"custom\":{}}")
                .withCognitoIdentity("{\"cognitoIdentityId\":\"c\"}"));
        NextInvocation next = client.next();
        assertThat(next.requestId()).isEqualTo(id);
        assertThat(next.deadlineMs()).isGreaterThan(System.currentTimeMillis());
        assertThat(next.invokedFunctionArn()).isEqualTo(Event.DEFAULT_FUNCTION_ARN);
        assertThat(next.traceId()).isEqualTo("Root=1-x");
        assertThat(next.tenantId()).isEqualTo("t");
        assertThat(next.clientContext()).isEqualTo("{\"custom\":{}}");
        assertThat(next.cognitoIdentity()).isEqualTo("{\"cognitoIdentityId\":\"c\"}");
        assertThat(next.contentType()).isEqualTo(RuntimeApi.CONTENT_TYPE_JSON);
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":1}");
    }

    @Test
    void recordsResponsesAndAnswersWithStatusOk() throws Exception {
        String id = api.enqueue("{}");
        client.next();
        assertThat(client.postResponse(id, "text/plain", "done".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(StatusResponse.OK);
        RuntimeRequest response = api.awaitResponse(id);
        assertThat(response.bodyAsString()).isEqualTo("done");
        assertThat(response.header("content-type")).isEqualTo("text/plain");
        assertThat(response.requestId()).isEqualTo(id);
    }

    @Test
    void recordsErrorsAndInitErrors() throws Exception {
        client.postInitError(RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, new ErrorRequest("init", "T"));
        String id = api.enqueue("{}");
        client.next();
        ErrorRequest error = new ErrorRequest("m", "java.lang.RuntimeException", List.of("a.B.c(B.java:1)"));
        client.postError(id, RuntimeApi.FN_ERROR_USER_EXCEPTION, error);
        assertThat(api.awaitError(id).errorRequest()).isEqualTo(error);
        assertThat(api.awaitError(id).errorType()).isEqualTo(RuntimeApi.FN_ERROR_USER_EXCEPTION);
        assertThat(api.awaitInitError().errorType()).isEqualTo(RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE);
    }

    @Test
    void initErrorAfterTheFirstNextGets403() throws Exception {
        api.enqueue("{}");
        client.next();
        assertThatThrownBy(
                        () -> client.postInitError(RuntimeApi.FN_ERROR_BAD_FUNCTION_CODE, new ErrorRequest("m", "T")))
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("InvalidStateTransition");
    }

    @Test
    void unknownRequestIdGets400() {
        assertThatThrownBy(() -> client.postResponse("never-issued", null, new byte[0]))
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("InvalidRequestID");
    }

    @Test
    void secondAnswerForTheSameInvocationGets403() throws Exception {
        String id = api.enqueue("{}");
        client.next();
        client.postResponse(id, null, new byte[0]);
        assertThatThrownBy(() -> client.postError(id, null, new ErrorRequest("late", "T")))
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("InvalidStateTransition");
    }

    @Test
    void responseOverTheLimitGets413() throws Exception {
        String id = api.enqueue("{}");
        client.next();
        assertThatThrownBy(() -> client.postResponse(id, null, new byte[RuntimeApi.MAX_RESPONSE_BYTES + 1]))
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("HTTP 413")
                .hasMessageContaining("RequestEntityTooLarge");
    }

    @Test
    void streamedResponseOverTheBufferedLimitIsAccepted() throws Exception {
        String id = api.enqueue("{}");
        client.next();
        int size = RuntimeApi.MAX_RESPONSE_BYTES + 1;
        StatusResponse status = client.postStreamingResponse(id, null, out -> out.write(new byte[size]));
        assertThat(status).isEqualTo(StatusResponse.OK);
        assertThat(api.awaitResponse(id).body()).hasSize(size);
    }

    @Test
    void streamedBodyEndingInErrorTrailersIsAccepted() throws Exception {
        String id = api.enqueue("{}");
        client.next();
        StreamingResponse response = client.openStreamingResponse(id, null);
        response.write("partial".getBytes(StandardCharsets.UTF_8));
        response.fail("Boom", new ErrorRequest("failed mid-stream", "Boom"));

        assertThat(response.finish()).isEqualTo(StatusResponse.OK);
        assertThat(api.awaitResponse(id).bodyAsString()).isEqualTo("partial");
    }

    @Test
    void nextPostCanBeFailedOnce() throws Exception {
        String id = api.enqueue("{}");
        client.next();
        api.failNextPost(500, RuntimeApi.ERROR_INTERNAL, "sandbox gone");
        assertThatThrownBy(() -> client.postResponse(id, null, new byte[0]))
                .isInstanceOf(RuntimeApiException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("InternalServerError: sandbox gone");
        assertThat(client.postResponse(id, null, new byte[0])).isEqualTo(StatusResponse.OK);
    }

    @Test
    void brokenRepliesCanBeQueued() {
        api.enqueue(Event.reply(500, "{\"errorMessage\":\"x\",\"errorType\":\"InternalServerError\"}"));
        assertThatThrownBy(client::next).isInstanceOf(RuntimeApiException.class).hasMessageContaining("HTTP 500");
        api.enqueue(Event.of("{}").without(RuntimeApi.HEADER_REQUEST_ID));
        assertThatThrownBy(client::next).hasMessageContaining("Lambda-Runtime-Aws-Request-Id is missing");
    }

    @Test
    void restoreEndpointsAnswer() throws Exception {
        client.restoreNext();
        client.postRestoreError(RuntimeApi.FN_ERROR_AFTER_RESTORE, new ErrorRequest("m", "t"));
        assertThat(api.requests())
                .extracting(RuntimeRequest::path)
                .containsExactly(RuntimeApi.RESTORE_NEXT_PATH, RuntimeApi.RESTORE_ERROR_PATH);
    }

    @Test
    void awaitingWhatNeverCameFailsWithinTheBoundNamingWhatArrived() {
        api.waiting(Duration.ofMillis(200));
        assertThatThrownBy(() -> api.awaitResponse("nope"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no POST /2018-06-01/runtime/invocation/nope/response within 200 ms");
    }

    @Test
    void closingEndsAWaitingNext() throws InterruptedException {
        Thread closer = new Thread(() -> {
            try {
                api.awaitNextCalls(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            api.close();
        });
        closer.start();
        assertThatThrownBy(client::next).isInstanceOf(java.io.IOException.class);
        closer.join(5_000);
    }

    @Test
    void environmentPointsAtThisFake() {
        assertThat(api.environment())
                .containsEntry(RuntimeApi.ENV_RUNTIME_API, api.address())
                .containsEntry(RuntimeApi.ENV_FUNCTION_NAME, FakeRuntimeApi.FUNCTION_NAME)
                .containsKey(RuntimeApi.ENV_FUNCTION_MEMORY_SIZE);
        assertThat(api.address()).startsWith("127.0.0.1:");
    }
}
