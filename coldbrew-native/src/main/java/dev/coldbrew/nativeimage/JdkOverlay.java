package dev.coldbrew.nativeimage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A JDK that coldbrew owns, for the image builder's JVM: the builder loads
 * {@code <java.home>/lib/svm/builder/lib/libreporterchelper.so}, which no JDK has, and the JDK itself must not be
 * written. The overlay is a folder of symbolic links to the JDK's files plus that library. Two files are real:
 * {@code bin/java} (a copy; the launcher finds its home from its own resolved path) and
 * {@code lib/server/libjvm.so} (a hard link, or a copy across file systems; HotSpot derives {@code java.home} from
 * its resolved path), so {@code java.home} is the overlay.
 */
final class JdkOverlay {
    static final Path REPORTER_LIBRARY = Path.of("lib", "svm", "builder", "lib", "libreporterchelper.so");

    private JdkOverlay() {}

    /** Makes the overlay of {@code jdk} in {@code dir} (which must not exist yet) with the reporter library. */
    static void create(Path jdk, Path dir, Path reporterLibrary) throws IOException {
        Files.createDirectories(dir);
        linkChildren(jdk, dir, "bin", "lib");
        Files.createDirectories(dir.resolve("bin"));
        linkChildren(jdk.resolve("bin"), dir.resolve("bin"), "java");
        Files.copy(jdk.resolve("bin/java"), dir.resolve("bin/java"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(dir.resolve("lib/server"));
        linkChildren(jdk.resolve("lib"), dir.resolve("lib"), "server");
        linkChildren(jdk.resolve("lib/server"), dir.resolve("lib/server"), "libjvm.so");
        hardLinkOrCopy(jdk.resolve("lib/server/libjvm.so"), dir.resolve("lib/server/libjvm.so"));
        Files.createDirectories(dir.resolve(REPORTER_LIBRARY).getParent());
        Files.copy(reporterLibrary, dir.resolve(REPORTER_LIBRARY));
    }

    private static void linkChildren(Path from, Path to, String... except) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (Stream.of(except).noneMatch(name::equals)) {
                    Files.createSymbolicLink(to.resolve(name), child);
                }
            }
        }
    }

    private static void hardLinkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
