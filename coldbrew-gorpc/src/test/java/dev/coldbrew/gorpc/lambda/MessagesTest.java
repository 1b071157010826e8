package dev.coldbrew.gorpc.lambda;

import static dev.coldbrew.gorpc.lambda.VectorReplayTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void timestampsCarryUnixSecondsAndNanosWithinTheSecond() {
        Instant deadline = Instant.parse("2018-11-16T23:08:26.888Z");
        assertThat(Timestamp.of(deadline)).isEqualTo(new Timestamp(1542409706, 888000000));
        assertThat(new Timestamp(1542409706, 888000000).toInstant()).isEqualTo(deadline);
    }

    @Test
    void aThrowableBecomesAnErrorWithItsFrames() {
        IllegalArgumentException failure = new IllegalArgumentException("bad");
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Handler", "handle", "Handler.java", 12),
            new StackTraceElement("java.lang.Thread", "run", null, -2)
        });
        assertThat(InvokeError.of(failure, false))
                .isEqualTo(new InvokeError(
                        "bad",
                        "IllegalArgumentException",
                        List.of(
                                new StackFrame("Handler.java", 12, "com.example.Handler.handle"),
                                new StackFrame("", 0, "java.lang.Thread.run")),
                        false));
    }

    @Test
    void errorJsonHasAwsLambdaGoTagsAndGoEscaping() {
        // The same shapes are compared with Go's own json.Marshal in GoInteropIT.
        assertThat(new InvokeError("a<b>\"c\"", "errorString", List.of(new StackFrame("main.go", -1, "")), true)
                        .toJson())
                .isEqualTo("{\"errorMessage\":\"a\\u003cb\\u003e\\\"c\\\"\",\"errorType\":\"errorString\","
                        + "\"stackTrace\":[{\"path\":\"main.go\",\"line\":-1,\"label\":\"\"}]}");
        assertThat(new InvokeError("m", "T", List.of(), false).toJson())
                .isEqualTo("{\"errorMessage\":\"m\",\"errorType\":\"T\"}");
    }

    @Test
    void anAnonymousThrowableIsNamedByItsClassName() {
        RuntimeException anonymous = new RuntimeException("x") {};
        assertThat(InvokeError.of(anonymous, true).type())
                .isEqualTo(anonymous.getClass().getName());
    }

    @Test
    void nullsBecomeGoZeroValues() {
        assertThat(new InvokeRequest(null, null, null, null, null, null, null, null))
                .isEqualTo(new InvokeRequest(new byte[0], "", "", Timestamp.ZERO, "", "", "", new byte[0]));
        assertThat(new InvokeError(null, null, null, true)).isEqualTo(new InvokeError("", "", List.of(), true));
        assertThat(new InvokeResponse(null, null)).isEqualTo(InvokeResponse.success(new byte[0]));
    }

    @Test
    void toStringShowsPayloadSizesNotContents() {
        assertThat(InvokeRequest.of(new byte[6 * 1024 * 1024], "r", null, null).toString())
                .startsWith("InvokeRequest[payload=6291456 bytes, requestId=r,");
        assertThat(InvokeResponse.success(bytes("secret")).toString())
                .isEqualTo("InvokeResponse[payload=6 bytes, error=null]");
    }
}
