package dev.coldbrew.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.gorpc.testing.GoToolchain;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.local.testing.Go1xFunctions;
import dev.coldbrew.local.testing.TestFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolation between environments (guarantee A, for any user): a function that learns another environment's Runtime
 * API address cannot take its events nor answer them, and a process that binds a go1.x function's port before the
 * function does gets nothing and does not break the invoke.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IsolationIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private LocalLambda lambda;

    @AfterEach
    void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    private LocalLambda start(FunctionConfig... functions) {
        lambda = LocalLambda.create(LocalOptions.builder().logSink(lines::add).build());
        for (FunctionConfig function : functions) {
            lambda.register(function);
        }
        return lambda;
    }

    private InvocationResult invoke(String name, String payload) {
        return lambda.invoke(name, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFunctionThatReadsAnotherEnvironmentsRuntimeApiIsRefusedAndTheVictimsCallerGetsTheRealAnswer() {
        start(
                TestFunctions.probe(dir.resolve("victim"), "victim").withTimeout(Duration.ofSeconds(6)),
                TestFunctions.probe(dir.resolve("thief"), "thief"));
        String victimPid = invoke("victim", "{\"action\":\"pid\"}").payloadText();
        String thiefPid = invoke("thief", "{\"action\":\"pid\"}").payloadText();

        InvocationResult theft = invoke("thief", "{\"action\":\"steal\",\"pid\":\"" + victimPid + "\"}");
        InvocationResult real = invoke("victim", "{\"action\":\"echo\",\"real\":1}");

        String refused = "403 {'errorMessage':'connection refused: Runtime API connection from /127.0.0.1:";
        assertThat(theft.functionError()).as(theft.log()).isNull();
        assertThat(theft.payloadText())
                .startsWith("\"next " + refused)
                .contains(" | response " + refused)
                .contains("is held by pid " + thiefPid + " (java), not a process of environment")
                .contains("'errorType':'ForeignConnection'");
        assertThat(real.functionError()).as(real.log()).isNull();
        assertThat(real.payloadText()).isEqualTo("{\"action\":\"echo\",\"real\":1}");
    }

    @Test
    @EnabledIf(value = GoToolchain.FOUND, disabledReason = GoToolchain.NOT_FOUND)
    void aProcessThatTakesTheGoPortFirstGetsNothingAndInitIsRetriedOnANewPort() throws Exception {
        FunctionConfig go = Go1xFunctions.goFunction(dir.resolve("go"), "gofn");
        Path code = Files.createDirectories(dir.resolve("squatted"));
        Path portFile = dir.resolve("port");
        Path goOn = dir.resolve("go-on");
        Path script = code.resolve("squatted");
        Files.writeString(script, """
                #!/bin/sh
                # The first start tells the test its port and waits until the test has taken that port.
                if [ ! -e "$PORT_FILE" ]; then
                  echo "$_LAMBDA_SERVER_PORT" > "$PORT_FILE.tmp" && mv "$PORT_FILE.tmp" "$PORT_FILE"
                  i=0; while [ ! -e "$GO_ON" ] && [ $i -lt 1000 ]; do sleep 0.01; i=$((i+1)); done
                fi
                exec "$GOFN"
                """);
        assertThat(script.toFile().setExecutable(true)).isTrue();
        FunctionConfig squatted = FunctionConfig.of("squatted", code, RuntimeKind.GO1X, "squatted")
                .withEnvironment(Map.of(
                        "PORT_FILE", portFile.toString(),
                        "GO_ON", goOn.toString(),
                        "GOFN", go.code().resolve("gofn").toString()))
                .withMemoryMb(TestFunctions.MEMORY_MB);
        start(squatted);

        CompletableFuture<InvocationResult> call = CompletableFuture.supplyAsync(() -> invoke("squatted", "fields"));
        int port = Integer.parseInt(awaitFile(portFile).strip());
        AtomicLong bytesReceived = new AtomicLong();
        try (ServerSocket squatter = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> countBytes(squatter, bytesReceived));
            Files.writeString(goOn, "");
            InvocationResult result = call.get(WAIT.toSeconds() * 3, TimeUnit.SECONDS);

            assertThat(result.functionError()).as(result.log()).isNull();
            assertThat(result.payloadText()).startsWith(result.requestId() + "|");
            assertThat(lines).anyMatch(line -> line.contains("Status: error\tError Type: Runtime.PortTaken"));
        }
        assertThat(bytesReceived.get()).as("bytes the squatter received").isZero();
    }

    private static String awaitFile(Path file) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
        return Files.readString(file);
    }

    /** Accepts connections until the squatter closes, counting every byte a connection sends. */
    private static void countBytes(ServerSocket squatter, AtomicLong bytes) {
        while (!squatter.isClosed()) {
            try (Socket connection = squatter.accept();
                    InputStream in = connection.getInputStream()) {
                connection.setSoTimeout(2_000);
                byte[] buffer = new byte[4096];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    bytes.addAndGet(n);
                }
            } catch (SocketException e) {
                return; // the squatter closed
            } catch (IOException e) {
                // this connection timed out or broke: take the next
            }
        }
    }
}
