package dev.coldbrew.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReachabilityMetadataTest {
    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new JarEntry(entries[i]));
                out.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void configurationFilesInAJarBecomeAConfigurationFolder() throws Exception {
        Path jar = jar("a.jar", "META-INF/native-image/g/a/reachability-metadata.json", "{}", "a/A.class", "");
        List<String> options = ReachabilityMetadata.options(List.of(jar), dir.resolve("work"));
        assertThat(options).hasSize(1);
        Path config = Path.of(options.getFirst().substring("-H:ConfigurationFileDirectories=".length()));
        assertThat(config.resolve("reachability-metadata.json")).hasContent("{}");
    }

    @Test
    void driverOptionsInNativeImagePropertiesAreTranslated() throws Exception {
        Path jar = jar(
                "b.jar",
                "META-INF/native-image/g/b/native-image.properties",
                "Args = --initialize-at-build-time=a.B,a.C \\\n  --enable-url-protocols=http -H:+Foo --no-fallback\n");
        assertThat(ReachabilityMetadata.options(List.of(jar), dir.resolve("work")))
                .containsExactly(
                        "-H:ClassInitialization=a.B:build_time",
                        "-H:ClassInitialization=a.C:build_time",
                        "-H:EnableURLProtocols=http",
                        "-H:+Foo");
    }

    @Test
    void anOptionItCannotTranslateNamesTheJarAndTheOption() throws Exception {
        Path jar = jar("c.jar", "META-INF/native-image/g/c/native-image.properties", "Args = --pgo\n");
        assertThatThrownBy(() -> ReachabilityMetadata.options(List.of(jar), dir.resolve("work")))
                .isInstanceOf(NativeImageException.class)
                .hasMessageStartingWith(jar + "!/META-INF/native-image/g/c/native-image.properties asks the"
                        + " native-image driver for --pgo");
    }

    @Test
    void aClassFolderIsReadInPlace() throws Exception {
        Path config = Files.createDirectories(dir.resolve("classes/META-INF/native-image/g/d"));
        Files.writeString(config.resolve("reflect-config.json"), "[]");
        assertThat(ReachabilityMetadata.options(List.of(dir.resolve("classes")), dir.resolve("work")))
                .containsExactly("-H:ConfigurationFileDirectories=" + config);
    }
}
