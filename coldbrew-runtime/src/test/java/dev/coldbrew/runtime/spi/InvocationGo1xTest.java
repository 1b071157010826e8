package dev.coldbrew.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The go1.x request's fields as coldbrew's invocation, as aws-lambda-go's {@code Function.Invoke} reads them; every
 * go1.x transport (coldbrew-gorpc-runtime, the JNI bridge) maps its request through {@link Invocation#fromGo1x}.
 */
class InvocationGo1xTest {
    private static Invocation request(String requestId, long seconds, long nanos, String cognito, String pool) {
        return Invocation.fromGo1x(
                requestId,
                seconds,
                nanos,
                "arn",
                "Root=1",
                "{\"custom\":{}}".getBytes(StandardCharsets.UTF_8),
                cognito,
                pool,
                "e".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFieldIsCarried() {
        Invocation invocation = request("r", 1_700_000_000, 888_000_000, "id", "pool");

        assertThat(invocation.requestId()).isEqualTo("r");
        assertThat(invocation.deadlineMs()).isEqualTo(1_700_000_000_888L);
        assertThat(invocation.traceId()).isEqualTo("Root=1");
        assertThat(invocation.invokedFunctionArn()).isEqualTo("arn");
        assertThat(invocation.clientContext()).isEqualTo("{\"custom\":{}}");
        assertThat(invocation.cognitoIdentity())
                .isEqualTo("{\"cognitoIdentityId\":\"id\",\"cognitoIdentityPoolId\":\"pool\"}");
        assertThat(invocation.payload()).asString(StandardCharsets.UTF_8).isEqualTo("e");
    }

    @Test
    void emptyFieldsAreAbsent() {
        Invocation invocation = Invocation.fromGo1x("r", 0, 0, "", "", new byte[0], "", "", new byte[0]);

        assertThat(invocation.traceId()).isNull();
        assertThat(invocation.invokedFunctionArn()).isNull();
        assertThat(invocation.clientContext()).isNull();
        assertThat(invocation.cognitoIdentity()).isNull();
    }

    @Test
    void anEmptyRequestIdIsRejectedNamingTheField() {
        assertThatThrownBy(() -> request("", 0, 0, "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("InvokeRequest.RequestId is empty: Lambda sends one with every invoke");
    }

    @Test
    void aDeadlineOutOfRangeIsRejectedNamingItsValues() {
        assertThatThrownBy(() -> request("r", Long.MAX_VALUE, 0, "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "InvokeRequest.Deadline is out of range: {Seconds: " + Long.MAX_VALUE + ", Nanos: 0}");
    }
}
