package dev.coldbrew.local.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the folders an environment made: its task root when unzipped, its log folder. */
final class Folders {
    private Folders() {}

    /** Deletes {@code root} and everything in it; true when it is gone. */
    static boolean deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // what could not be walked is still there, which the result says
        }
        return !Files.exists(root);
    }
}
