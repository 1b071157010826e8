package dev.coldbrew.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.bench.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generated bootstraps with a stand-in {@code java} that prints its arguments, one per line. */
class BootstrapScriptTest {
    @TempDir
    Path tmp;

    private StrategyContext context() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("home/examples/echo/target/function/lib"));
        Files.writeString(lib.resolve("b.jar"), "");
        Files.writeString(lib.resolve("a.jar"), "");
        Path java = Files.createDirectories(tmp.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new StrategyContext(tmp.resolve("home"), tmp.resolve("work dir"), tmp.resolve("jdk"), null, true);
    }

    private static List<String> run(Path codeDir, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(codeDir.resolve("bootstrap").toString());
        pb.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        pb.environment().put("LAMBDA_TASK_ROOT", codeDir.toString());
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void jvmBootstrapSizesTheJvmLikeTheManagedRuntimeAndRunsTheExamplesMain() throws Exception {
        StrategyContext context = context();
        PreparedFunction f = JvmStrategy.c1().prepare(Workload.ECHO, context);

        assertThat(f.code()).isEqualTo(tmp.resolve("work dir/coldbrew-jvm-c1/echo"));
        assertThat(run(f.code(), Map.of()))
                .containsExactly(
                        "-XX:MaxHeapSize=222822k",
                        "-XX:MaxMetaspaceSize=26214k",
                        "-XX:ReservedCodeCacheSize=13107k",
                        "-XX:+UseSerialGC",
                        "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        f.code() + "/lib/a.jar:" + f.code() + "/lib/b.jar",
                        "dev.coldbrew.examples.echo.EchoFunction");
    }

    @Test
    void aotBootstrapTrainsWithTheSameClasspathItRunsWith() throws Exception {
        StrategyContext context = context();
        Path dir = context.directoryFor(new AotStrategy(), "echo");
        CodeDirectory.copyLib(Workload.ECHO.codeDirectory(context.home()), dir);
        BootstrapScript.write(dir, "test", AotStrategy.bootstrapBody(Workload.ECHO, context, dir));
        String classpath = dir + "/lib/a.jar:" + dir + "/lib/b.jar";

        assertThat(run(dir, Map.of(AotStrategy.TRAINING_VARIABLE, "1")))
                .endsWith("-XX:+UseSerialGC", "-cp", classpath, "dev.coldbrew.examples.echo.EchoFunction");
        assertThat(run(dir, Map.of()))
                .endsWith(
                        "-XX:AOTMode=on",
                        "-XX:AOTCache=" + dir + "/app.aot",
                        "-cp",
                        classpath,
                        "dev.coldbrew.examples.echo.EchoFunction");
    }

    @Test
    void memoryFlagsAreWhatTheBootstrapComputes() throws Exception {
        PreparedFunction f = JvmStrategy.c2().prepare(Workload.ECHO, context());

        assertThat(run(f.code(), Map.of()))
                .startsWith(BootstrapScript.memoryFlags(256).toArray(String[]::new));
    }

    @Test
    void wordsAShellWouldInterpretAreRefused() {
        assertThatThrownBy(() -> BootstrapScript.word("a;rm -rf"))
                .hasMessage("bootstrap word 'a;rm -rf' has characters a shell would read");
    }

    @Test
    void missingCodeDirectoryNamesTheBuildCommand() {
        assertThatThrownBy(() -> Workload.SIN.codeDirectory(tmp))
                .hasMessage("workload sin: no code directory at " + tmp + "/examples/sin/target/function (build it"
                        + " with ./mvnw -B -q install -DskipTests -pl examples/sin -am)");
    }
}
