package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.local.function.FunctionConfig;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The managed Java runtimes' exec wrapper ({@code AWS_LAMBDA_EXEC_WRAPPER}), as Lambda starts it. */
class LaunchCommandTest {
    @TempDir
    Path task;

    private static final List<String> RUNTIME = List.of("/jvm/bin/java", "-cp", "ric.jar", LaunchCommand.RIC_MAIN, "h");

    private FunctionConfig java25(Map<String, String> env) {
        return new FunctionConfig(
                "fn", task, RuntimeKind.JAVA25, "h", 512, Duration.ofSeconds(3), FunctionConfig.UNRESERVED, env);
    }

    @Test
    void withoutAWrapperTheRuntimeStartsAsItIs() {
        assertThat(LaunchCommand.execWrapped(java25(Map.of()), task, RUNTIME)).isEqualTo(RUNTIME);
    }

    @Test
    void aWrapperUnderVarTaskGetsTheRuntimesCommandLineAsItsArguments() throws Exception {
        Path wrapper = Files.writeString(task.resolve("wrap"), "#!/bin/sh\nexec \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<String> argv =
                LaunchCommand.execWrapped(java25(Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/var/task/wrap")), task, RUNTIME);

        assertThat(argv.getFirst()).isEqualTo(wrapper.toString());
        assertThat(argv.subList(1, argv.size())).isEqualTo(RUNTIME);
    }

    @Test
    void aMissingOrNotExecutableWrapperOrOneOutsideTheCodeIsAnInvalidEntrypointNamingIt() throws Exception {
        Files.writeString(task.resolve("plain"), "#!/bin/sh\n");

        assertThatThrownBy(() -> LaunchCommand.execWrapped(
                        java25(Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/var/task/nope")), task, RUNTIME))
                .isInstanceOf(InvalidEntrypointException.class)
                .hasMessageContaining("'/var/task/nope'")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> LaunchCommand.execWrapped(
                        java25(Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/var/task/plain")), task, RUNTIME))
                .hasMessageContaining("is not an executable file");
        assertThatThrownBy(() -> LaunchCommand.execWrapped(
                        java25(Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/opt/layer-wrapper")), task, RUNTIME))
                .hasMessageContaining("'/opt/layer-wrapper'")
                .hasMessageContaining("from the function's code only");
        assertThatThrownBy(() -> LaunchCommand.execWrapped(
                        java25(Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/var/task/../../etc/passwd")), task, RUNTIME))
                .isInstanceOf(InvalidEntrypointException.class);
    }
}
