package dev.coldbrew.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.testing.TestFunctions;
import dev.coldbrew.runtime.api.json.JsonReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template's API routes served over HTTP by a real function in the local Lambda, called with an HTTP client. */
class ApiGatewayServerIT {

    @TempDir
    Path dir;

    final List<String> lines = new CopyOnWriteArrayList<>();
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    LocalLambda lambda;
    ApiGatewayServer api;

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
        lambda.register(TestFunctions.probe(dir.resolve("probe"), "probe"));
        api = ApiGatewayServer.start(
                lambda,
                List.of(
                        new ApiRoute("probe", "GET", "/items/{id}", ApiRoute.PayloadFormat.V1, "Probe.Events.Get"),
                        new ApiRoute("probe", "ANY", "/v2/{proxy+}", ApiRoute.PayloadFormat.V2, "Probe.Events.V2")),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                lines::add);
    }

    @AfterEach
    void stop() {
        api.close();
        lambda.close();
    }

    @Test
    void aRestApiRouteSendsAVersion1EventAndRepliesWithTheProxyResponse() throws Exception {
        HttpResponse<String> reply =
                send(HttpRequest.newBuilder(URI.create(api.endpoint() + "/items/42?action=proxy&tag=a&tag=b"))
                        .header("X-Caller", "test")
                        .GET());

        assertThat(reply.statusCode()).as(reply.body() + "\n" + lines).isEqualTo(201);
        assertThat(reply.headers().firstValue("X-Probe")).hasValue("proxy");
        assertThat(reply.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        Map<String, Object> event = JsonReader.parseObject(reply.body());
        assertThat(event)
                .containsEntry("resource", "/items/{id}")
                .containsEntry("path", "/items/42")
                .containsEntry("httpMethod", "GET")
                .containsEntry("pathParameters", Map.of("id", "42"))
                .containsEntry("queryStringParameters", Map.of("action", "proxy", "tag", "b"))
                .containsEntry(
                        "multiValueQueryStringParameters", Map.of("action", List.of("proxy"), "tag", List.of("a", "b")))
                .containsEntry("body", null)
                .containsEntry("isBase64Encoded", false);
        assertThat(object(event.get("headers"))).containsEntry("X-caller", "test");
        assertThat(object(event.get("requestContext")))
                .containsEntry("stage", "Prod")
                .containsEntry("resourcePath", "/items/{id}")
                .containsKey("requestId");
    }

    @Test
    void anHttpApiRouteSendsAVersion2EventAndAnyJsonIsTheBody() throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(api.endpoint() + "/v2/a/b?q=1"))
                .header("Cookie", "s=1; t=2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}")));

        assertThat(reply.statusCode()).as(reply.body() + "\n" + lines).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, Object> event = JsonReader.parseObject(reply.body());
        assertThat(event)
                .containsEntry("version", "2.0")
                .containsEntry("routeKey", "ANY /v2/{proxy+}")
                .containsEntry("rawPath", "/v2/a/b")
                .containsEntry("rawQueryString", "q=1")
                .containsEntry("cookies", List.of("s=1", "t=2"))
                .containsEntry("pathParameters", Map.of("proxy", "a/b"))
                .containsEntry("queryStringParameters", Map.of("q", "1"))
                .containsEntry("body", "{\"x\":1}");
        assertThat(object(object(event.get("requestContext")).get("http")))
                .containsEntry("method", "POST")
                .containsEntry("sourceIp", "127.0.0.1");
    }

    @Test
    void noRouteIs404AndAFunctionErrorIs502() throws Exception {
        HttpResponse<String> missing = send(
                HttpRequest.newBuilder(URI.create(api.endpoint() + "/nothing")).GET());
        HttpResponse<String> failed = send(HttpRequest.newBuilder(URI.create(api.endpoint() + "/items/1?action=error"))
                .GET());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(lines).contains("API GET /nothing -> 404", "API GET /items/1 -> 502");
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(api.endpoint() + "/v2/head"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.statusCode()).as(lines.toString()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(lines).contains("API HEAD /v2/head -> 200");
        assertThat(ApiGatewayServer.hasBody("HEAD", 200)).isFalse();
        assertThat(ApiGatewayServer.hasBody("GET", 204)).isFalse();
        assertThat(ApiGatewayServer.hasBody("GET", 201)).isTrue();
    }

    @Test
    void aTargetThatIsNotAUriIsRefusedWithAMessageNamingIt() throws Exception {
        String reply;
        try (Socket socket = new Socket(
                InetAddress.getLoopbackAddress(), URI.create(api.endpoint()).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /v2/%zz HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(reply)
                .startsWith("HTTP/1.1 400 ")
                .contains("Connection: close")
                .endsWith("{\"message\":\"malformed request target '/v2/%zz': Malformed escape pair at index 4\"}");
        assertThat(lines)
                .contains("API /v2/%zz refused -> 400: malformed request target '/v2/%zz': Malformed escape pair at"
                        + " index 4");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}
