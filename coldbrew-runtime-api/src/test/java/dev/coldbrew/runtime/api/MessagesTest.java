package dev.coldbrew.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlyAnUnusableInvocationWithAKnownIdIsAnInvalidInvocation() {
        assertThat(new RuntimeApiException("req-1", "bad deadline").isInvalidInvocation())
                .isTrue();
        assertThat(new RuntimeApiException("no request id").isInvalidInvocation())
                .isFalse();
        assertThat(new RuntimeApiException("HTTP 500", 500, null, "req-1").isInvalidInvocation())
                .isFalse();
        assertThat(new RuntimeApiException("HTTP 413", 413, null, "req-1").isInvalidInvocation())
                .isFalse();
    }

    @Test
    void errorRequestJsonHasTheCanonicalShape() {
        ErrorRequest error = new ErrorRequest("m\u0000", "java.lang.Error", List.of("a", "b"));
        assertThat(new String(error.toJson(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"errorMessage\":\"m\\u0000\",\"errorType\":\"java.lang.Error\",\"stackTrace\":[\"a\",\"b\"]}");
        assertThat(ErrorRequest.fromJson(error.toJson())).isEqualTo(error);
    }

    @Test
    void errorRequestReadsPeerVariantsLeniently() {
        assertThat(ErrorRequest.fromJson(utf8("{\"errorMessage\":\"m\"}")))
                .isEqualTo(new ErrorRequest("m", null, List.of()));
        assertThat(ErrorRequest.fromJson(utf8("{\"errorType\":\"T\",\"stackTrace\":\"one string\"}"))
                        .stackTrace())
                .containsExactly("one string");
        assertThat(ErrorRequest.fromJson(utf8("{\"trace\":[\"node\"]}")).stackTrace())
                .containsExactly("node");
    }

    @Test
    void errorRequestRejectsNonObjects() {
        assertThatThrownBy(() -> ErrorRequest.fromJson(utf8("oops")))
                .hasMessageStartingWith("read ErrorRequest failed: parse JSON failed at offset 0");
    }

    @Test
    void statusAndErrorResponsesRoundTrip() {
        assertThat(new String(StatusResponse.OK.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"OK\"}");
        assertThat(StatusResponse.fromJson(StatusResponse.OK.toJson())).isEqualTo(StatusResponse.OK);
        assertThat(StatusResponse.fromJson(new byte[0]).status()).isNull();
        ErrorResponse error = new ErrorResponse("Invalid request ID", RuntimeApi.ERROR_INVALID_REQUEST_ID);
        assertThat(ErrorResponse.fromJson(error.toJson())).isEqualTo(error);
    }

    @Test
    void runtimeApiAddressAcceptsHostPortAndBracketedIpv6() {
        assertThat(RuntimeApiAddress.parse("127.0.0.1:9001")).isEqualTo(new RuntimeApiAddress("127.0.0.1", 9001));
        assertThat(RuntimeApiAddress.parse("[::1]:80")).isEqualTo(new RuntimeApiAddress("::1", 80));
        assertThat(RuntimeApiAddress.parse("[::1]:80")).hasToString("[::1]:80");
    }

    @Test
    void runtimeApiAddressRejectsBadValuesNamingThem() {
        for (String bad :
                new String[] {"localhost", "localhost:", ":9001", "host:0", "host:65536", "host:x1", "::1:80"}) {
            assertThatThrownBy(() -> RuntimeApiAddress.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AWS_LAMBDA_RUNTIME_API is '" + bad + "'");
        }
        assertThatThrownBy(() -> RuntimeApiAddress.parse(null)).hasMessageContaining("not set");
    }
}
