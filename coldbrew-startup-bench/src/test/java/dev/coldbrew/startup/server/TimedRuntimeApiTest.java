package dev.coldbrew.startup.server;

import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_DEADLINE_MS;
import static dev.coldbrew.runtime.api.RuntimeApi.HEADER_REQUEST_ID;
import static dev.coldbrew.runtime.api.RuntimeApi.NEXT_PATH;
import static dev.coldbrew.runtime.api.RuntimeApi.errorPath;
import static dev.coldbrew.runtime.api.RuntimeApi.responsePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimedRuntimeApiTest {
    private static final byte[] EVENT = "{\"name\":\"coldbrew\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpClient client = HttpClient.newHttpClient();
    private TimedRuntimeApi api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
        client.close();
    }

    @Test
    void servesTheEventThenRecordsTheResponseInOrder() throws Exception {
        api = TimedRuntimeApi.start(EVENT, 1);

        HttpResponse<byte[]> next = get(NEXT_PATH);
        String requestId = next.headers().firstValue(HEADER_REQUEST_ID).orElseThrow();
        HttpResponse<String> accepted = post(responsePath(requestId), "{\"ok\":true}");

        assertThat(next.body()).isEqualTo(EVENT);
        assertThat(Long.parseLong(next.headers().firstValue(HEADER_DEADLINE_MS).orElseThrow()))
                .isGreaterThan(System.currentTimeMillis());
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(api.awaitResponses(Duration.ofSeconds(5))).isTrue();
        FirstInvoke invoke = api.firstInvoke();
        assertThat(new String(invoke.response(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(invoke.firstNextNanos()).isLessThanOrEqualTo(invoke.eventSentNanos());
        assertThat(invoke.eventSentNanos()).isLessThanOrEqualTo(invoke.responseNanos());
    }

    @Test
    void nextAfterTheLastInvokeIsHeldUntilClose() throws Exception {
        api = TimedRuntimeApi.start(EVENT, 1);
        String requestId =
                get(NEXT_PATH).headers().firstValue(HEADER_REQUEST_ID).orElseThrow();
        post(responsePath(requestId), "done");

        CompletableFuture<HttpResponse<byte[]>> held =
                client.sendAsync(request(NEXT_PATH).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        Thread.sleep(200);
        assertThat(held).isNotDone();
        api.close();

        assertThat(held).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aFunctionErrorEndsTheWaitWithItsBody() throws Exception {
        api = TimedRuntimeApi.start(EVENT, 1);
        String requestId =
                get(NEXT_PATH).headers().firstValue(HEADER_REQUEST_ID).orElseThrow();

        post(errorPath(requestId), "{\"errorMessage\":\"boom\"}");

        assertThatThrownBy(() -> api.awaitResponses(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/error")
                .hasMessageContaining("boom");
    }

    @Test
    void waitingWithoutAResponseTimesOutFalse() throws Exception {
        api = TimedRuntimeApi.start(EVENT, 1);

        assertThat(api.awaitResponses(Duration.ofMillis(50))).isFalse();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + api.address() + path));
    }
}
