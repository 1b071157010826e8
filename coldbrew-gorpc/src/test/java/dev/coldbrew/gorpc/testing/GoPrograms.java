package dev.coldbrew.gorpc.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
        Path src = dir.resolve("src");
        for (String source : SOURCES) {
            Path target = src.resolve(source);
            Files.createDirectories(target.getParent());
            try (InputStream in = GoPrograms.class.getResourceAsStream("/go-interop/" + source)) {
                Files.copy(in, target);
            }
        }
        Path bin = dir.resolve("bin");
        GoToolchain.build(
                src,
                dir,
                Duration.ofSeconds(BUILD_TIMEOUT_SECONDS),
                "-o",
                bin + File.separator,
                "./cmd/client",
                "./cmd/server");
        return new GoPrograms(bin);
    }

    public Path client() {
        return bin.resolve("client");
    }

    public Path server() {
        return bin.resolve("server");
    }
}
