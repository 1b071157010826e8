package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bridge.jnigo.testing.BridgeFunction;
import dev.coldbrew.gorpc.testing.BoundedProcess;
import dev.coldbrew.gorpc.testing.GoToolchain;
import dev.coldbrew.runtime.api.RuntimeApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go's own {@code net/rpc} client ({@code src/test/go/client}, built here with the installed Go) calls a coldbrew
 * function served through the bridge on the JVM, as Lambda's go1.x runtime would: ping, invokes carrying every
 * field, errors, sizes up to 6 MiB, an over-limit reply, pipelined calls and a second connection.
 */
@EnabledIf(value = GoToolchain.FOUND, disabledReason = GoToolchain.NOT_FOUND)
class GoNetRpcClientIT {
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    private static Path client;

    @BeforeAll
    static void buildClient() throws Exception {
        client = dir.resolve("client");
        ProcessBuilder build = new ProcessBuilder(GoToolchain.go().toString(), "build", "-o", client.toString(), ".")
                .directory(Path.of("src/test/go/client").toFile());
        build.environment().putAll(Map.of("GOPROXY", "off", "GOFLAGS", "", "GO111MODULE", "on", "CGO_ENABLED", "0"));
        BoundedProcess.Result result = BoundedProcess.run(build, BUILD_TIMEOUT);
        assertThat(result.succeeded())
                .as("go build of the client: " + result.output())
                .isTrue();
    }

    private static String runClient(BridgeFunction function) throws Exception {
        ProcessBuilder run = new ProcessBuilder(client.toString());
        run.environment().put(RuntimeApi.ENV_LAMBDA_SERVER_PORT, Integer.toString(function.port()));
        BoundedProcess.Result result = BoundedProcess.run(run, RUN_TIMEOUT);
        assertThat(result.succeeded())
                .as("the Go client: " + result.output() + "\nthe function: " + function.output())
                .isTrue();
        return result.output();
    }

    @Test
    void goNetRpcCallsAColdbrewFunctionThroughTheBridgeWithEveryField() throws Exception {
        String output;
        try (BridgeFunction function = BridgeFunction.start(dir)) {
            output = runClient(function);
        }

        assertThat(output)
                .contains("ping ok\n")
                .contains("fields ok payload=req-1|arn:aws:lambda:eu-west-1:1:function:f\u00e9\uD83D\uDE00"
                        + "|Root=1-abc|1700000000123|{k=v}|identity/pool error=<nil>\n")
                .contains("fail ok message=java boom type=java.lang.IllegalArgumentException exit=false frames=")
                .containsPattern("fail ok .* first=\\[BridgeTestHandler.java:true:dev.coldbrew.bridge.jnigo"
                        + ".BridgeTestHandler.handle\\]")
                .contains("zero ok payload=\"\" message=InvokeRequest.RequestId is empty: Lambda sends one with every"
                        + " invoke type=Runtime.InvalidInvocation exit=false frames=0\n")
                .contains("size 0 ok equal=true no error\n")
                .contains("size 1 ok equal=true no error\n")
                .contains("size 1024 ok equal=true no error\n")
                .contains("size 1048576 ok equal=true no error\n")
                .contains("size 6291456 ok equal=true no error\n")
                .contains("big ok payload=0 message=Response payload size (6291557 bytes) exceeded maximum allowed"
                        + " payload size (6291556 bytes). type=Function.ResponseSizeTooLarge exit=false frames=0\n")
                .contains("pipelined 20 of 20 matched\n")
                .contains("second-connection ok payload=second\n")
                .contains("npe ok payload=null checks " + BridgeTestHandler.NULL_CHECKS / 2 + " no error\n")
                .contains("nope err=rpc: can't find method Function.Nope\n")
                .contains("ping-again ok\n");
    }

    @Test
    void aFunctionWithItsOwnMainServesTheSameWay() throws Exception {
        String output;
        try (BridgeFunction function = BridgeFunction.startOwnMain(dir, BridgeFunction.LIBRARY)) {
            output = runClient(function);
        }

        assertThat(output).contains("ping ok\n").contains("pipelined 20 of 20 matched\n");
    }
}
