package dev.coldbrew.pack.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Maven on JDK 17 loads the goal: every class of the plugin is a Java 17 class file (major version 61). */
class ClassVersionTest {
    @Test
    void everyClassOfThePluginIsAJava17ClassFile() throws IOException {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(Path.of("target/classes"))) {
            classes = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).isNotEmpty();
        for (Path c : classes) {
            try (InputStream file = Files.newInputStream(c);
                    DataInputStream in = new DataInputStream(file)) {
                assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
                in.readUnsignedShort();
                assertThat(in.readUnsignedShort()).as(c.toString()).isEqualTo(61);
            }
        }
    }
}
