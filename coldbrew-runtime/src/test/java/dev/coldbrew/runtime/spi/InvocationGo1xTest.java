package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.runtime.Invocation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The go1.x request's fields as coldbrew's invocation, as aws-lambda-go's {@code Function.Invoke} reads them. */
class BridgeInvocationsTest {
    private static BridgeRequest request(String requestId, long seconds, long nanos, String cognito, String pool) {
        return new BridgeRequest(
                1,
                "e".getBytes(StandardCharsets.UTF_8),
                requestId,
                "Root=1",
                seconds,
                nanos,
                "arn",
                cognito,
                pool,
                "{\"custom\":{}}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFieldIsCarried() {
        Invocation invocation = BridgeInvocations.invocation(request("r", 1_700_000_000, 888_000_000, "id", "pool"));

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
        BridgeRequest bare = new BridgeRequest(1, new byte[0], "r", "", 0, 0, "", "", "", new byte[0]);
        Invocation invocation = BridgeInvocations.invocation(bare);

        assertThat(invocation.traceId()).isNull();
        assertThat(invocation.invokedFunctionArn()).isNull();
        assertThat(invocation.clientContext()).isNull();
        assertThat(invocation.cognitoIdentity()).isNull();
    }

    @Test
    void anEmptyRequestIdIsRejectedNamingTheField() {
        assertThatThrownBy(() -> BridgeInvocations.invocation(request("", 0, 0, "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("InvokeRequest.RequestId is empty: Lambda sends one with every invoke");
    }

    @Test
    void aDeadlineOutOfRangeIsRejectedNamingItsValues() {
        assertThatThrownBy(() -> BridgeInvocations.invocation(request("r", Long.MAX_VALUE, 0, "", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "InvokeRequest.Deadline is out of range: {Seconds: " + Long.MAX_VALUE + ", Nanos: 0}");
    }
}
