package dev.coldbrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.bench.strategy.Strategies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    /** The bench's strategies (their exact list is coldbrew-bench's test); the CLI must pass it through. */
    private static final String STRATEGIES = Strategies.of(Map.of()).names();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandPrintsUsageAndExitsWithUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).isEqualTo(Main.USAGE);
        assertThat(out()).isEmpty();
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("help")).isZero();
        assertThat(out()).isEqualTo(Main.USAGE).startsWith("Usage: coldbrew <command> [options]\n");
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out()).isEqualTo("coldbrew " + System.getProperty("coldbrew.test.version") + "\n");
    }

    @Test
    void unknownCommandNamesItAndTheValidOnes() {
        assertThat(run("brew")).isEqualTo(2);
        assertThat(err())
                .isEqualTo(
                        "coldbrew: unknown command 'brew': valid commands are bench, local, invoke, package, help, --version\n");
    }

    @Test
    void localHelpIsTheLocalLambdasUsage() {
        assertThat(run("local", "--help")).isZero();
        assertThat(out())
                .startsWith("Usage: coldbrew local [--template template.yaml] [--function SPEC]... [options]\n")
                .contains("runtimes: provided.al2023, java17, java21, java25, coldbrew, go1.x\n");
    }

    @Test
    void localWithoutFunctionsIsAUsageError() {
        assertThat(run("local")).isEqualTo(2);
        assertThat(err()).startsWith("coldbrew local: ");
    }

    @Test
    void invokeWithoutANameIsAUsageError() {
        assertThat(run("invoke")).isEqualTo(2);
        assertThat(err()).startsWith("coldbrew invoke: ").contains("Usage: coldbrew invoke NAME");
    }

    @Test
    void localGetsTheBundledAwsRuntimeClient() {
        String[] args = Main.withAwsRuntime(java.util.List.of("--function", "x"));

        assertThat(args).hasSize(4).startsWith("--function", "x", "--aws-runtime-classpath");
        assertThat(args[3]).contains("aws-lambda-java-runtime-interface-client");
    }

    @Test
    void benchHelpListsItsOptions() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(out())
                .startsWith("Usage: coldbrew bench [options]\n")
                .contains("--strategies LIST  comma-separated, default all: " + STRATEGIES + "\n");
    }

    @Test
    void benchBadMemorySizeNamesTheValueAndTheValidRange() {
        assertThat(run("bench", "--memory", "256,100")).isEqualTo(2);
        assertThat(err())
                .startsWith("coldbrew bench: invalid memory size '100': valid sizes are whole MB from 128 to 10240\n"
                        + "Usage: coldbrew bench [options]\n");
    }

    @Test
    void benchUnknownStrategyListsTheValidOnes() {
        assertThat(run("bench", "--strategies=graal")).isEqualTo(2);
        assertThat(err().lines().findFirst())
                .hasValue("coldbrew bench: unknown strategy 'graal': valid strategies are " + STRATEGIES);
    }

    @Test
    void benchUnknownWorkloadListsTheValidOnes() {
        assertThat(run("bench", "--workloads", "kmeans,fib")).isEqualTo(2);
        assertThat(err().lines().findFirst())
                .hasValue("coldbrew bench: unknown workload 'fib': valid workloads are echo, sin, kmeans");
    }

    @Test
    void benchUnknownProfileListsTheValidOnes() {
        assertThat(run("bench", "--profile", "huge")).isEqualTo(2);
        assertThat(err().lines().findFirst())
                .hasValue("coldbrew bench: unknown profile 'huge': valid profiles are quick, full, tiny");
    }

    @Test
    void benchUnknownOptionListsTheValidOnes() {
        assertThat(run("bench", "--fast")).isEqualTo(2);
        assertThat(err().lines().findFirst())
                .hasValue("coldbrew bench: unknown option '--fast': valid options are --profile, --workloads,"
                        + " --strategies, --memory, --repetitions, --warm, --calibration, --output");
    }

    @Test
    void packageHelpIsThePackagersUsage() {
        assertThat(run("package", "--help")).isZero();
        assertThat(out())
                .startsWith("Usage: coldbrew package [options]\n")
                .contains("--target T            provided.al2023 (default)");
        assertThat(err()).isEmpty();
    }

    @Test
    void packageUnknownOptionIsAUsageErrorNamingIt() {
        assertThat(run("package", "--frobnicate", "x")).isEqualTo(2);
        assertThat(err())
                .isEqualTo("coldbrew package: unknown option '--frobnicate'\n"
                        + "Run 'coldbrew package --help' for the options.\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpListsThePackageCommand() {
        assertThat(run("help")).isZero();
        assertThat(out()).contains("\n  package    make a deployable Lambda zip and SAM template");
    }
}
