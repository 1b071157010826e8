package dev.coldbrew.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.Bench;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gorpc strategy for real: the echo example with coldbrew-gorpc, an AOT cache trained over go1.x in the local
 * Lambda, then run by the local Lambda as a go1.x function.
 */
class GoRpcStrategyIT {
    @TempDir
    Path work;

    @Test
    void echoRunsAsAGo1xFunctionWithACacheTrainedOverGo1x() throws Exception {
        Path home = Path.of(System.getProperty(Bench.HOME_PROPERTY));
        Path javaHome = Path.of(System.getProperty("java.home"));
        try (LocalLambda lambda =
                LocalLambda.create(LocalOptions.builder().logSink(line -> {}).build())) {
            StrategyContext context = new StrategyContext(home, work, javaHome, lambda, true);

            PreparedFunction function = new GoRpcStrategy().prepare(Workload.ECHO, context);

            assertThat(function.runtime()).isEqualTo(RuntimeKind.GO1X);
            assertThat(function.code().resolve(AotStrategy.CACHE_FILE)).isRegularFile();
            for (String jar : new String[] {FunctionJars.GORPC, FunctionJars.GORPC_RUNTIME}) {
                assertThat(function.code().resolve("lib").resolve(jar))
                        .hasSameBinaryContentAs(
                                home.resolve(FunctionJars.FOLDER).resolve(jar));
            }
            assertThat(Files.readString(function.code().resolve(GoRpcStrategy.EXECUTABLE)))
                    .contains("-XX:AOTMode=on");
            lambda.register(function.config("echo-gorpc", 1024, Duration.ofSeconds(30)));
            byte[] event = Workload.ECHO.event(true);
            InvocationResult cold = lambda.invoke("echo-gorpc", event);
            InvocationResult warm = lambda.invoke("echo-gorpc", event);

            assertThat(cold.functionError()).as(cold.log()).isNull();
            assertThat(cold.report().initDurationMs()).isPresent();
            assertThat(warm.functionError()).as(warm.log()).isNull();
            assertThat(cold.payload()).isEqualTo(event);
            assertThat(warm.payload()).isEqualTo(event);
            assertThat(warm.report().initDurationMs()).isEmpty();
        }
    }
}
