package dev.coldbrew.pack.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.pack.PackageException;
import dev.coldbrew.pack.TestJars;
import dev.coldbrew.pack.fixture.WaitingMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's two steps on a process the caller owns, as the start-up bench runs them. */
class AotTrainerIT {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void anOrderlyStopWritesTheConfigurationThatCreateTurnsIntoACacheTheJvmAccepts() throws Exception {
        String classPath = TestJars.jarOf(WaitingMain.class, dir, "waiting.jar").toString();
        Path configuration = dir.resolve("waiting.aotconf");
        Process training = start(AotTrainer.recordFlags(configuration), classPath, List.of());
        try {
            assertThat(printsReady(training)).isTrue();
            AotTrainer.stopOrderly(training.pid());
        } finally {
            training.destroyForcibly().waitFor();
        }
        assertThat(configuration).isRegularFile();

        AotTrainer.create(
                new AotTrainer.CacheCommand(dir, JAVA, List.of(), classPath, WaitingMain.class.getName()),
                configuration,
                Path.of("waiting.aot"));

        assertThat(dir.resolve("waiting.aot")).isRegularFile();
        Process production = start(
                List.of("-XX:AOTMode=on", "-XX:AOTCache=" + dir.resolve("waiting.aot")), classPath, List.of("exit"));
        assertThat(printsReady(production)).isTrue();
        assertThat(production.waitFor()).isZero();
    }

    @Test
    void createWithoutAConfigurationFailsNamingTheJvmsComplaint() {
        var command = new AotTrainer.CacheCommand(dir, JAVA, List.of(), "none.jar", "Main");

        assertThatThrownBy(() -> AotTrainer.create(command, dir.resolve("missing.aotconf"), Path.of("x.aot")))
                .isInstanceOf(PackageException.class)
                .hasMessageContaining("java failed with exit status")
                .hasMessageContaining("-XX:AOTMode=create -XX:AOTConfiguration=" + dir.resolve("missing.aotconf"));
    }

    @Test
    void stoppingAProcessThatIsGoneIsNothingToDo() throws Exception {
        Process done = new ProcessBuilder(JAVA.toString(), "-version").start();
        done.waitFor();

        AotTrainer.stopOrderly(done.pid());
    }

    private Process start(List<String> flags, String classPath, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, WaitingMain.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
    }

    /** Reads the output (the JVM's own warnings may come first) until {@code ready} or its end. */
    private static boolean printsReady(Process process) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.equals("ready")) {
                return true;
            }
        }
        return false;
    }
}
