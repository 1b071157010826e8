package dev.coldbrew.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.ExitStatus;
import dev.coldbrew.runtime.api.RuntimeApi;
import dev.coldbrew.runtime.invoke.HandlerInvoker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code _LAMBDA_SERVER_PORT} selects the go1.x transport: the port is validated, and without coldbrew-gorpc on
 * the class path (as in this module's tests) init fails with a message that names the fix. The handler is never
 * created then, and the Runtime API is never contacted (its address points nowhere).
 */
class TransportBootstrapTest {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final AtomicBoolean handlerCreated = new AtomicBoolean();

    private ExitStatus run(String port) {
        Map<String, String> env = new HashMap<>();
        env.put(RuntimeApi.ENV_LAMBDA_SERVER_PORT, port);
        env.put(RuntimeApi.ENV_RUNTIME_API, "127.0.0.1:1");
        return Bootstrap.run(
                env,
                config -> {
                    handlerCreated.set(true);
                    return new HandlerInvoker(config.function(), (event, context) -> event);
                },
                err);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "80a", "99999999999", "1.5"})
    void aMalformedPortFailsInitNamingTheValue(String port) {
        assertThat(run(port)).isEqualTo(ExitStatus.INIT_FAILED);
        assertThat(err())
                .contains("Runtime.InvalidConfiguration: _LAMBDA_SERVER_PORT is '" + port
                        + "': expected a TCP port from 1 to 65535");
        assertThat(handlerCreated).isFalse();
    }

    @Test
    void withoutAProviderInitFailsNamingTheVariableItsValueAndTheArtifact() {
        assertThat(run("9001")).isEqualTo(ExitStatus.INIT_FAILED);
        assertThat(err())
                .contains("_LAMBDA_SERVER_PORT is '9001'")
                .contains("go1.x")
                .contains("dev.coldbrew.runtime.spi.TransportProvider")
                .contains("add dev.coldbrew:coldbrew-gorpc-runtime");
        assertThat(handlerCreated).isFalse();
    }

    @Test
    void aTransportNamedInColdbrewTransportThatIsMissingFailsInitNamingTheValue() {
        Map<String, String> env = new HashMap<>();
        env.put(RuntimeApi.ENV_LAMBDA_SERVER_PORT, "9001");
        env.put("COLDBREW_TRANSPORT", "jni-go");

        assertThat(Bootstrap.run(env, config -> new HandlerInvoker(config.function(), (event, context) -> event), err))
                .isEqualTo(ExitStatus.INIT_FAILED);
        assertThat(err())
                .contains("COLDBREW_TRANSPORT is 'jni-go', but no go1.x transport of that name is on the class path"
                        + " (found: none)");
    }

    @Test
    void streamingIsRefusedOnTheGo1xProtocol() {
        Map<String, String> env = Map.of(RuntimeApi.ENV_LAMBDA_SERVER_PORT, "9001");

        assertThat(Bootstrap.run(
                        env,
                        Config.ResponseMode.STREAMED,
                        config -> new HandlerInvoker(config.function(), (in, out, context) -> {}, "text/plain"),
                        err))
                .isEqualTo(ExitStatus.INIT_FAILED);
        assertThat(err())
                .contains("_LAMBDA_SERVER_PORT is '9001'")
                .contains("response streaming needs the Runtime API");
    }

    @Test
    void portParsingAcceptsTheWholeRange() {
        assertThat(Config.port("1")).isEqualTo(1);
        assertThat(Config.port(" 65535 ")).isEqualTo(65_535);
    }
}
