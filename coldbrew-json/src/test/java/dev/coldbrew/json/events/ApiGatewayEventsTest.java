package dev.coldbrew.json.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.coldbrew.json.Fixtures;
import dev.coldbrew.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {
    private final Json codec = Json.create();

    @Test
    void restProxyEventDecodesTopLevelAndNestedFields() {
        APIGatewayProxyRequestEvent event =
                codec.decode(Fixtures.event("apigateway-rest-proxy.json"), APIGatewayProxyRequestEvent.class);

        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getResource()).isEqualTo("/orders/{orderId}");
        assertThat(event.getPathParameters()).containsEntry("orderId", "42");
        assertThat(event.getMultiValueQueryStringParameters()).containsEntry("tag", List.of("red", "blue"));
        assertThat(event.getHeaders()).containsEntry("User-Agent", "curl/8.5.0");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getBody()).isEqualTo("{\"item\":\"coffee\",\"quantity\":2}");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        assertThat(context.getRequestTimeEpoch()).isEqualTo(1795788309000L);
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("203.0.113.17");
        assertThat(context.getAuthorizer()).containsEntry("principalId", "user-7");
        assertThat(context.getAuthorizer().get("claims"))
                .isEqualTo(Map.of("sub", "7a1e2b3c-0000-4000-8000-000000000007", "scope", "orders/write"));
    }

    @Test
    void restProxyResponseEncodesApiGatewaysKeysWithoutNulls() {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"id\":42}")
                .withIsBase64Encoded(false);

        String json = new String(codec.encode(response), StandardCharsets.UTF_8);

        Map<?, ?> tree = codec.decode(json.getBytes(StandardCharsets.UTF_8), Map.class);
        assertThat(tree)
                .isEqualTo(Map.of(
                        "statusCode",
                        201,
                        "headers",
                        Map.of("Content-Type", "application/json"),
                        "body",
                        "{\"id\":42}",
                        "isBase64Encoded",
                        false));
    }

    @Test
    void httpApiV2EventDecodesCookiesJwtAndHttpContext() {
        APIGatewayV2HTTPEvent event =
                codec.decode(Fixtures.event("apigateway-http-v2.json"), APIGatewayV2HTTPEvent.class);

        assertThat(event.getRouteKey()).isEqualTo("POST /orders/{orderId}");
        assertThat(event.getCookies()).containsExactly("session=abc123", "theme=dark");
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(1795788309000L);
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("203.0.113.17");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes())
                .containsExactly("orders/write", "orders/read");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "7a1e2b3c-0000-4000-8000-000000000007");
    }

    @Test
    void httpApiV2ResponseEncodesStatusCookiesAndBase64Flag() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withCookies(List.of("a=b"))
                .withBody("ok")
                .build();

        Map<?, ?> json = codec.decode(codec.encode(response), Map.class);

        assertThat(json)
                .isEqualTo(
                        Map.of("statusCode", 200, "cookies", List.of("a=b"), "body", "ok", "isBase64Encoded", false));
    }
}
