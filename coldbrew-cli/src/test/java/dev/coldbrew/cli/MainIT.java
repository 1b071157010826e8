package dev.coldbrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged command as a user does: {@code java -cp coldbrew-cli.jar:lib/* dev.coldbrew.cli.Main}. */
class MainIT {
    private record Run(int exit, String out, String err) {}

    private static Run coldbrew(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("coldbrew.test.jar") + File.pathSeparator + System.getProperty("coldbrew.test.lib")
                        + File.separator + "*",
                Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("coldbrew exited").isTrue();
            return new Run(
                    p.exitValue(),
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void versionExitsZero() throws Exception {
        Run run = coldbrew("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("coldbrew " + System.getProperty("coldbrew.test.version") + "\n");
    }

    @Test
    void unknownCommandExitsTwo() throws Exception {
        Run run = coldbrew("serve");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo(
                        "coldbrew: unknown command 'serve': valid commands are bench, local, invoke, package, help, --version\n");
    }

    @Test
    void benchBadRepetitionsExitsTwo() throws Exception {
        Run run = coldbrew("bench", "--repetitions", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().findFirst())
                .hasValue("coldbrew bench: invalid --repetitions '0': valid values are whole numbers from 1 to 1000");
    }

    @Test
    void packageHelpExitsZeroWithItsUsage() throws Exception {
        Run run = coldbrew("package", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: coldbrew package [options]\n").contains("--reachable-modules");
    }

    @Test
    void packageBadOptionExitsTwoNamingIt() throws Exception {
        Run run = coldbrew("package", "--memory", "64", "--jar", "f.jar", "--handler", "a.B");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("coldbrew package: memory size 64 MB is outside 128..10240\n"
                        + "Run 'coldbrew package --help' for the options.\n");
    }

    /**
     * A copy of the checkout holding just what {@code ./coldbrew} reads, already built (the stamp newer than any
     * source), so the script runs the command without building.
     */
    private static Path builtCheckout(Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("checkout"));
        Path root = Path.of(System.getProperty("coldbrew.test.root"));
        Files.copy(root.resolve("coldbrew"), home.resolve("coldbrew"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("scripts"));
        Files.copy(root.resolve("scripts/jdk25.sh"), home.resolve("scripts/jdk25.sh"));
        Path target = Files.createDirectories(home.resolve("coldbrew-cli/target"));
        Path jar = Path.of(System.getProperty("coldbrew.test.jar"));
        Files.copy(jar, target.resolve(jar.getFileName()));
        Path lib = Files.createDirectories(target.resolve("lib"));
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("coldbrew.test.lib")))) {
            for (Path dependency : jars.toList()) {
                Files.copy(dependency, lib.resolve(dependency.getFileName()));
            }
        }
        for (String example : List.of("echo", "sin", "kmeans")) {
            Files.createDirectories(home.resolve("examples/" + example + "/target/function/lib"));
        }
        Files.createDirectories(home.resolve("coldbrew-bench/target/function-jars"));
        Path stamp = Files.createFile(target.resolve("coldbrew-built.stamp"));
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(3600)));
        return home;
    }

    private static Run script(Path script, Path workingDirectory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--version")
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("coldbrew exited").isTrue();
            return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), "");
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * {@code ./coldbrew} through a chain of symbolic links (one relative, as {@code ln -s ../repo/coldbrew} makes it)
     * finds its checkout: its JDK finder and its built command.
     */
    @Test
    void scriptRunsThroughASymbolicLinkOnPath(@TempDir Path tmp) throws Exception {
        Path home = builtCheckout(tmp);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(tmp.resolve("coldbrew-link"), home.resolve("coldbrew"));
        Files.createSymbolicLink(bin.resolve("coldbrew"), Path.of("../coldbrew-link"));

        Run run = script(bin.resolve("coldbrew"), tmp);

        assertThat(run.out()).isEqualTo("coldbrew " + System.getProperty("coldbrew.test.version") + "\n");
        assertThat(run.exit()).isZero();
    }

    /**
     * Without {@code coldbrew-bench/target/function-jars} (the jars the bench puts into a function's code) the script
     * builds, however new its stamp: here, in a copy without {@code ./mvnw}, the build fails and says so.
     */
    @Test
    void scriptBuildsWhenTheBenchFunctionJarsAreMissing(@TempDir Path tmp) throws Exception {
        Path home = builtCheckout(tmp);
        Files.delete(home.resolve("coldbrew-bench/target/function-jars"));

        Run run = script(home.resolve("coldbrew"), tmp);

        assertThat(run.out())
                .startsWith("coldbrew: building the command and the example functions")
                .contains("coldbrew: the build failed");
        assertThat(run.exit()).isEqualTo(1);
    }
}
