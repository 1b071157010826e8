package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.isolation.EnvironmentPeers;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.api.server.RuntimeApiServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection refused by an environment's peer check is logged once: one line per refusal, naming the environment
 * and the stranger, whether it is a go1.x port taken by another process or a foreign Runtime API client. The test
 * process plays the stranger; the environment's process is a {@code sleep}.
 */
class RefusalLogTest {

    @TempDir
    Path dir;

    /** Held here: the logging framework keeps its loggers only weakly. */
    final Logger coldbrewLocal = Logger.getLogger("dev.coldbrew.local");

    final List<String> warnings = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    ChildProcess environmentProcess;

    @BeforeEach
    void start() throws Exception {
        coldbrewLocal.addHandler(capture);
        environmentProcess = ChildProcess.start(
                List.of("sleep", "60"),
                dir,
                Map.of("PATH", System.getenv("PATH")),
                null,
                dir.resolve("output.log"),
                null);
    }

    @AfterEach
    void stop() {
        coldbrewLocal.removeHandler(capture);
        environmentProcess.killTree(null, Environment.KILL_WAIT_MS);
    }

    @Test
    void aGo1xPortTakenByAnotherProcessIsLoggedOnce() throws Exception {
        EnvironmentPeers peers = peersOfTheSleep("env-go");
        GoRpcProtocol protocol = GoRpcProtocol.open(peers);
        int port = Integer.parseInt(protocol.variables().get(RuntimeApi.ENV_LAMBDA_SERVER_PORT));
        try (ServerSocket squatter = new ServerSocket(port, 5, InetAddress.getLoopbackAddress())) {
            assertThat(squatter.getLocalPort()).isEqualTo(port);
            Environment.Init init = protocol.awaitInit(environmentProcess, Duration.ofSeconds(10));

            assertThat(init)
                    .isInstanceOfSatisfying(
                            Environment.Init.Failed.class,
                            f -> assertThat(f.errorType()).isEqualTo(GoRpcProtocol.FN_ERROR_PORT_TAKEN));
        } finally {
            protocol.close();
        }
        assertThat(linesAbout("go1.x port " + port)).hasSize(1).allMatch(l -> l.startsWith("environment env-go: "));
    }

    @Test
    void aForeignRuntimeApiRequestIsLoggedOnce() throws Exception {
        EnvironmentPeers peers = peersOfTheSleep("env-api");
        var server = RuntimeApiServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new dev.coldbrew.local.runtimeapi.InvocationExchange(),
                peers);
        try (server;
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> reply = client.send(
                    HttpRequest.newBuilder(URI.create("http://" + server.hostAndPort() + RuntimeApi.NEXT_PATH))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(reply.statusCode()).isEqualTo(403);
        }
        assertThat(linesAbout("Runtime API connection from"))
                .hasSize(1)
                .allMatch(l -> l.startsWith("environment env-api: "));
    }

    private EnvironmentPeers peersOfTheSleep(String id) {
        EnvironmentPeers peers = EnvironmentPeers.ofThisMachine(id);
        peers.bind(() -> List.of(environmentProcess.pid()));
        return peers;
    }

    private List<String> linesAbout(String subject) {
        return warnings.stream().filter(l -> l.contains(subject)).toList();
    }
}
