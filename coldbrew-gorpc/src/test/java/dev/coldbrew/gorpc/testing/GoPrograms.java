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
 * {@code golang-go}, found by {@link GoToolchain}), offline, with caches in a temp dir. Tests that build them are
 * enabled only when Go is found.
 */
public final class GoPrograms {
    private static final List<String> SOURCES =
            List.of("go.mod", "messages/messages.go", "cmd/client/main.go", "cmd/server/main.go");
    private static final long BUILD_TIMEOUT_SECONDS = 300;

    private final Path bin;

    private GoPrograms(Path bin) {
        this.bin = bin;
    }

    /** Writes the sources under {@code dir} and builds {@code client} and {@code server}. */
    public static GoPrograms build(Path dir) throws IOException, InterruptedException {
        Path go = GoToolchain.go();
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
}
