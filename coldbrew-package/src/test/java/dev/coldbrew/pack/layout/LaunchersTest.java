package dev.coldbrew.pack.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchersTest {
    @TempDir
    Path dir;

    @Test
    void classPathIsRelativeAndKeepsTheGivenOrder() {
        assertThat(Launchers.classPath(List.of("z.jar", "a.jar"))).isEqualTo("lib/z.jar:lib/a.jar");
    }

    @Test
    void quotesWordsTheShellWouldSplit() {
        assertThat(Launchers.quote("-Xmx64m")).isEqualTo("-Xmx64m");
        assertThat(Launchers.quote("-Dgreeting=hello world")).isEqualTo("'-Dgreeting=hello world'");
        assertThat(Launchers.quote("it's")).isEqualTo("'it'\\''s'");
    }

    /** Runs the bootstrap with a fake runtime/bin/java that prints its arguments, from another directory. */
    @Test
    void bootstrapRunsTheBundledJavaFromItsOwnFolderWithTheCacheWhenPresent() throws Exception {
        Path task = dir.resolve("task");
        Path java = task.resolve("runtime/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"cwd=$(pwd)\"\nfor a in \"$@\"; do echo \"arg=$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String script = Launchers.bootstrap(
                List.of("-XX:+UseSerialGC", "-Dx=a b"), "-XX:AOTCache=coldbrew.aot", List.of("f.jar"), "p.Main");
        Files.writeString(task.resolve("bootstrap"), script);
        Files.setPosixFilePermissions(task.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run(task.resolve("bootstrap")))
                .containsExactly(
                        "cwd=" + task, "arg=-XX:+UseSerialGC", "arg=-Dx=a b", "arg=-cp", "arg=lib/f.jar", "arg=p.Main");
        Files.writeString(task.resolve("coldbrew.aot"), "");
        assertThat(run(task.resolve("bootstrap"))).contains("arg=-XX:AOTCache=coldbrew.aot");
    }

    @Test
    void execWrapperKeepsTheManagedJvmPassedAsFirstArgument() throws Exception {
        Path task = dir.resolve("task");
        Path managed = dir.resolve("lang/bin/java");
        Files.createDirectories(managed.getParent());
        Files.createDirectories(task);
        Files.writeString(managed, "#!/bin/sh\necho \"java=$0\"\nfor a in \"$@\"; do echo \"arg=$a\"; done\n");
        Files.setPosixFilePermissions(managed, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path wrapper = task.resolve(Launchers.EXEC_WRAPPER);
        Files.writeString(wrapper, Launchers.execWrapper(List.of("-XX:+UseSerialGC"), List.of("f.jar"), "p.Main"));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run(wrapper, managed.toString(), "-XX:TieredStopAtLevel=1", "aws.Client", "p.H::h"))
                .containsExactly("java=" + managed, "arg=-XX:+UseSerialGC", "arg=-cp", "arg=lib/f.jar", "arg=p.Main");
    }

    private static List<String> run(Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(Path.of("/").toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }
}
