package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentVariablesTest {

    @TempDir
    Path code;

    @Test
    void eachManagedJavaRuntimeNamesItselfInTheExecutionEnvironment() {
        assertThat(executionEnv(RuntimeKind.JAVA17)).isEqualTo("AWS_Lambda_java17");
        assertThat(executionEnv(RuntimeKind.JAVA21)).isEqualTo("AWS_Lambda_java21");
        assertThat(executionEnv(RuntimeKind.JAVA25)).isEqualTo("AWS_Lambda_java25");
        assertThat(executionEnv(RuntimeKind.PROVIDED)).isNull();
    }

    @Test
    void java17GetsTheTelemetryLogAndTheManagedLaunchCommandLikeJava21() {
        LocalOptions options = LocalOptions.builder()
                .awsRuntimeClasspath(java.util.List.of(code.resolve("ric.jar")))
                .build();
        FunctionConfig java17 = FunctionConfig.of("f", code, RuntimeKind.JAVA17, "p.H::handleRequest");

        assertThat(EnvironmentVariables.of(java17, code, Map.of(), options))
                .containsKey(EnvironmentVariables.TELEMETRY_LOG_FD);
        assertThat(LaunchCommand.of(java17, code, options))
                .contains(LaunchCommand.RIC_MAIN, "p.H::handleRequest", "-XX:TieredStopAtLevel=1");
    }

    private String executionEnv(RuntimeKind kind) {
        FunctionConfig function = FunctionConfig.of("f", code, kind, "p.H::handleRequest");
        return EnvironmentVariables.of(
                        function, code, Map.of(), LocalOptions.builder().build())
                .get("AWS_EXECUTION_ENV");
    }
}
