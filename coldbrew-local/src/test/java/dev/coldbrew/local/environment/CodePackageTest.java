package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodePackageTest {
    private static final FileTime FIXED = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aZipIsExtractedWithItsEntriesModificationTimes() throws IOException {
        Path zip = zip("lib/function.jar", "jar bytes");
        Path root;
        try (CodePackage code = CodePackage.open(zip)) {
            root = code.taskRoot();
            Path jar = root.resolve("lib/function.jar");
            assertThat(jar).hasContent("jar bytes");
            assertThat(Files.getLastModifiedTime(jar)).isEqualTo(FIXED);
        }
        assertThat(root).doesNotExist();
    }

    @Test
    void aDirectoryIsUsedInPlaceAndKept() throws IOException {
        try (CodePackage code = CodePackage.open(dir)) {
            assertThat(code.taskRoot()).isEqualTo(dir);
        }
        assertThat(dir).isDirectory();
    }

    @Test
    void anEntryEscapingTheTaskRootIsRefused() throws IOException {
        Path zip = zip("../escape.txt", "x");
        assertThatThrownBy(() -> CodePackage.open(zip))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unzip " + zip)
                .hasMessageContaining("escape.txt");
    }

    private Path zip(String name, String content) throws IOException {
        Path zip = dir.resolve("code.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setLastModifiedTime(FIXED);
            out.putNextEntry(entry);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }
}
