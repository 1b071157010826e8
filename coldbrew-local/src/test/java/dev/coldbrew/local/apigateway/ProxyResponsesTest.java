package dev.coldbrew.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.function.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyResponsesTest {

    private static InvocationResult response(String json) {
        return new InvocationResult("id", 200, json.getBytes(StandardCharsets.UTF_8), null, null, "");
    }

    private static String body(ProxyResponses.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aProxyResponseBecomesTheReply() {
        ProxyResponses.Reply reply = ProxyResponses.of(
                ApiRoute.PayloadFormat.V1,
                response("{\"statusCode\":404,\"headers\":{\"Content-Type\":\"text/plain\"},"
                        + "\"multiValueHeaders\":{\"X-A\":[\"1\",\"2\"]},\"body\":\"gone\"}"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.headers()).containsEntry("Content-Type", List.of("text/plain"));
        assertThat(reply.headers()).containsEntry("X-A", List.of("1", "2"));
        assertThat(body(reply)).isEqualTo("gone");
    }

    @Test
    void aBase64BodyIsDecodedAndCookiesAreSet() {
        ProxyResponses.Reply reply = ProxyResponses.of(
                ApiRoute.PayloadFormat.V2,
                response("{\"statusCode\":200,\"cookies\":[\"s=1\"],\"body\":\"aGk=\",\"isBase64Encoded\":true}"));

        assertThat(body(reply)).isEqualTo("hi");
        assertThat(reply.headers()).containsEntry("Set-Cookie", List.of("s=1"));
    }

    @Test
    void version2TakesAnyJsonAsTheBodyOfA200() {
        ProxyResponses.Reply reply = ProxyResponses.of(ApiRoute.PayloadFormat.V2, response("{\"greeting\":\"hi\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("Content-Type", List.of("application/json"));
        assertThat(body(reply)).isEqualTo("{\"greeting\":\"hi\"}");
    }

    @Test
    void functionErrorsAndMalformedResponsesAre502() {
        String internal = "{\"message\":\"Internal server error\"}";
        assertThat(body(ProxyResponses.of(ApiRoute.PayloadFormat.V1, response("{\"greeting\":\"hi\"}"))))
                .isEqualTo(internal);
        assertThat(ProxyResponses.of(ApiRoute.PayloadFormat.V1, response("{\"statusCode\":\"ok\"}"))
                        .status())
                .isEqualTo(502);
        InvocationResult failed = new InvocationResult(
                "id", 200, "{\"errorMessage\":\"x\"}".getBytes(StandardCharsets.UTF_8), "Unhandled", null, "");
        assertThat(ProxyResponses.of(ApiRoute.PayloadFormat.V2, failed).status())
                .isEqualTo(502);
        InvocationResult throttled = new InvocationResult("id", 429, new byte[0], null, null, "");
        assertThat(ProxyResponses.of(ApiRoute.PayloadFormat.V2, throttled).status())
                .isEqualTo(429);
    }
}
