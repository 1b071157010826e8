package dev.coldbrew.local.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a runtime's output file on from where the last read stopped, and giving read bytes back. */
class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void readsOnlyWhatWasAppendedSinceTheLastRead() throws Exception {
        Path path = Files.writeString(dir.resolve("out"), "one ");
        try (OutputFile file = OutputFile.open(path)) {
            assertThat(readAll(file)).isEqualTo("one ");
            assertThat(readAll(file)).isEmpty();

            Files.writeString(path, "two", StandardOpenOption.APPEND);

            assertThat(readAll(file)).isEqualTo("two");
            assertThat(file.position()).isEqualTo(7);
        }
    }

    @Test
    void theSpaceOfReadBytesGoesBackToTheFileSystemAndLaterOutputIsStillRead() throws Exception {
        Path path = dir.resolve("out");
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 20; i++) {
            Files.write(path, chunk, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        try (OutputFile file = OutputFile.open(path)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (file.read(buffer.clear()) > 0) {
                // read to the end
            }
            long before = allocatedBytes(path);

            file.releaseRead();
            Files.writeString(path, "after the hole", StandardOpenOption.APPEND);

            assertThat(Files.size(path)).isEqualTo(20L * 1024 * 1024 + 14);
            assertThat(allocatedBytes(path)).isLessThan(before - OutputFile.RELEASE_BYTES + 1024 * 1024);
            assertThat(readAll(file)).isEqualTo("after the hole");
        }
    }

    private static String readAll(OutputFile file) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        StringBuilder text = new StringBuilder();
        for (int n; (n = file.read(buffer.clear())) > 0; ) {
            text.append(new String(buffer.array(), 0, n, java.nio.charset.StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** Blocks the file occupies, from stat(1). */
    private static long allocatedBytes(Path path) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", path.toString()).start();
        assertThat(stat.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String[] fields =
                new String(stat.getInputStream().readAllBytes()).trim().split(" ");
        return Long.parseLong(fields[0]) * Long.parseLong(fields[1]);
    }
}
