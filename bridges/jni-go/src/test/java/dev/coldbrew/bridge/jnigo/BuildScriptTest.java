package dev.coldbrew.bridge.jnigo;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@code src/main/go/build.sh} on machines with and without Go: without Go the build goes on without the library (a
 * warning says what is lost); Go is found off {@code PATH} in the usual install places, the newest version first; a
 * configured Go that is not one is an error. Runs the script with a {@code PATH} of only the tools it needs, fake
 * {@code go} and {@code gcc} scripts standing in for the toolchain.
 */
class BuildScriptTest {
    private static final Path SCRIPT = Path.of("src/main/go/build.sh").toAbsolutePath();
    private static final List<String> TOOLS = List.of("dirname", "basename", "sort", "tail", "mkdir", "rm");

    @TempDir
    Path dir;

    @Test
    void withoutGoTheLibraryIsSkippedWithAWarningAndTheBuildGoesOn() throws Exception {
        Run run = run(Map.of("COLDBREW_GO_PLACES", dir.resolve("nowhere") + " " + dir.resolve("usr/lib/go-*/bin")));

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output)
                .contains("[WARNING] coldbrew-bridge-jni-go: no Go found (COLDBREW_GO, PATH, " + dir.resolve("nowhere"))
                .contains("so libcoldbrew-jni-go.so is not built")
                .contains("apt-get install golang-go");
        assertThat(out()).doesNotExist();
    }

    @Test
    void goIsFoundInTheUsualPlacesNewestVersionFirst() throws Exception {
        fakeGo("usr/lib/go-1.9/bin");
        fakeGo("usr/lib/go-1.19/bin");
        fakeGo("usr/lib/go-1.18/bin");
        executable(dir.resolve("bin/gcc"), "#!/bin/sh\nexit 0\n");

        Run run = run(
                Map.of("COLDBREW_GO_PLACES", dir.resolve("usr/local/go/bin") + " " + dir.resolve("usr/lib/go-*/bin")));

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(Files.readString(out()))
                .startsWith(dir.resolve("usr/lib/go-1.19/bin/go") + " build -buildmode=c-shared");
    }

    @Test
    void aConfiguredGoThatIsNoExecutableIsAnErrorNamingIt() throws Exception {
        Run run = run(Map.of("COLDBREW_GO", "/nowhere/go"));

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output)
                .contains("COLDBREW_GO is '/nowhere/go', but that is not an executable file (a Go binary)");
        assertThat(out()).doesNotExist();
    }

    private Path out() {
        return dir.resolve("out/libcoldbrew-jni-go.so");
    }

    /** A {@code go} that writes its own path and arguments into the {@code -o} file, as if it built the library. */
    private void fakeGo(String place) throws IOException {
        executable(dir.resolve(place).resolve("go"), """
                #!/bin/sh
                out=
                prev=
                for a in "$@"; do [ "$prev" = "-o" ] && out=$a; prev=$a; done
                echo "$0 $*" > "$out"
                """);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(Map<String, String> env) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : TOOLS) {
            Path link = bin.resolve(tool);
            if (Files.notExists(link)) {
                Files.createSymbolicLink(link, which(tool));
            }
        }
        Path log = dir.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(
                        "/bin/sh", SCRIPT.toString(), out().toString(), System.getProperty("java.home"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("build.sh ended")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path which(String tool) {
        for (String place : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(place, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " is in neither /usr/bin nor /bin");
    }

    private record Run(int exitCode, String output) {}
}
