package dev.coldbrew.pack.layout;

import dev.coldbrew.pack.PackageException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a folder as a Lambda deployment zip: entries in sorted order with a fixed time (the same input gives the
 * same bytes), and Unix permissions stored in each entry (as {@code zip} on Linux stores them), so that Lambda
 * unpacks {@code bootstrap} and {@code runtime/bin/java} executable.
 */
public final class ZipWriter {
    private ZipWriter() {}

    /**
     * 2000-01-01T00:00:00Z: the modification time of every file of a package, in the staging folder (before the AOT
     * cache is made: the JVM checks the recorded time of each jar on the class path) and in the zip.
     */
    public static final FileTime ENTRY_TIME = FileTime.fromMillis(946_684_800_000L);

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Zips every file under {@code folder} into {@code zip} (replaced if it exists).
     *
     * @throws PackageException naming the zip and the file being written when writing fails
     */
    public static void write(Path folder, Path zip) throws PackageException {
        try {
            Files.deleteIfExists(zip);
        } catch (IOException e) {
            throw new PackageException("replace " + zip + " failed: " + e.getMessage(), e);
        }
        URI uri = URI.create("jar:" + zip.toUri());
        Map<String, Object> env = Map.of("create", "true", "enablePosixFileAttributes", "true");
        try (FileSystem fs = FileSystems.newFileSystem(uri, env);
                Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.sorted().toList()) {
                if (!file.equals(folder)) {
                    add(
                            folder,
                            file,
                            fs.getPath("/").resolve(folder.relativize(file).toString()));
                }
            }
        } catch (IOException e) {
            throw new PackageException("write " + zip + " from " + folder + " failed: " + e.getMessage(), e);
        }
    }

    private static void add(Path folder, Path file, Path entry) throws IOException {
        if (Files.isDirectory(file)) {
            Files.createDirectories(entry);
            Files.setPosixFilePermissions(entry, EXECUTABLE);
        } else {
            Files.copy(file, entry);
            Files.setPosixFilePermissions(entry, Files.isExecutable(file) ? EXECUTABLE : REGULAR);
        }
        Files.setLastModifiedTime(entry, ENTRY_TIME);
    }

    /**
     * Unpacks a package as Lambda does: every entry under {@code target} with its Unix permissions and modification
     * time.
     *
     * @throws PackageException naming the zip and the entry when unpacking fails or an entry escapes the target
     */
    public static void extract(Path zip, Path target) throws PackageException {
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> walk = Files.walk(fs.getPath("/"))) {
            for (Path entry : walk.toList()) {
                Path out = target.resolve(entry.toString().substring(1)).normalize();
                if (!out.startsWith(target)) {
                    throw new PackageException("unzip " + zip + ": entry " + entry + " escapes " + target);
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(entry, out);
                    Files.setPosixFilePermissions(
                            out,
                            Files.readAttributes(entry, PosixFileAttributes.class)
                                    .permissions());
                    Files.setLastModifiedTime(out, Files.getLastModifiedTime(entry));
                }
            }
        } catch (IOException e) {
            throw new PackageException("unzip " + zip + " into " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Sets the modification time of every file under {@code folder} to {@link #ENTRY_TIME}. */
    public static void fixTimes(Path folder) throws PackageException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, ENTRY_TIME);
            }
        } catch (IOException e) {
            throw new PackageException("set file times under " + folder + " failed: " + e.getMessage(), e);
        }
    }

    /** The sum of the sizes of the regular files under {@code folder}: the package's unzipped size. */
    public static long unzippedSize(Path folder) throws PackageException {
        try (Stream<Path> walk = Files.walk(folder)) {
            long total = 0;
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        } catch (IOException e) {
            throw new PackageException("measure " + folder + " failed: " + e.getMessage(), e);
        }
    }
}
