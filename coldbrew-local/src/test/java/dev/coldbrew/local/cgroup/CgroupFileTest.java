package dev.coldbrew.local.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept-open control file on plain files (CgroupLimitsIT reads and writes the kernel's own through it). */
class CgroupFileTest {

    @TempDir
    Path dir;

    @Test
    void everyReadSeesTheContentOfThatMoment() throws IOException {
        Path path = Files.writeString(dir.resolve("memory.max_usage_in_bytes"), "4096\n");
        CgroupFile file = new CgroupFile(path, true);

        String first = file.read();
        Files.writeString(path, "73400320\n");

        assertThat(first).isEqualTo("4096\n");
        assertThat(file.read()).isEqualTo("73400320\n");
    }

    @Test
    void aWriteGoesToTheStartOfTheFile() throws IOException {
        Path path = Files.writeString(dir.resolve("freezer.state"), "");
        CgroupFile file = new CgroupFile(path, true);

        file.write("FROZEN");
        file.write("THAWED");

        assertThat(Files.readString(path)).isEqualTo("THAWED");
    }

    @Test
    void aWriteOnAnInterruptedThreadLeavesTheFileWritableForTheNextOne() throws Exception {
        Path path = Files.writeString(dir.resolve("freezer.state"), "");
        CgroupFile file = new CgroupFile(path, true);
        file.write("THAWED");
        Throwable[] failed = new Throwable[1];

        Thread interrupted = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt(); // as a scheduler shut down or a caller that stops waiting
            try {
                file.write("FROZEN");
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        interrupted.join(60_000);
        file.write("THAWED"); // the thaw before a kill: a frozen environment cannot be killed

        assertThat(failed[0]).isNull();
        assertThat(Files.readString(path)).isEqualTo("THAWED");
    }

    @Test
    void aClosedFileNamesItselfAndStaysClosed() throws IOException {
        Path path = Files.writeString(dir.resolve("memory.stat"), "cache 0\n");
        CgroupFile file = new CgroupFile(path, false);
        file.read();

        file.close();

        assertThatThrownBy(file::read).hasMessageContaining(path.toString()).hasMessageContaining("closed");
    }

    @Test
    void aFileLargerThanTheBufferIsAnErrorNotATruncatedValue() throws IOException {
        Path path = Files.writeString(dir.resolve("memory.stat"), "x".repeat(20_000));

        assertThatThrownBy(new CgroupFile(path, false)::read)
                .hasMessageContaining("read " + path + " failed: larger than 16384 bytes");
    }
}
