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
