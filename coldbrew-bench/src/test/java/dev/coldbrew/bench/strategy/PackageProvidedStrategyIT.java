package dev.coldbrew.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.Bench;
import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.local.LocalLambda;
import dev.coldbrew.local.environment.LocalOptions;
import dev.coldbrew.local.function.InvocationResult;
import dev.coldbrew.local.function.RuntimeKind;
import dev.coldbrew.pack.JvmFlags;
import dev.coldbrew.pack.Packager;
import dev.coldbrew.pack.layout.ZipWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages the echo example for real (jdeps, jlink, AOT training in the local Lambda), then runs the unpacked zip
 * in the local Lambda at a memory size other than the training one, as the bench does.
 */
class PackageProvidedStrategyIT {
    @TempDir
    Path work;

    @Test
    void packagesOnceAndRunsTheUnpackedZipWithItsAotCacheRequired() throws Exception {
        PackageProvidedStrategy strategy = new PackageProvidedStrategy(System.getenv());
        assertThat(strategy.availability().available()).isTrue();
        Path home = Path.of(System.getProperty(Bench.HOME_PROPERTY));
        Path javaHome = Path.of(System.getProperty("java.home"));

        try (LocalLambda lambda =
                LocalLambda.create(LocalOptions.builder().javaHome(javaHome).build())) {
            StrategyContext context = new StrategyContext(home, work, javaHome, lambda, true);
            PreparedFunction function = strategy.prepare(Workload.ECHO, context);

            Path dir = work.resolve("package-provided/echo");
            assertThat(function.code()).isEqualTo(dir.resolve("task"));
            assertThat(function.runtime()).isEqualTo(RuntimeKind.PROVIDED);
            assertThat(function.environment()).containsEntry("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");
            assertThat(function.jvmFlags()).containsAll(JvmFlags.DEFAULTS).contains("-XX:AOTCache=coldbrew.aot");
            assertThat(dir.resolve("package").resolve(Packager.ZIP_NAME)).isNotEmptyFile();
            assertThat(function.artifact())
                    .startsWith("function.zip ")
                    .contains("(" + Files.size(dir.resolve("package/function.zip")) + " bytes)")
                    .contains("modules java.base");
            assertThat(function.code().resolve("bootstrap")).isExecutable();
            assertThat(function.code().resolve(JvmFlags.AOT_CACHE_FILE)).isNotEmptyFile();
            assertThat(Files.getLastModifiedTime(function.code().resolve("bootstrap")))
                    .as("unpacked with the zip's entry times")
                    .isEqualTo(ZipWriter.ENTRY_TIME);

            lambda.register(function.config("echo-packaged", 256, Duration.ofMinutes(1)));
            try {
                InvocationResult result = lambda.invoke("echo-packaged", Workload.ECHO.event(true));

                assertThat(result.functionError()).as(result.log()).isNull();
                assertThat(result.payload()).isEqualTo(Workload.ECHO.event(true));
                assertThat(result.report().initDurationMs()).isPresent();
            } finally {
                lambda.stopEnvironments("echo-packaged");
            }
        }
    }
}
