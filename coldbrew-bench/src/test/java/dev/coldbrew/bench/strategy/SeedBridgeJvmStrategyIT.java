package dev.coldbrew.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.Bench;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.bridge.jnigo.BridgeLibrary;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed-bridge-jvm strategy for real: the echo example on the JNI bridge, an AOT cache trained over go1.x in
 * the local Lambda, then run by the local Lambda as a go1.x function.
 */
@EnabledIf(value = BridgeLibrary.BUNDLED, disabledReason = BridgeLibrary.NOT_BUNDLED)
class SeedBridgeJvmStrategyIT {
    @TempDir
    Path work;

    @Test
    void echoRunsThroughTheBridgeWithACacheTrainedOverGo1x() throws Exception {
        Path home = Path.of(System.getProperty(Bench.HOME_PROPERTY));
        Path javaHome = Path.of(System.getProperty("java.home"));
        try (LocalLambda lambda =
                LocalLambda.create(LocalOptions.builder().logSink(line -> {}).build())) {
            StrategyContext context = new StrategyContext(home, work, javaHome, lambda, true);

            PreparedFunction function = GoRpcStrategy.seedBridgeJvm().prepare(Workload.ECHO, context);

            assertThat(function.runtime()).isEqualTo(RuntimeKind.GO1X);
            assertThat(function.environment()).containsEntry("COLDBREW_TRANSPORT", "jni-go");
            assertThat(function.code().resolve(AotStrategy.CACHE_FILE)).isRegularFile();
            assertThat(function.code().resolve("lib").resolve(BridgeLibrary.FILE_NAME))
                    .isRegularFile();
            lambda.register(function.config("echo-bridge", 1024, Duration.ofSeconds(30)));
            byte[] event = Workload.ECHO.event(true);
            InvocationResult cold = lambda.invoke("echo-bridge", event);
            InvocationResult warm = lambda.invoke("echo-bridge", event);

            assertThat(cold.functionError()).as(cold.log()).isNull();
            assertThat(cold.report().initDurationMs()).isPresent();
            assertThat(cold.payload()).isEqualTo(event);
            assertThat(warm.payload()).isEqualTo(event);
            assertThat(warm.report().initDurationMs()).isEmpty();
        }
    }
}
