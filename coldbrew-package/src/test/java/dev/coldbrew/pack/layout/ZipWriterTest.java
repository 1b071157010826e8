package dev.coldbrew.pack.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipWriterTest {
    @TempDir
    Path dir;

    @Test
    void storesUnixPermissionsSoBootstrapStaysExecutable() throws Exception {
        Path folder = dir.resolve("pkg");
        Files.createDirectories(folder.resolve("lib"));
        Files.writeString(folder.resolve("bootstrap"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(folder.resolve("bootstrap"), PosixFilePermissions.fromString("rwx------"));
        Files.writeString(folder.resolve("lib/a.jar"), "jar");
        Path zip = dir.resolve("function.zip");
        ZipWriter.write(folder, zip);

        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            assertThat(mode(fs.getPath("/bootstrap"))).isEqualTo("rwxr-xr-x");
            assertThat(mode(fs.getPath("/lib/a.jar"))).isEqualTo("rw-r--r--");
            assertThat(Files.readString(fs.getPath("/lib/a.jar"))).isEqualTo("jar");
        }
        assertThat(ZipWriter.unzippedSize(folder)).isEqualTo(13);
    }

    @Test
    void theSameFolderGivesTheSameBytes() throws Exception {
        Path folder = dir.resolve("pkg");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a"), "a");
        ZipWriter.write(folder, dir.resolve("1.zip"));
        Files.setLastModifiedTime(folder.resolve("a"), java.nio.file.attribute.FileTime.fromMillis(0));
        ZipWriter.write(folder, dir.resolve("2.zip"));
        assertThat(Files.readAllBytes(dir.resolve("1.zip"))).isEqualTo(Files.readAllBytes(dir.resolve("2.zip")));
    }

    private static String mode(Path entry) throws Exception {
        return PosixFilePermissions.toString(
                Files.readAttributes(entry, PosixFileAttributes.class).permissions());
    }
}
