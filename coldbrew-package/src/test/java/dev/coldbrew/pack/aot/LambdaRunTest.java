package dev.coldbrew.pack.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaRunTest {
    @TempDir
    Path dir;

    @Test
    void toolOptionsQuoteAnOptionWithWhiteSpace() {
        assertThat(LambdaRun.toolOptions(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=/a b/c.conf")))
                .isEqualTo("-XX:AOTMode=record \"-XX:AOTConfiguration=/a b/c.conf\"");
    }

    @Test
    void theJvmsNoticesAboutTheTrainingFlagsAreNotTheFunctionsLog() {
        assertThat(LambdaRun.isJvmNotice("Picked up JAVA_TOOL_OPTIONS: -XX:AOTMode=record -XX:AOTConfiguration=a"))
                .isTrue();
        assertThat(LambdaRun.isJvmNotice(" AOTConfiguration recorded: /tmp/x/coldbrew.aotconf"))
                .isTrue();
        assertThat(LambdaRun.isJvmNotice("[0.497s][warning][aot] Skipping Foo: Unlinked class"))
                .isTrue();
        assertThat(LambdaRun.isJvmNotice("[1.2s][info   ][aot,class] loaded")).isTrue();

        assertThat(LambdaRun.isJvmNotice("[0.497s][error  ][aot] class path and/or module path are not compatible"))
                .isFalse();
        assertThat(LambdaRun.isJvmNotice("START RequestId: 1 Version: $LATEST")).isFalse();
        assertThat(LambdaRun.isJvmNotice("hello: Picked up JAVA_TOOL_OPTIONS: said the function"))
                .isFalse();
    }

    @Test
    void theJvmWritesTheRecordedConfigurationUnderAFolderWithASpace() throws Exception {
        Path configuration = Files.createDirectory(dir.resolve("with space")).resolve("app.aotconf");
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", dir.toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("java.log").toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", LambdaRun.toolOptions(AotTrainer.recordFlags(configuration)));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(configuration).as(Files.readString(dir.resolve("java.log"))).isRegularFile();
    }
}
