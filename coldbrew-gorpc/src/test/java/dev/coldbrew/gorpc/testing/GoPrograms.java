package dev.coldbrew.gorpc.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the Go programs in {@code src/test/resources/go-interop/} with the installed Go toolchain (Debian's
 * {@code golang-go}), offline, with caches in a temp dir. Go is required: without it the interop tests fail
 * with a message saying how to install it.
 */
public final class GoPrograms {
    private static final List<String> SOURCES =
            List.of("go.mod", "messages/messages.go", "cmd/client/main.go", "cmd/server/main.go");
    private static final long BUILD_TIMEOUT_SECONDS = 300;
    private static final String GO_PROPERTY = "coldbrew.go";
    private static final String INSTALL_HINT =
            "Install Go (Debian: apt-get install -y golang-go; CI's .ci/run does) or point -Dcoldbrew.go at it.";

    private final Path bin;

    private GoPrograms(Path bin) {
        this.bin = bin;
    }

    /** Writes the sources under {@code dir} and builds {@code client} and {@code server}. */
    public static GoPrograms build(Path dir) throws IOException, InterruptedException {
        Path go = findGo();
        Path src = dir.resolve("src");
        for (String source : SOURCES) {
            Path target = src.resolve(source);
            Files.createDirectories(target.getParent());
            try (InputStream in = GoPrograms.class.getResourceAsStream("/go-interop/" + source)) {
                Files.copy(in, target);
            }
        }
        Path bin = dir.resolve("bin");
        ProcessBuilder build = new ProcessBuilder(
                        go.toString(), "build", "-o", bin + File.separator, "./cmd/client", "./cmd/server")
                .directory(src.toFile())
                .redirectErrorStream(true);
        build.environment()
                .putAll(Map.of(
                        "GOCACHE", dir.resolve("gocache").toString(),
                        "GOPATH", dir.resolve("gopath").toString(),
                        "GOPROXY", "off",
                        "GO111MODULE", "on",
                        "GOFLAGS", ""));
        BoundedProcess.Result result = BoundedProcess.run(build, Duration.ofSeconds(BUILD_TIMEOUT_SECONDS));
        if (!result.exited() || result.exitCode() != 0) {
            fail("go build of the interop programs in " + src + " failed ("
                    + (result.exited()
                            ? "exit code " + result.exitCode()
                            : "no exit within " + BUILD_TIMEOUT_SECONDS + " s")
                    + "):\n" + result.output());
        }
        return new GoPrograms(bin);
    }

    public Path client() {
        return bin.resolve("client");
    }

    public Path server() {
        return bin.resolve("server");
    }

    /** The Go binary: {@code -Dcoldbrew.go=/path/to/go} if given, else {@code go} on the PATH. */
    private static Path findGo() {
        String configured = System.getProperty(GO_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path go = Path.of(configured);
            if (!Files.isExecutable(go)) {
                fail("-D" + GO_PROPERTY + "=" + configured + " is not an executable Go binary; " + INSTALL_HINT);
            }
            return go;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "go");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("Go is required for coldbrew-gorpc's interop tests (Go's own net/rpc is the peer), but no `go`"
                + " was found on PATH (" + path + "). " + INSTALL_HINT);
    }
}
