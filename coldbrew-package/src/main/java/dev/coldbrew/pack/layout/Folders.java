package dev.coldbrew.pack.layout;

import dev.coldbrew.pack.PackageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** File operations on a package's folders, each failing with the path in the message. */
public final class Folders {
    private Folders() {}

    /** Writes an executable ({@code rwxr-xr-x}) text file. */
    public static void writeExecutable(Path file, String text) throws PackageException {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new PackageException("write " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Copies a file into a folder under its own name. */
    public static void copyInto(Path file, Path folder) throws PackageException {
        try {
            Files.createDirectories(folder);
            Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PackageException("copy " + file + " into " + folder + " failed: " + e.getMessage(), e);
        }
    }

    /** Copies a folder tree, keeping permissions (the bundled runtime's executables). */
    public static void copyTree(Path from, Path to) throws PackageException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new PackageException("copy " + from + " to " + to + " failed: " + e.getMessage(), e);
        }
    }

    /** Deletes a tree, best effort (temporary folders). */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /**
     * Creates the output folder if needed and checks that a file can be written there.
     *
     * @throws PackageException naming the folder when it cannot be created or written
     */
    public static void requireWritable(Path dir) throws PackageException {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".coldbrew-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new PackageException(
                    "output directory " + dir + " is not writable: "
                            + e.getClass().getSimpleName() + " " + e.getMessage(),
                    e);
        }
    }
}
