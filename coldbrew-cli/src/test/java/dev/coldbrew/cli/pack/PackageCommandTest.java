package dev.coldbrew.cli.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.cli.ExitCode;
import dev.coldbrew.pack.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command with inputs that fail before any JDK tool runs. */
class PackageCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path jar;
    private Path emptyPath;

    @BeforeEach
    void jar() throws Exception {
        jar = TestJars.jarWithClasses(dir.resolve("fn.jar"), null, "p.Main", "p.Handler");
        emptyPath = Files.createDirectories(dir.resolve("empty-path"));
    }

    private ExitCode run(String... args) {
        Map<String, String> env = Map.of("PATH", emptyPath.toString());
        return PackageCommand.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryOption() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {
            "--jar",
            "--code",
            "--handler",
            "--main-class",
            "--name",
            "--memory",
            "--timeout",
            "--env",
            "--target",
            "--native",
            "--events",
            "--training-rounds",
            "--no-aot",
            "--modules",
            "--add-modules",
            "--reachable-modules",
            "--jvm-flags",
            "--jdk",
            "--no-verify",
            "--prime",
            "--priming-events",
            "--output",
            "--max-zip-mb",
            "--max-unzipped-mb",
            "--help"
        }) {
            assertThat(usage).as(option).contains(option);
        }
        assertThat(usage).contains("-XX:+UseSerialGC").contains("arm64");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--frobnicate", "x")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("coldbrew package: unknown option '--frobnicate'");
    }

    @Test
    void anUnknownOptionWithoutAValueIsStillUnknown() {
        assertThat(run("--frobnicate")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("coldbrew package: unknown option '--frobnicate'");
    }

    @Test
    void aKnownOptionWithoutAValueNeedsOne() {
        assertThat(run("--jar", jar.toString(), "--memory")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("coldbrew package: option --memory needs a value");
    }

    @Test
    void noArgumentsIsAUsageErrorSayingWhatIsMissing() {
        assertThat(run()).isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .isEqualTo("coldbrew package: no function jars: give --jar FILE (repeatable) or --code DIR with"
                        + " lib/*.jar\nRun 'coldbrew package --help' for the options.\n");
    }

    @Test
    void aBadNumberIsAUsageError() {
        assertThat(run("--jar", jar.toString(), "--memory", "lots")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--memory 'lots' is not a whole number");
        assertThat(run("--jar", jar.toString(), "--memory", "64")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("memory size 64 MB is outside 128..10240");
    }

    @Test
    void aMissingJarIsNamed() {
        Path missing = dir.resolve("missing.jar");
        assertThat(run(
                        "--jar",
                        missing.toString(),
                        "--main-class",
                        "p.Main",
                        "--output",
                        dir.resolve("o").toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err()).contains("coldbrew package: function jar " + missing + " does not exist");
    }

    @Test
    void noHandlerIsAClearError() {
        assertThat(run("--jar", jar.toString(), "--output", dir.resolve("o").toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err()).contains("coldbrew package: no handler: give --handler");
    }

    @Test
    void anUnwritableOutputIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path output = file.resolve("out");
        assertThat(run("--jar", jar.toString(), "--main-class", "p.Main", "--output", output.toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err()).contains("coldbrew package: output directory " + output + " is not writable");
    }

    @Test
    void anEventsFolderWithInvalidJsonNamesTheFile() throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        Files.writeString(events.resolve("ok.json"), "{\"n\": 1}");
        Files.writeString(events.resolve("broken.json"), "{\"n\": ");
        assertThat(run(
                        "--jar",
                        jar.toString(),
                        "--main-class",
                        "p.Main",
                        "--events",
                        events.toString(),
                        "--output",
                        dir.resolve("o").toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err()).contains("event file " + events.resolve("broken.json") + " is not valid JSON");
    }

    @Test
    void primeWithoutEventsIsAUsageError() {
        assertThat(run("--jar", jar.toString(), "--main-class", "p.Main", "--prime"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--prime needs sample events: give --priming-events DIR or --events DIR");
    }

    @Test
    void primeIsNotForNativeExecutables() {
        assertThat(run("--jar", jar.toString(), "--main-class", "p.Main", "--native", "--prime", "--events", "e"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--prime runs the handler during Init so the JIT compiles it");
    }

    @Test
    void aMissingPrimingFolderIsNamed() {
        Path missing = dir.resolve("no-such-events");
        assertThat(run(
                        "--jar",
                        jar.toString(),
                        "--main-class",
                        "p.Main",
                        "--prime",
                        "--priming-events",
                        missing.toString(),
                        "--output",
                        dir.resolve("o").toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err()).contains("events folder " + missing + " does not exist or is not a directory");
    }

    @Test
    void aPrimingEventThatIsNotJsonNamesTheFile() throws Exception {
        Path events = Files.createDirectories(dir.resolve("priming"));
        Files.writeString(events.resolve("sample.json"), "n=1");
        assertThat(run(
                        "--jar",
                        jar.toString(),
                        "--main-class",
                        "p.Main",
                        "--prime",
                        "--priming-events",
                        events.toString(),
                        "--output",
                        dir.resolve("o").toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err()).contains("event file " + events.resolve("sample.json") + " is not valid JSON");
    }

    @Test
    void primingEventsWithoutPrimeIsAUsageError() {
        assertThat(run("--jar", jar.toString(), "--main-class", "p.Main", "--priming-events", "e"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--priming-events e is given without --prime");
    }

    @Test
    void nativeWithoutNativeImageOrGccSaysSo() {
        assertThat(run(
                        "--jar",
                        jar.toString(),
                        "--main-class",
                        "p.Main",
                        "--native",
                        "--output",
                        dir.resolve("o").toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err()).contains("--native: no native-image (GRAALVM_HOME, PATH) and no gcc on PATH");
        assertThat(dir.resolve("o/function.zip")).doesNotExist();
    }

    @Test
    void nativeIsOnlyForProvided() {
        assertThat(run("--jar", jar.toString(), "--main-class", "p.Main", "--native", "--target", "java25"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--native builds a bootstrap for provided.al2023, not for java25");
    }

    @Test
    void anUnknownTargetListsTheValidOnes() {
        assertThat(run("--target", "java8")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("unknown target 'java8': valid targets are provided.al2023, java25, java21");
    }

    @Test
    void sizeLimitsCannotBeRaisedAboveLambdas() {
        assertThat(run("--max-zip-mb", "51")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--max-zip-mb 51 is outside 1..50 (Lambda's limit)");
    }
}
