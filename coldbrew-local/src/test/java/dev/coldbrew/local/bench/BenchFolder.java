package dev.coldbrew.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folder a benchmark writes its functions into ({@code coldbrew-bench-…}), removed with everything in
 * it when the benchmark ends, also when it fails (try-with-resources).
 */
record BenchFolder(Path path) implements AutoCloseable {

    static BenchFolder create(FileAttribute<?>... attributes) throws IOException {
        return new BenchFolder(Files.createTempDirectory("coldbrew-bench-", attributes));
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    /** @throws IOException naming the folder when it is still there */
    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (Files.exists(path)) {
            throw new IOException("benchmark folder " + path + " could not be removed");
        }
    }
}
