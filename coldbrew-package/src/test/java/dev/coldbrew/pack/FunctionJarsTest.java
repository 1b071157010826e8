package dev.coldbrew.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionJarsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingJarIsNamed() {
        Path missing = dir.resolve("nope.jar");
        assertThatThrownBy(() -> FunctionJars.open(List.of(missing)))
                .isInstanceOf(PackageException.class)
                .hasMessage("function jar " + missing + " does not exist");
    }

    @Test
    void aFileThatIsNotAJarIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("text.jar"), "not a zip");
        assertThatThrownBy(() -> FunctionJars.open(List.of(text)))
                .isInstanceOf(PackageException.class)
                .hasMessageStartingWith("function jar " + text + " is not a valid jar");
    }

    @Test
    void noJarsAtAllIsAnError() {
        assertThatThrownBy(() -> FunctionJars.open(List.of()))
                .isInstanceOf(PackageException.class)
                .hasMessageContaining("no function jars");
    }

    @Test
    void twoJarsWithTheSameNameAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = TestJars.jarWithClasses(dir.resolve("a/x.jar"), null, "p.A");
        Path b = TestJars.jarWithClasses(dir.resolve("b/x.jar"), null, "p.B");
        assertThatThrownBy(() -> FunctionJars.open(List.of(a, b)))
                .isInstanceOf(PackageException.class)
                .hasMessageContaining("two jars are named x.jar");
    }

    @Test
    void findsClassesAndTheManifestMainClass() throws Exception {
        Path jar = TestJars.jarWithClasses(dir.resolve("f.jar"), "p.Main", "p.Main", "p.Handler");
        FunctionJars jars = FunctionJars.open(List.of(jar));
        assertThat(jars.containsClass("p.Handler")).isTrue();
        assertThat(jars.containsClass("p.Other")).isFalse();
        assertThat(jars.manifestMainClass()).contains("p.Main");
    }

    @Test
    void collectsServiceProvidersWithoutComments() throws Exception {
        Path jar = dir.resolve("svc.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/p.Spi"));
            out.write("# providers\np.Impl  # the default\n\nq.Other\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(FunctionJars.open(List.of(jar)).serviceProviders()).containsExactlyInAnyOrder("p.Impl", "q.Other");
    }

    @Test
    void aCodeDirectoryContributesLibJarsThenRootJars() throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Path b = TestJars.jarWithClasses(dir.resolve("lib/b.jar"), null, "p.B");
        Path a = TestJars.jarWithClasses(dir.resolve("lib/a.jar"), null, "p.A");
        Path root = TestJars.jarWithClasses(dir.resolve("fn.jar"), null, "p.F");
        assertThat(FunctionJars.inCodeDirectory(dir)).containsExactly(a, b, root);
    }

    @Test
    void aCodeDirectoryWithoutJarsIsAnError() {
        assertThatThrownBy(() -> FunctionJars.inCodeDirectory(dir))
                .isInstanceOf(PackageException.class)
                .hasMessageContaining("holds no jar");
    }
}
