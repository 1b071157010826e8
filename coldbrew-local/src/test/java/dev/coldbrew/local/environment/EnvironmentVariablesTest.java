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

    @Test
    void aManagedInstancesFunctionGetsItsConcurrencyInitTypeAndJsonLogs() {
        Map<String, String> variables = Map.of("AWS_LAMBDA_LOG_FORMAT", "TEXT");
        FunctionConfig managed = FunctionConfig.of("f", code, RuntimeKind.JAVA25, "p.H::handleRequest")
                .withEnvironment(variables)
                .withMaxConcurrency(16);
        FunctionConfig onDemand = FunctionConfig.of("f", code, RuntimeKind.JAVA25, "p.H::handleRequest");

        assertThat(EnvironmentVariables.of(
                        managed, code, Map.of(), LocalOptions.builder().build()))
                .containsEntry("AWS_LAMBDA_MAX_CONCURRENCY", "16")
                .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "lambda-managed-instances")
                .as("JSON whatever the function sets: Lambda allows no other format there")
                .containsEntry("AWS_LAMBDA_LOG_FORMAT", "JSON");
        assertThat(EnvironmentVariables.of(
                        onDemand, code, Map.of(), LocalOptions.builder().build()))
                .doesNotContainKeys("AWS_LAMBDA_MAX_CONCURRENCY", "AWS_LAMBDA_LOG_FORMAT")
                .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    }

    private String executionEnv(RuntimeKind kind) {
        FunctionConfig function = FunctionConfig.of("f", code, kind, "p.H::handleRequest");
        return EnvironmentVariables.of(
                        function, code, Map.of(), LocalOptions.builder().build())
                .get("AWS_EXECUTION_ENV");
    }
}
