package dev.coldbrew.pack.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coldbrew.runtime.Priming;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
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
    void primingBootstrapNamesThePackagedEventsUnlessTheEnvironmentNamesOthers() throws Exception {
        Path task = dir.resolve("task");
        Path java = task.resolve("runtime/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"priming=$COLDBREW_PRIMING\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bootstrap = task.resolve("bootstrap");
        Files.writeString(
                bootstrap,
                Launchers.bootstrap(List.of("-XX:+UseSerialGC"), "-XX:AOTCache=a.aot", List.of("f.jar"), "p.M", true));
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(run(bootstrap)).containsExactly("priming=priming");
        assertThat(run(Map.of(Launchers.ENV_PRIMING, "off"), bootstrap)).containsExactly("priming=off");
        assertThat(Launchers.ENV_PRIMING).isEqualTo(Priming.ENV_EVENTS);
        assertThat(Launchers.bootstrap(List.of(), "-XX:AOTCache=a.aot", List.of("f.jar"), "p.M"))
                .doesNotContain(Launchers.ENV_PRIMING);
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
        return run(Map.of(), script, args);
    }

    private static List<String> run(Map<String, String> env, Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(Path.of("/").toFile()).redirectErrorStream(true);
        builder.environment().remove(Launchers.ENV_PRIMING);
        builder.environment().putAll(env);
        Process p = builder.start();
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
