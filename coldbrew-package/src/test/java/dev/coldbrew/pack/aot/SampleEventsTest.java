package dev.coldbrew.pack.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coldbrew.pack.PackageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEventsTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryJsonFileInNameOrderAndIgnoresOthers() throws Exception {
        Files.writeString(dir.resolve("b.json"), "{\"n\":2}");
        Files.writeString(dir.resolve("a.json"), "[1, 2]");
        Files.writeString(dir.resolve("notes.txt"), "not an event");
        SampleEvents events = SampleEvents.read(dir);
        assertThat(events.events()).extracting(SampleEvents.Event::fileName).containsExactly("a.json", "b.json");
        assertThat(new String(events.events().get(1).payload())).isEqualTo("{\"n\":2}");
    }

    @Test
    void invalidJsonNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("good.json"), "{}");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"n\": 1,}");
        assertThatThrownBy(() -> SampleEvents.read(dir))
                .isInstanceOf(PackageException.class)
                .hasMessageStartingWith("event file " + bad + " is not valid JSON: ");
    }

    @Test
    void anEmptyFileIsNotJson() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThatThrownBy(() -> SampleEvents.read(dir))
                .isInstanceOf(PackageException.class)
                .hasMessageStartingWith("event file " + empty + " is not valid JSON");
    }

    @Test
    void aFolderWithoutJsonFilesIsAnError() throws Exception {
        Files.writeString(dir.resolve("event.txt"), "{}");
        assertThatThrownBy(() -> SampleEvents.read(dir))
                .isInstanceOf(PackageException.class)
                .hasMessage("events folder " + dir + " holds no *.json file (one JSON event per file)");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> SampleEvents.read(missing))
                .isInstanceOf(PackageException.class)
                .hasMessage("events folder " + missing + " does not exist or is not a directory");
    }
}
