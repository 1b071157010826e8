package dev.coldbrew.gorpc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.gorpc.lambda.InvokeRequest;
import dev.coldbrew.gorpc.lambda.InvokeResponse;
import dev.coldbrew.gorpc.lambda.StackFrame;
import dev.coldbrew.gorpc.lambda.Timestamp;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.spi.Invocation;
import dev.coldbrew.runtime.spi.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoRpcInvocationsTest {

    @Test
    void anInvokeRequestBecomesAnInvocationFieldByField() {
        InvokeRequest request = new InvokeRequest(
                "{}".getBytes(StandardCharsets.UTF_8),
                "id-1",
                "Root=1-abc",
                new Timestamp(1_542_409_706L, 888_000_000L),
                "arn:aws:lambda:us-east-1:1:function:f",
                "identity",
                "",
                "{\"custom\":{}}".getBytes(StandardCharsets.UTF_8));

        Invocation invocation = GoRpcInvocations.invocation(request);

        assertThat(invocation.requestId()).isEqualTo("id-1");
        assertThat(invocation.deadlineMs()).isEqualTo(1_542_409_706_888L);
        assertThat(invocation.traceId()).isEqualTo("Root=1-abc");
        assertThat(invocation.invokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:1:function:f");
        assertThat(invocation.cognitoIdentity())
                .isEqualTo("{\"cognitoIdentityId\":\"identity\",\"cognitoIdentityPoolId\":\"\"}");
        assertThat(invocation.clientContext()).isEqualTo("{\"custom\":{}}");
        assertThat(invocation.payload()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyOptionalFieldsBecomeAbsent() {
        Invocation invocation = GoRpcInvocations.invocation(InvokeRequest.of(null, "id", new Timestamp(1, 0), null));

        assertThat(invocation.traceId()).isNull();
        assertThat(invocation.invokedFunctionArn()).isNull();
        assertThat(invocation.cognitoIdentity()).isNull();
        assertThat(invocation.clientContext()).isNull();
        assertThat(invocation.deadlineMs()).isEqualTo(1_000);
    }

    @Test
    void aDeadlineOutOfRangeIsRejectedNamingIt() {
        InvokeRequest request = InvokeRequest.of(null, "id", new Timestamp(Long.MAX_VALUE, 0), null);

        assertThatThrownBy(() -> GoRpcInvocations.invocation(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "InvokeRequest.Deadline is out of range: {Seconds: " + Long.MAX_VALUE + ", Nanos: 0}");
    }

    @Test
    void aFailureBecomesAnErrorWithFramesAndShouldExitWhenFatal() {
        ErrorRequest error = new ErrorRequest(
                "no memory",
                "java.lang.OutOfMemoryError",
                List.of(
                        "example.Fn.handle(Fn.java:12)",
                        "java.base/java.lang.Thread.run(Thread.java:1583)",
                        "example.Native.call(Native Method)",
                        "Caused by: java.io.IOException: disk"));

        InvokeResponse response = GoRpcInvocations.response(new Outcome.Failure(error, "Runtime.OutOfMemory", true));

        assertThat(response.payload()).isEmpty();
        assertThat(response.error().message()).isEqualTo("no memory");
        assertThat(response.error().type()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(response.error().shouldExit()).isTrue();
        assertThat(response.error().stackTrace())
                .containsExactly(
                        new StackFrame("Fn.java", 12, "example.Fn.handle"),
                        new StackFrame("Thread.java", 1583, "java.base/java.lang.Thread.run"),
                        new StackFrame("Native Method", 0, "example.Native.call"),
                        new StackFrame("", 0, "Caused by: java.io.IOException: disk"));
    }

    @Test
    void aSuccessCarriesThePayloadOnly() {
        InvokeResponse response = GoRpcInvocations.response(new Outcome.Success(new byte[] {1, 2}, "application/json"));

        assertThat(response.payload()).containsExactly(1, 2);
        assertThat(response.error()).isNull();
    }
}
