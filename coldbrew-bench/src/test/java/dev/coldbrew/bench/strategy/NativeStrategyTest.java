package dev.coldbrew.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.bench.workload.Workload;
import dev.coldbrew.bridge.jnigo.BridgeLibrary;
import dev.coldbrew.local.function.RuntimeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a stand-in {@code native-image} that records its arguments and writes an executable that prints its own,
 * checks the build command and the bootstrap around the executable.
 */
class NativeStrategyTest {
    /** Records its arguments next to itself and writes an executable that prints its own. */
    private static final String RECORDING_TOOL = """
            echo "$@" > "$(dirname "$0")/args"
            while [ "$1" != "-o" ]; do shift; done
            printf '#!/bin/sh\\necho "$@"\\n' > "$2"
            chmod 755 "$2"
            """;

    @TempDir
    Path tmp;

    private Path tool(String body) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("graal/bin"));
        Path tool = bin.resolve("native-image");
        Files.writeString(tool, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    private StrategyContext context() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("home/examples/echo/target/function/lib"));
        Files.writeString(lib.resolve("a.jar"), "");
        Path jars = Files.createDirectories(tmp.resolve("home").resolve(FunctionJars.FOLDER));
        Files.writeString(jars.resolve(FunctionJars.BRIDGE), "the bridge's jar as Maven copied it");
        return new StrategyContext(tmp.resolve("home"), tmp.resolve("work"), tmp.resolve("jdk"), null, true);
    }

    @Test
    void withoutNativeImageOrGccItSaysWhy() {
        NativeStrategy strategy = new NativeStrategy(Map.of("PATH", tmp.toString()));

        assertThat(strategy.availability())
                .isEqualTo(new Availability(
                        false,
                        "not available here: no native-image (GRAALVM_HOME, PATH) and no gcc on PATH for GraalVM's"
                                + " builder from Maven Central"));
    }

    @Test
    void withGccButNoNativeImageGraalVmsBuilderFromMavenCentralMakesItAvailable() {
        assertThat(new NativeStrategy(Map.of("PATH", "/usr/bin:/bin"))
                        .availability()
                        .available())
                .isTrue();
    }

    @Test
    void buildsTheExamplesMainAndStartsItWithTheHeapCappedAt85Percent() throws Exception {
        tool(RECORDING_TOOL);
        NativeStrategy strategy =
                new NativeStrategy(Map.of("GRAALVM_HOME", tmp.resolve("graal").toString()));
        assertThat(strategy.availability().available()).isTrue();

        PreparedFunction f = strategy.prepare(Workload.ECHO, context());

        Path dir = tmp.resolve("work/coldbrew-native/echo");
        assertThat(Files.readString(tmp.resolve("graal/bin/args")))
                .isEqualTo("--no-fallback -march=compatibility -cp "
                        + tmp.resolve("home/examples/echo/target/function/lib/a.jar") + " -o " + dir
                        + "/function dev.coldbrew.examples.echo.EchoFunction\n");
        ProcessBuilder pb = new ProcessBuilder(f.code().resolve("bootstrap").toString());
        pb.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        Process p = pb.start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("-Xmx217m\n");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aSecondPreparationOfTheSameInputsReusesTheImageAndAChangedJarRebuildsIt() throws Exception {
        tool("echo run >> \"$(dirname \"$0\")/runs\"\n" + RECORDING_TOOL);
        NativeStrategy strategy =
                new NativeStrategy(Map.of("GRAALVM_HOME", tmp.resolve("graal").toString()));
        StrategyContext context = context();
        Path runs = tmp.resolve("graal/bin/runs");

        strategy.prepare(Workload.ECHO, context);
        PreparedFunction again = strategy.prepare(Workload.ECHO, context);

        assertThat(Files.readAllLines(runs)).hasSize(1);
        assertThat(again.code().resolve("bootstrap")).isExecutable();
        assertThat(again.code().resolve("function")).isExecutable();

        Files.writeString(tmp.resolve("home/examples/echo/target/function/lib/a.jar"), "changed");
        strategy.prepare(Workload.ECHO, context);

        assertThat(Files.readAllLines(runs)).hasSize(2);
    }

    @Test
    void aFailedBuildCarriesTheToolsOutput() throws Exception {
        tool("echo 'Error: class not found'; exit 3\n");
        NativeStrategy strategy =
                new NativeStrategy(Map.of("PATH", tmp.resolve("graal/bin").toString()));

        assertThatThrownBy(() -> strategy.prepare(Workload.ECHO, context()))
                .isInstanceOf(PreparationException.class)
                .hasMessageStartingWith("coldbrew-native: echo: native-image failed with exit status 3: ")
                .hasMessageEndingWith("\nError: class not found");
    }

    @Test
    @EnabledIf(value = BridgeLibrary.BUNDLED, disabledReason = BridgeLibrary.NOT_BUNDLED)
    void theSeedBridgeSaysWhatIsMissingInTheSameWords() {
        assertThat(NativeStrategy.seedBridge(Map.of("PATH", tmp.toString())).availability())
                .isEqualTo(new NativeStrategy(Map.of("PATH", tmp.toString())).availability());
        assertThat(NativeStrategy.seedBridge(Map.of("PATH", "/usr/bin:/bin"))
                        .availability()
                        .available())
                .isTrue();
    }

    @Test
    @EnabledIf(value = BridgeLibrary.BUNDLED, disabledReason = BridgeLibrary.NOT_BUNDLED)
    void theSeedBridgeBuildsTheBridgeIntoTheImageAndRunsItAsGo1xWithTheLibraryBesideIt() throws Exception {
        tool(RECORDING_TOOL);
        NativeStrategy strategy = NativeStrategy.seedBridge(
                Map.of("GRAALVM_HOME", tmp.resolve("graal").toString()));

        PreparedFunction f = strategy.prepare(Workload.ECHO, context());

        Path dir = tmp.resolve("work/seed-bridge/echo");
        assertThat(strategy.name()).isEqualTo("seed-bridge");
        assertThat(Files.readString(tmp.resolve("graal/bin/args")))
                .isEqualTo("--no-fallback -march=compatibility -cp "
                        + tmp.resolve("home/examples/echo/target/function/lib/a.jar") + ":" + dir
                        + "/native-build/coldbrew-bridge-jni-go.jar -o " + dir
                        + "/function dev.coldbrew.examples.echo.EchoFunction\n");
        assertThat(dir.resolve("native-build/coldbrew-bridge-jni-go.jar"))
                .hasContent("the bridge's jar as Maven copied it");
        assertThat(dir.resolve("libcoldbrew-jni-go.so")).isNotEmptyFile();
        assertThat(f.runtime()).isEqualTo(RuntimeKind.GO1X);
        assertThat(f.handler()).isEqualTo("bootstrap");
        assertThat(f.environment()).isEqualTo(Map.of("COLDBREW_TRANSPORT", "jni-go"));
        assertThat(Files.readString(f.code().resolve("bootstrap")))
                .endsWith("exec \"$root/function\" -Xmx$((mb * 85 / 100))m\n");
    }
}
