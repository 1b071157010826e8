package dev.coldbrew.examples.awscore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.json.Json;
import dev.coldbrew.runtime.api.ErrorRequest;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.testing.Event;
import dev.coldbrew.runtime.testing.FakeRuntimeApi;
import dev.coldbrew.runtime.testing.RuntimeRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unchanged {@link OrderHandler} as Lambda would run it on coldbrew: a separate JVM started from the code
 * directory {@code target/function/lib/*} with {@code dev.coldbrew.runtime.Main} and {@code _HANDLER}, against a
 * real fake Runtime API on loopback.
 */
class OrderHandlerIT {
    private static final Path CODE_DIR = Path.of("target", "function");
    private static final String HANDLER = OrderHandler.class.getName() + "::handleRequest";

    @RegisterExtension
    final FakeRuntimeApi api = new FakeRuntimeApi();

    @TempDir
    Path logs;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anApiGatewayProxyEventGetsTheHandlersResponse() throws Exception {
        start();
        String id = api.enqueue(Event.of(resource("apigateway-rest-proxy.json")));

        RuntimeRequest response = api.awaitResponse(id);

        Map<?, ?> json = Json.create().decode(response.body(), Map.class);
        assertThat(json.get("statusCode")).isEqualTo(200);
        assertThat(json.get("headers")).isEqualTo(Map.of("Content-Type", "application/json"));
        assertThat(json.get("isBase64Encoded")).isEqualTo(false);
        assertThat(json.get("body")).isEqualTo("{\"orderId\":42,\"method\":\"POST\",\"requestId\":\"" + id + "\"}");
        assertThat(response.header("Content-Type")).isEqualTo(RuntimeApi.CONTENT_TYPE_JSON);
    }

    @Test
    void theHandlersOwnRejectionIsAnOrdinaryResponseAndItsLoggerWritesToStdout() throws Exception {
        start();
        String id =
                api.enqueue("{\"httpMethod\":\"GET\",\"path\":\"/orders/x\",\"pathParameters\":{\"orderId\":\"x\"}}");

        Map<?, ?> json = Json.create().decode(api.awaitResponse(id).body(), Map.class);

        assertThat(json.get("statusCode")).isEqualTo(400);
        assertThat(json.get("body")).isEqualTo("{\"error\":\"orderId must be a number\"}");
        api.awaitNextCalls(2);
        assertThat(Files.readString(logs.resolve("stdout.log"))).contains("rejected order id x");
    }

    @Test
    void anEventThatIsNotJsonIsAFunctionErrorAndTheNextInvokeStillWorks() throws Exception {
        start();
        String bad = api.enqueue("not json");

        ErrorRequest error = api.awaitError(bad).errorRequest();
        String good = api.enqueue(Event.of(resource("apigateway-rest-proxy.json")));

        assertThat(error.errorMessage()).contains("APIGatewayProxyRequestEvent");
        assertThat(api.awaitResponse(good).bodyAsString()).contains("\\\"orderId\\\":42");
    }

    @Test
    void whenTheRuntimeApiGoesAwayTheFunctionExits() throws Exception {
        start();
        api.awaitNextCalls(1);

        api.close();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
    }

    private void start() throws Exception {
        assertThat(CODE_DIR.resolve("lib"))
                .as("Lambda code dir (run mvn package)")
                .isDirectoryContaining("glob:**/coldbrew-example-aws-core-*.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", CODE_DIR.resolve("lib") + "/*", "dev.coldbrew.runtime.Main");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve("stdout.log").toFile())
                .redirectError(logs.resolve("stderr.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(api.environment());
        builder.environment().put(RuntimeApi.ENV_HANDLER, HANDLER);
        process = builder.start();
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = OrderHandlerIT.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
