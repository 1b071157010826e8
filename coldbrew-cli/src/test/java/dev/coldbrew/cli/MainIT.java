package dev.coldbrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
}
