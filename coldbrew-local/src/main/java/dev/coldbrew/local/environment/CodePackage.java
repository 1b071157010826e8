package dev.coldbrew.local.environment;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Function code as Lambda sees it: a directory is used in place; a zip is extracted once into a directory
 * that is deleted on close. Unix permissions stored in the zip (the upper 16 bits of the external attributes,
 * as {@code zip} on Linux writes them) are restored, so {@code bootstrap} stays executable, and so are the
 * entries' modification times: a JDK AOT cache records the time of every class-path jar and is silently
 * ignored when a jar's time differs, so a packaged function would otherwise start without its cache.
 */
public final class CodePackage implements AutoCloseable {

    private final Path taskRoot;
    private final boolean extracted;

    private CodePackage(Path taskRoot, boolean extracted) {
        this.taskRoot = taskRoot;
        this.extracted = extracted;
    }

    public static CodePackage open(Path code) throws IOException {
        if (Files.isDirectory(code)) {
            return new CodePackage(code, false);
        }
        Path target = Files.createTempDirectory("coldbrew-task-");
        try {
            extract(code, target);
            // the environments' own users (any user but the owner) must reach the code, as on Lambda (mode 755)
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | RuntimeException e) {
            Folders.deleteTree(target);
            throw new IOException("unzip " + code + " into " + target + " failed: " + e.getMessage(), e);
        }
        return new CodePackage(target, true);
    }

    public Path taskRoot() {
        return taskRoot;
    }

    private static void extract(Path zip, Path target) throws IOException {
        Map<String, String> env = Map.of("enablePosixFileAttributes", "true");
        try (FileSystem fs = FileSystems.newFileSystem(zip, env);
                Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path out = target.resolve(entry.toString().substring(1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry " + entry + " escapes the task root");
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entry, out);
                    applyMode(entry, out);
                    Files.setLastModifiedTime(out, Files.getLastModifiedTime(entry));
                }
            }
        }
    }

    /** Copies the Unix permissions stored in the zip, if any; the owner can always read. */
    private static void applyMode(Path entry, Path out) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = EnumSet.copyOf(
                    Files.readAttributes(entry, PosixFileAttributes.class).permissions());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return;
        }
        if (perms.isEmpty()) {
            return;
        }
        perms.add(PosixFilePermission.OWNER_READ);
        Files.setPosixFilePermissions(out, perms);
    }

    @Override
    public void close() {
        if (extracted) {
            Folders.deleteTree(taskRoot);
        }
    }
}
